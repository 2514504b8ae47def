import { Columns3, FileDiff, Play, Square } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { templateVariables } from '../../../../shared/template';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { priceOf, useCatalog } from '../../stores/catalog';
import { badgesFor } from './badges';
import { DiffPanel } from './DiffPanel';
import { formatUsd } from './Metrics';
import { ModelPicker } from './ModelPicker';
import { PromptEditor } from './PromptEditor';
import { ResultColumn } from './ResultColumn';
import { SavePrompt } from './SavePrompt';
import { ScheduleThis } from './ScheduleThis';
import { applyRunEvent, useCompare } from './store';
import { useTokenEstimate } from './useTokenEstimate';
import { VariablesForm } from './VariablesForm';
import '../../monaco/setup';

export function ComparePage(): React.JSX.Element {
  const state = useCompare();
  const { prompt, system, showSystem, columns, results, running, error, variables } = state;
  const models = useCatalog((s) => s.models);
  const [diffOpen, setDiffOpen] = useState(false);
  useEffect(() => client.subscribe('run', applyRunEvent), []);

  const missing = templateVariables(`${prompt}\n${system}`).filter((name) => !variables[name]);
  const canRun = !running && prompt.trim().length > 0 && columns.length > 0 && missing.length === 0;
  const run = () => {
    if (canRun) void state.run();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        if (useCompare.getState().columns.length > 0) void useCompare.getState().run();
      } else if (event.key === 'Escape' && useCompare.getState().running) {
        void useCompare.getState().stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const inputTokens = useTokenEstimate(`${system}\n${prompt}`);
  const estimate = useMemo(() => {
    let total = 0;
    for (const column of columns) {
      const info = priceOf(models, column.provider, column.model);
      if (!info || info.input_price === null) return null;
      total += (inputTokens * info.input_price) / 1_000_000;
    }
    return total;
  }, [columns, models, inputTokens]);
  const badges = badgesFor(results);
  const answered = columns.filter((c) => results[c.key]?.text).length;

  return (
    <>
      <PageHeader section="compare">
        <SavePrompt />
        <ScheduleThis />
        <button
          type="button"
          className="ghost-button inline"
          disabled={answered < 2}
          onClick={() => setDiffOpen((open) => !open)}
          aria-pressed={diffOpen}
        >
          <FileDiff size={16} aria-hidden="true" /> Diff answers
        </button>
        {running ? (
          <button type="button" className="danger-button large" onClick={() => void state.stop()}>
            <Square size={14} aria-hidden="true" /> Stop <kbd>Esc</kbd>
          </button>
        ) : (
          <button
            type="button"
            className="primary-button"
            disabled={!canRun}
            onClick={run}
            title={missing.length ? `Fill in ${missing.join(', ')}` : undefined}
          >
            <Play size={16} aria-hidden="true" /> Run <kbd>Ctrl ↵</kbd>
          </button>
        )}
      </PageHeader>

      <section className="compose" aria-label="Prompt">
        <div className="compose-main panel">
          <div className="compose-label">
            <span>Prompt</span>
            <span className="muted" data-testid="token-estimate">
              ≈ {inputTokens.toLocaleString()} input tokens
              {estimate !== null && columns.length > 0
                ? ` · ≈ ${formatUsd(estimate)} input for ${columns.length} model${columns.length > 1 ? 's' : ''}`
                : ''}
            </span>
          </div>
          <PromptEditor
            label="Prompt"
            value={prompt}
            onChange={state.setPrompt}
            onRun={run}
            height={170}
            placeholder="Write a prompt. Use {{variables}} for the parts that change."
          />
          <button type="button" className="text-button" aria-expanded={showSystem} onClick={state.toggleSystem}>
            {showSystem ? 'Hide system prompt' : system ? 'Show system prompt' : 'Add a system prompt'}
          </button>
          {showSystem ? (
            <PromptEditor
              label="System prompt"
              value={system}
              onChange={state.setSystem}
              onRun={run}
              height={90}
              placeholder="Optional instructions for every model."
            />
          ) : null}
        </div>
        <div className="compose-side panel">
          <ModelPicker />
          <VariablesForm />
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </section>

      {diffOpen && answered >= 2 ? <DiffPanel onClose={() => setDiffOpen(false)} /> : null}

      {columns.length === 0 ? (
        <EmptyState icon={Columns3} title="Pick models to compare">
          Add two or more models above — from any provider — then run the prompt with Ctrl+Enter. Each answer streams into its own column
          with its time to first token, speed, tokens and cost.
        </EmptyState>
      ) : (
        <section className="columns" aria-label="Answers" style={{ '--column-count': columns.length } as React.CSSProperties}>
          {columns.map((column, index) => (
            <ResultColumn key={column.key} column={column} index={index} count={columns.length} badges={badges[column.key] ?? []} />
          ))}
        </section>
      )}
    </>
  );
}
