import { useSettings } from '../../stores/settings';

const PERIODS = [7, 30, 90, 180, 365, 730] as const;

/** How long runs are kept: everything (the default), or pruned after N days by the daily maintenance. */
export function HistoryPanel(): React.JSX.Element {
  const days = useSettings((s) => s.settings?.history.retention_days ?? null);
  const update = useSettings((s) => s.update);
  const options: readonly number[] =
    days === null || (PERIODS as readonly number[]).includes(days) ? PERIODS : [...PERIODS, days].sort((a, b) => a - b);
  return (
    <section className="panel" aria-labelledby="history-settings-title">
      <h2 id="history-settings-title">History</h2>
      <label className="field">
        <span>Keep runs</span>
        <select
          aria-label="Keep runs"
          value={days === null ? 'forever' : String(days)}
          onChange={(e) => void update({ history: { retention_days: e.target.value === 'forever' ? null : Number(e.target.value) } })}
        >
          <option value="forever">Forever</option>
          {options.map((n) => (
            <option key={n} value={n}>
              {n} days
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        {days === null
          ? 'Every run is kept.'
          : `Once a day, runs older than ${days} days are deleted with their answers. Saved prompts and schedules are never deleted.`}
      </p>
    </section>
  );
}
