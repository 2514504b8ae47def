import { DiffEditor } from '@monaco-editor/react';
import { CalendarClock, Library, Play, RotateCcw, Search, Trash2 } from 'lucide-react';
import { useEffect } from 'react';
import type { SavedPrompt } from '../../../../shared/operations/prompts';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { monacoTheme } from '../../monaco/setup';
import { useNavigation } from '../../stores/navigation';
import { useCompare } from '../compare/store';
import { useSchedules } from '../schedules/store';
import { usePrompts } from './store';
import { versionText } from './versionText';

const VIA_LABEL: Record<string, string> = { ui: 'window', api: 'API', mcp: 'MCP', cli: 'CLI', import: 'import', schedule: 'schedule' };

function openInCompare(prompt: SavedPrompt, go: (section: 'compare') => void): void {
  useCompare.setState({
    prompt: prompt.prompt,
    system: prompt.system ?? '',
    showSystem: Boolean(prompt.system),
    variables: prompt.variables,
    columns: prompt.configurations.map((c) => ({ ...c, key: Math.random().toString(36).slice(2, 10) })),
    results: {},
    promptRef: { id: prompt.id, name: prompt.name, version: prompt.version },
  });
  go('compare');
}

export function PromptsPage(): React.JSX.Element {
  const { prompts, selected, versions, query, diff, error, load, setQuery, setDiff, select, restore, remove } = usePrompts();
  const go = useNavigation((s) => s.go);
  const { left, right } = diff;
  useEffect(() => void load(), [load]);

  const leftVersion = versions.find((v) => v.version === left);
  const rightVersion = versions.find((v) => v.version === right);

  if (prompts.length === 0 && !query) {
    return (
      <>
        <PageHeader section="prompts" />
        <EmptyState
          icon={Library}
          title="No saved prompts"
          points={['Templates with variables and default values', 'Version history with side-by-side diffs', 'Open any version in Compare']}
        >
          Save a prompt from Compare (“Save as prompt”) or through the API. Every edit of its text or models becomes a new version you can
          diff and restore.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader section="prompts" />
      <div className="prompts-layout">
        <div className="panel prompt-list">
          <label className="search-field">
            <Search size={15} aria-hidden="true" />
            <input
              type="search"
              placeholder="Search prompts"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label="Search prompts"
            />
          </label>
          <ul aria-label="Saved prompts">
            {prompts.map((prompt) => (
              <li key={prompt.id}>
                <button
                  type="button"
                  className="prompt-item"
                  aria-current={selected?.id === prompt.id ? 'true' : undefined}
                  onClick={() => void select(prompt.id)}
                >
                  <strong>{prompt.name}</strong>
                  <span className="muted">
                    v{prompt.version} · {prompt.configurations.length} model{prompt.configurations.length === 1 ? '' : 's'} ·{' '}
                    {formatDateTime(prompt.updated_at)}
                  </span>
                  {prompt.tags.length ? (
                    <span className="tags">
                      {prompt.tags.map((tag) => (
                        <span key={tag} className="badge">
                          {tag}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </div>

        {selected ? (
          <section className="panel prompt-detail" aria-label={selected.name}>
            <header className="run-detail-header">
              <div>
                <h2>{selected.name}</h2>
                <p className="muted">
                  Version {selected.version} · {versions.length} version{versions.length === 1 ? '' : 's'}
                </p>
              </div>
              <div className="page-actions">
                <button type="button" className="primary-button" onClick={() => openInCompare(selected, go)}>
                  <Play size={14} aria-hidden="true" /> Open in Compare
                </button>
                <button
                  type="button"
                  className="ghost-button inline"
                  onClick={() => {
                    useSchedules.getState().startNew({ prompt_id: selected.id, name: `${selected.name} check`.slice(0, 100) });
                    go('schedules');
                  }}
                >
                  <CalendarClock size={14} aria-hidden="true" /> Schedule this
                </button>
                <button
                  type="button"
                  className="danger-button"
                  onClick={() => {
                    if (window.confirm(`Delete “${selected.name}” and all its versions?`)) void remove(selected.id);
                  }}
                >
                  <Trash2 size={14} aria-hidden="true" /> Delete
                </button>
              </div>
            </header>

            <table className="table" aria-label="Versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">When</th>
                  <th scope="col">From</th>
                  <th scope="col">Diff</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.version}>
                    <td>v{version.version}</td>
                    <td>{formatDateTime(version.created_at)}</td>
                    <td>{VIA_LABEL[version.created_via] ?? version.created_via}</td>
                    <td className="diff-pick">
                      <label>
                        <input
                          type="radio"
                          name="left"
                          checked={left === version.version}
                          onChange={() => setDiff('left', version.version)}
                          aria-label={`Diff from v${version.version}`}
                        />
                        from
                      </label>
                      <label>
                        <input
                          type="radio"
                          name="right"
                          checked={right === version.version}
                          onChange={() => setDiff('right', version.version)}
                          aria-label={`Diff to v${version.version}`}
                        />
                        to
                      </label>
                    </td>
                    <td className="actions">
                      {version.version !== selected.version ? (
                        <button type="button" className="ghost-button inline" onClick={() => void restore(version.version)}>
                          <RotateCcw size={13} aria-hidden="true" /> Restore
                        </button>
                      ) : (
                        <span className="badge">current</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>

            {leftVersion && rightVersion ? (
              <div
                className="diff-editor"
                data-testid="version-diff"
                aria-label={`Diff of v${leftVersion.version} and v${rightVersion.version}`}
              >
                <DiffEditor
                  original={versionText(leftVersion)}
                  modified={versionText(rightVersion)}
                  theme={monacoTheme()}
                  options={{ readOnly: true, renderSideBySide: true, wordWrap: 'on', minimap: { enabled: false }, automaticLayout: true }}
                />
              </div>
            ) : null}
          </section>
        ) : (
          <section className="panel prompt-detail prompt-detail-empty">
            <p className="muted">Choose a prompt to see its versions.</p>
          </section>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
