import { useVirtualizer } from '@tanstack/react-virtual';
import { Download, History, Search, ThumbsDown, ThumbsUp } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { PROVIDER_IDS } from '../../../../shared/providers';
import { RUN_SOURCES, RUN_STATUSES } from '../../../../shared/runs';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { downloadHistory } from './exportFile';
import { RunDetail } from './RunDetail';
import { useHistory, type HistoryFilters, type RunSummary } from './store';
import { UndoToast } from './UndoToast';

const ROW_HEIGHT = 52;

const totalCost = (run: RunSummary): string => {
  const results = run.results;
  if (results.length === 0 || results.some((r) => !r.metadata.cost_known)) return '—';
  const sum = results.reduce((acc, r) => acc + (r.metadata.estimated_cost ?? 0), 0);
  return sum < 0.0001 ? '< $0.0001' : `$${sum.toFixed(4)}`;
};

const slowest = (run: RunSummary): string => {
  const times = run.results.map((r) => r.metadata.response_time_ms).filter((t): t is number => t !== null);
  return times.length ? `${Math.max(...times).toLocaleString()} ms` : '—';
};

function Select({ name, label, options }: { name: keyof HistoryFilters; label: string; options: readonly string[] }): React.JSX.Element {
  const value = useHistory((s) => s.filters[name]);
  const setFilter = useHistory((s) => s.setFilter);
  return (
    <select value={value} onChange={(e) => setFilter(name, e.target.value)} aria-label={label}>
      <option value="">{label}: all</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

export function HistoryPage(): React.JSX.Element {
  const { rows, total, totalExact, loading, error, filters, selected, setFilter, reload, loadMore, select } = useHistory();
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => void reload(), [reload]);
  useEffect(
    () =>
      client.subscribe('run', (event) => {
        if (event.type === 'run.finished') void useHistory.getState().reload();
      }),
    [],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 20) void loadMore();
  }, [last, rows.length, loadMore]);

  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader section="history" />
      <div className="history-toolbar">
        <label className="search-field">
          <Search size={15} aria-hidden="true" />
          <input
            type="search"
            placeholder="Search prompts and answers"
            value={filters.q}
            onChange={(e) => setFilter('q', e.target.value)}
            aria-label="Search runs"
          />
        </label>
        <Select name="provider" label="Provider" options={PROVIDER_IDS} />
        <Select name="source" label="Source" options={RUN_SOURCES} />
        <Select name="status" label="Status" options={RUN_STATUSES} />
        <Select name="rating" label="Rating" options={['up', 'down', 'none']} />
        {(['json', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="ghost-button inline"
            disabled={rows.length === 0}
            onClick={() => void downloadHistory(filters, format).catch((e: Error) => useHistory.setState({ error: e.message }))}
          >
            <Download size={14} aria-hidden="true" /> {format.toUpperCase()}
          </button>
        ))}
        <span className="muted history-count" aria-live="polite">
          {total.toLocaleString()}
          {totalExact ? '' : '+'} run{total === 1 && totalExact ? '' : 's'}
        </span>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length === 0 && !loading ? (
        filtered ? (
          <EmptyState icon={Search} title="No runs match">
            Try fewer filters or another search.
          </EmptyState>
        ) : (
          <EmptyState icon={History} title="No runs yet">
            Every run lands here as it finishes — from the Compare screen, the local API, schedules, MCP clients and ingested traces.
          </EmptyState>
        )
      ) : (
        <div className={`history-layout${selected ? ' with-detail' : ''}`}>
          <div className="history-table" role="table" aria-label="Runs" aria-rowcount={totalExact ? total : -1}>
            <div className="history-row history-head" role="row">
              <span role="columnheader">Time</span>
              <span role="columnheader">Source</span>
              <span role="columnheader">Prompt</span>
              <span role="columnheader">Models</span>
              <span role="columnheader">Status</span>
              <span role="columnheader" className="num">
                Cost
              </span>
              <span role="columnheader" className="num">
                Latency
              </span>
              <span role="columnheader">Rating</span>
            </div>
            <div className="history-scroll" ref={scrollRef} data-testid="history-scroll">
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const run = rows[item.index]!;
                  return (
                    <button
                      type="button"
                      key={run.id}
                      role="row"
                      aria-rowindex={item.index + 2}
                      aria-selected={selected?.id === run.id}
                      className="history-row"
                      style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                      onClick={() => void select(run.id)}
                    >
                      <span role="cell">{formatDateTime(run.created_at)}</span>
                      <span role="cell">
                        <span className="provider-chip">{run.source}</span>
                      </span>
                      <span role="cell" className="excerpt">
                        {run.rendered_prompt.slice(0, 200)}
                      </span>
                      <span role="cell" className="excerpt">
                        {run.results.map((r) => r.model).join(', ')}
                      </span>
                      <span role="cell">
                        <span className={`status-pill status-${run.status === 'partial' ? 'failed' : run.status}`}>{run.status}</span>
                      </span>
                      <span role="cell" className="num">
                        {totalCost(run)}
                      </span>
                      <span role="cell" className="num">
                        {slowest(run)}
                      </span>
                      <span role="cell">
                        {run.rating === 1 || run.results.some((r) => r.rating === 1) ? (
                          <ThumbsUp size={14} className="rating-up" aria-label="Rated up" />
                        ) : run.rating === -1 || run.results.some((r) => r.rating === -1) ? (
                          <ThumbsDown size={14} className="rating-down" aria-label="Rated down" />
                        ) : null}
                      </span>
                    </button>
                  );
                })}
              </div>
            </div>
          </div>
          {selected ? <RunDetail run={selected} /> : null}
        </div>
      )}
      <UndoToast />
    </>
  );
}
