import { Download, History, Search } from 'lucide-react';
import { useEffect } from 'react';
import { PROVIDER_IDS } from '../../../../shared/providers';
import { RUN_SOURCES, RUN_STATUSES } from '../../../../shared/runs';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useScaledRows } from '../../components/useScaledRows';
import { downloadHistory } from './exportFile';
import { RunDetail } from './RunDetail';
import { PlaceholderRow, RunRow } from './RunRow';
import { rowAt, useHistory, type HistoryFilters } from './store';
import { UndoToast } from './UndoToast';

const ROW_HEIGHT = 52;
const OVERSCAN = 12;
/** Rows fetched beyond those in view, so that scrolling on by wheel or keys rarely meets a placeholder. */
const PREFETCH = 30;
/** While the scrollbar is dragged the rows in view change every frame: fetch once it rests this long. */
const FETCH_DEBOUNCE_MS = 80;

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
  const { pages, total, totalExact, loading, error, filters, selected, setFilter, reload, want, select } = useHistory();
  useEffect(() => void reload({ fromTop: true }), [reload]);
  useEffect(
    () =>
      client.subscribe('run', (event) => {
        if (event.type === 'run.finished') void useHistory.getState().reload();
      }),
    [],
  );

  const { first, last, top, scrollHeight, attach, scrollToTop } = useScaledRows(total, ROW_HEIGHT, OVERSCAN);
  useEffect(() => {
    const timer = setTimeout(() => want({ first: Math.max(0, first - PREFETCH), last: Math.min(total, last + PREFETCH) }), FETCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [first, last, total, want]);
  // New filters list from the first row.
  useEffect(() => scrollToTop(), [filters, scrollToTop]);

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
            disabled={total === 0}
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
      {total === 0 && !loading ? (
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
          <div className="history-table" role="table" aria-label="Runs" aria-rowcount={totalExact ? total + 1 : -1}>
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
            <div className="history-scroll" ref={attach} data-testid="history-scroll">
              <div style={{ height: scrollHeight, position: 'relative' }}>
                {/* Placed with `top` (layout units stay exact ~12 M px down); rows move within it by small transforms. */}
                <div className="history-window" style={{ top }}>
                  {Array.from({ length: last - first }, (_, i) => {
                    const index = first + i;
                    const run = rowAt(pages, index);
                    const top = i * ROW_HEIGHT;
                    return run ? (
                      <RunRow key={run.id} run={run} index={index} top={top} height={ROW_HEIGHT} selected={selected?.id === run.id} onSelect={(id) => void select(id)} />
                    ) : (
                      <PlaceholderRow key={`placeholder-${index}`} index={index} top={top} height={ROW_HEIGHT} />
                    );
                  })}
                </div>
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
