import { ThumbsDown, ThumbsUp } from 'lucide-react';
import { formatDateTime } from '../../format';
import type { RunSummary } from './store';

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

interface RowProps {
  /** 0-based position in the list. */
  index: number;
  top: number;
  height: number;
}

/** One run in the History list. */
export function RunRow({ run, index, top, height, selected, onSelect }: RowProps & { run: RunSummary; selected: boolean; onSelect(id: string): void }): React.JSX.Element {
  return (
    <button
      type="button"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="history-row"
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(run.id)}
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
}

/** A row whose page is on its way. */
export function PlaceholderRow({ index, top, height }: RowProps): React.JSX.Element {
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="history-row placeholder" style={{ transform: `translateY(${top}px)`, height }}>
      {Array.from({ length: 8 }, (_, cell) => (
        <span role="cell" key={cell}>
          <span className="placeholder-bar" />
        </span>
      ))}
    </div>
  );
}
