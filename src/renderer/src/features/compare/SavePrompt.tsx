import { Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useCompare } from './store';

/** "Save as prompt", and "Save as new version" when the setup came from a saved prompt. */
export function SavePrompt(): React.JSX.Element {
  const promptRef = useCompare((s) => s.promptRef);
  const save = useCompare((s) => s.save);
  const canSave = useCompare((s) => s.prompt.trim().length > 0 && s.columns.length > 0);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(name.trim());
    setNaming(false);
    setName('');
  };

  if (naming) {
    return (
      <form className="save-form" onSubmit={(e) => void submit(e)}>
        <input
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Prompt name"
          aria-label="Prompt name"
          maxLength={200}
          required
        />
        <button type="submit" className="primary-button" disabled={!name.trim()}>
          Save
        </button>
        <button type="button" className="ghost-button inline" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <>
      {promptRef ? (
        <button
          type="button"
          className="ghost-button inline"
          disabled={!canSave}
          onClick={() => void save()}
          title={`Save as version ${promptRef.version + 1} of “${promptRef.name}”`}
        >
          <Save size={15} aria-hidden="true" /> Save as v{promptRef.version + 1}
        </button>
      ) : null}
      <button type="button" className="ghost-button inline" disabled={!canSave} onClick={() => setNaming(true)}>
        <Save size={15} aria-hidden="true" /> {promptRef ? 'Save as new prompt' : 'Save as prompt'}
      </button>
    </>
  );
}
