import { DiffEditor } from '@monaco-editor/react';
import { X } from 'lucide-react';
import { useState } from 'react';
import { monacoTheme } from '../../monaco/setup';
import { useCompare } from './store';

/** Two answers side by side in Monaco's diff editor. */
export function DiffPanel({ onClose }: { onClose(): void }): React.JSX.Element {
  const columns = useCompare((s) => s.columns);
  const results = useCompare((s) => s.results);
  const withText = columns.filter((c) => results[c.key]?.text);
  const [left, setLeft] = useState(withText[0]?.key ?? '');
  const [right, setRight] = useState(withText[1]?.key ?? '');
  const label = (key: string) => {
    const column = columns.find((c) => c.key === key);
    return column ? `${column.provider}/${column.model}` : '';
  };
  const picker = (value: string, onChange: (key: string) => void, name: string) => (
    <label className="field">
      <span>{name}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={`${name} answer`}>
        {withText.map((c) => (
          <option key={c.key} value={c.key}>
            {label(c.key)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="diff-panel panel" aria-label="Diff of two answers">
      <header className="diff-header">
        <h2>Diff</h2>
        {picker(left, setLeft, 'Left')}
        {picker(right, setRight, 'Right')}
        <button type="button" className="icon-button" aria-label="Close diff" onClick={onClose}>
          <X size={14} aria-hidden="true" />
        </button>
      </header>
      <div className="diff-editor" data-testid="diff-editor">
        <DiffEditor
          original={results[left]?.text ?? ''}
          modified={results[right]?.text ?? ''}
          theme={monacoTheme()}
          options={{
            readOnly: true,
            renderSideBySide: true,
            wordWrap: 'on',
            minimap: { enabled: false },
            diffWordWrap: 'on',
            automaticLayout: true,
          }}
        />
      </div>
    </section>
  );
}
