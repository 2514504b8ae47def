import { templateVariables } from '../../../../shared/template';
import { useCompare } from './store';

/** One field per `{{variable}}` found in the prompt and the system prompt, in order of appearance. */
export function VariablesForm(): React.JSX.Element | null {
  const prompt = useCompare((s) => s.prompt);
  const system = useCompare((s) => s.system);
  const values = useCompare((s) => s.variables);
  const setVariable = useCompare((s) => s.setVariable);
  const names = templateVariables(`${prompt}\n${system}`);
  if (names.length === 0) return null;
  return (
    <fieldset className="variables" aria-label="Variables">
      <legend>Variables</legend>
      {names.map((name) => (
        <label key={name} className="field variable-field">
          <span>
            <code>{`{{${name}}}`}</code>
          </span>
          <textarea
            rows={1}
            value={values[name] ?? ''}
            onChange={(e) => setVariable(name, e.target.value)}
            placeholder={`Value for ${name}`}
            aria-label={`Value for ${name}`}
          />
        </label>
      ))}
    </fieldset>
  );
}
