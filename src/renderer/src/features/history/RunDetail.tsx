import { RotateCcw, Trash2, X } from 'lucide-react';
import { useState } from 'react';
import type { Run } from '../../../../shared/runs';
import { formatDateTime } from '../../format';
import { useNavigation } from '../../stores/navigation';
import { AnswerBody } from '../compare/AnswerBody';
import { Metrics } from '../compare/Metrics';
import { useCompare } from '../compare/store';
import { useHistory } from './store';

/** One run as the Compare screen showed it: every answer with its metrics or its error. */
export function RunDetail({ run }: { run: Run }): React.JSX.Element {
  const go = useNavigation((s) => s.go);
  const [raw, setRaw] = useState(false);

  const rerun = () => {
    useCompare.setState({
      promptRef: null,
      prompt: run.prompt,
      system: run.system ?? '',
      showSystem: Boolean(run.system),
      variables: run.variables,
      columns: run.results.map((r) => ({
        key: Math.random().toString(36).slice(2, 10),
        provider: r.provider,
        model: r.model,
        ...(r.temperature === null ? {} : { temperature: r.temperature }),
        ...(r.max_tokens === null ? {} : { max_tokens: r.max_tokens }),
      })),
      results: {},
    });
    go('compare');
  };

  return (
    <aside className="run-detail panel" aria-label="Run detail">
      <header className="run-detail-header">
        <div>
          <h2>{formatDateTime(run.created_at)}</h2>
          <p className="muted">
            {run.source} · {run.status}
            {run.api_key_prefix ? ` · key ${run.api_key_prefix}…` : ''}
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="ghost-button inline" onClick={rerun}>
            <RotateCcw size={14} aria-hidden="true" /> Re-run
          </button>
          <button type="button" className="danger-button inline" onClick={() => void useHistory.getState().remove(run)}>
            <Trash2 size={14} aria-hidden="true" /> Delete
          </button>
          <button type="button" className="text-button" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
            {raw ? 'Rendered' : 'Raw'}
          </button>
          <button type="button" className="icon-button" aria-label="Close detail" onClick={() => useHistory.setState({ selected: null })}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </header>
      {run.rendered_system ? (
        <section className="run-prompt">
          <h3>System</h3>
          <pre className="raw-text">{run.rendered_system}</pre>
        </section>
      ) : null}
      <section className="run-prompt">
        <h3>Prompt</h3>
        <pre className="raw-text">{run.rendered_prompt}</pre>
      </section>
      <div className="run-answers">
        {run.results.map((result) => (
          <article key={result.id} className={`result-column status-${result.status}`} aria-label={`${result.provider}/${result.model}`}>
            <header className="column-header">
              <div className="column-title">
                <span className="provider-chip">{result.provider}</span>
                <strong className="model-name">{result.model}</strong>
                <span className={`status-pill status-${result.status}`}>{result.status}</span>
              </div>
            </header>
            <div className="column-body">
              <AnswerBody text={result.response} error={result.error} raw={raw} />
            </div>
            <footer className="column-footer">
              <Metrics metadata={result.metadata} />
            </footer>
          </article>
        ))}
      </div>
    </aside>
  );
}
