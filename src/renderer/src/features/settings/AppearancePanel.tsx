import { THEMES } from '../../../../shared/settings';
import { useSettings } from '../../stores/settings';

const LABELS = { system: 'Match the system', light: 'Light', dark: 'Dark' } as const;

export function AppearancePanel(): React.JSX.Element {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const update = useSettings((s) => s.update);
  return (
    <section className="panel" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="segmented">
        <legend className="sr-only">Theme</legend>
        {THEMES.map((value) => (
          <label key={value} className="segment">
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => void update({ theme: value })} />
            <span>{LABELS[value]}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
