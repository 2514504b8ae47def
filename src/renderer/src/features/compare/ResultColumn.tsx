import { ArrowLeft, ArrowRight, Copy, NotebookPen, ThumbsDown, ThumbsUp, X } from 'lucide-react';
import { useState } from 'react';
import { AnswerBody } from './AnswerBody';
import { BADGE_LABELS, type Badge } from './badges';
import { Metrics } from './Metrics';
import { useCompare, type Column } from './store';

const STATUS_LABEL = {
  pending: 'Waiting',
  streaming: 'Streaming',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Stopped',
  interrupted: 'Interrupted',
} as const;

export function ResultColumn({
  column,
  index,
  count,
  badges,
}: {
  column: Column;
  index: number;
  count: number;
  badges: Badge[];
}): React.JSX.Element {
  const result = useCompare((s) => s.results[column.key]);
  const { updateColumn, removeColumn, moveColumn, retry, rate, annotate, running } = useCompare();
  const [noting, setNoting] = useState(false);
  const [raw, setRaw] = useState(false);
  const label = `${column.provider}/${column.model}`;

  return (
    <article className={`result-column status-${result?.status ?? 'idle'}`} aria-label={label} data-testid="result-column">
      <header className="column-header">
        <div className="column-title">
          <span className="provider-chip">{column.provider}</span>
          <strong className="model-name" title={column.model}>
            {column.model}
          </strong>
          {result ? <span className={`status-pill status-${result.status}`}>{STATUS_LABEL[result.status]}</span> : null}
        </div>
        <div className="column-tools">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} left`}
            disabled={index === 0}
            onClick={() => moveColumn(column.key, -1)}
          >
            <ArrowLeft size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} right`}
            disabled={index === count - 1}
            onClick={() => moveColumn(column.key, 1)}
          >
            <ArrowRight size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${label}`}
            disabled={running}
            onClick={() => removeColumn(column.key)}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </header>
      <div className="column-settings">
        <label>
          <span>Temp</span>
          <input
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={column.temperature ?? ''}
            placeholder="default"
            aria-label={`Temperature for ${label}`}
            onChange={(e) => updateColumn(column.key, { temperature: e.target.value === '' ? undefined : Number(e.target.value) })}
          />
        </label>
        <label>
          <span>Max tokens</span>
          <input
            type="number"
            min={1}
            step={1}
            value={column.max_tokens ?? ''}
            placeholder="default"
            aria-label={`Max tokens for ${label}`}
            onChange={(e) =>
              updateColumn(column.key, { max_tokens: e.target.value === '' ? undefined : Math.round(Number(e.target.value)) })
            }
          />
        </label>
      </div>
      {badges.length > 0 ? (
        <ul className="badges" aria-label="Badges">
          {badges.map((badge) => (
            <li key={badge} className={`badge badge-${badge}`}>
              {BADGE_LABELS[badge]}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="column-body" aria-live="off">
        {result ? (
          <AnswerBody
            text={result.text}
            error={result.error}
            raw={raw}
            streaming={result.status === 'streaming' || result.status === 'pending'}
            onRetry={() => void retry(column.key)}
          />
        ) : null}
        {result?.text ? null : result?.status === 'pending' || result?.status === 'streaming' ? (
          <div className="typing" aria-label="Waiting for the first token">
            <span />
            <span />
            <span />
          </div>
        ) : !result ? (
          <p className="muted column-empty">Run the prompt to see this model&apos;s answer.</p>
        ) : null}
      </div>

      {result ? (
        <footer className="column-footer">
          {result.metadata ? <Metrics metadata={result.metadata} /> : null}
          <div className="column-actions">
            <button
              type="button"
              className={`icon-button${result.rating === 1 ? ' is-on' : ''}`}
              aria-pressed={result.rating === 1}
              aria-label="Good answer"
              onClick={() => void rate(column.key, 1)}
            >
              <ThumbsUp size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className={`icon-button${result.rating === -1 ? ' is-on' : ''}`}
              aria-pressed={result.rating === -1}
              aria-label="Bad answer"
              onClick={() => void rate(column.key, -1)}
            >
              <ThumbsDown size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Copy ${label} answer`}
              onClick={() => void navigator.clipboard.writeText(result.text)}
            >
              <Copy size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className={`icon-button${result.note ? ' is-on' : ''}`}
              aria-pressed={noting}
              aria-label={`Note on ${label}`}
              onClick={() => setNoting((n) => !n)}
            >
              <NotebookPen size={14} aria-hidden="true" />
            </button>
            <button type="button" className="text-button" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
              {raw ? 'Rendered' : 'Raw'}
            </button>
          </div>
          {noting ? (
            <textarea
              className="column-note"
              autoFocus
              rows={2}
              defaultValue={result.note ?? ''}
              placeholder="A note on this answer (saved when you leave the field)"
              aria-label={`Note on ${label}`}
              onBlur={(e) => {
                setNoting(false);
                void annotate(column.key, e.target.value);
              }}
            />
          ) : result.note ? (
            <p className="column-note-text">{result.note}</p>
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}
