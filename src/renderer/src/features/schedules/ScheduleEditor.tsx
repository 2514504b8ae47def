import { useMemo, type FormEvent } from 'react';
import type { ScheduleType } from '../../../../shared/operations/schedules';
import { useSchedules } from './store';
import { describeTiming, formatInZone, previewRuns, timeZones } from './timingText';

const TYPES: { id: ScheduleType; label: string }[] = [
  { id: 'interval', label: 'Every N minutes' },
  { id: 'cron', label: 'Cron' },
  { id: 'webhook', label: 'Webhook' },
];

/** Create or edit a schedule: timing with a live preview, SLA thresholds, notifications. */
export function ScheduleEditor(): React.JSX.Element {
  const { draft, setDraft, save, cancelEdit, prompts, mode, error } = useSchedules();
  const zones = useMemo(() => timeZones(), []);
  const preview = useMemo(() => previewRuns(draft, new Date()), [draft]);
  const isNew = mode.kind === 'edit' && mode.id === null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const field = (key: keyof typeof draft) => ({
    value: draft[key] as string,
    onChange: (e: { target: { value: string } }) => setDraft({ [key]: e.target.value }),
  });
  const check = (key: 'must_be_json' | 'notify_on_success' | 'notify_on_failure' | 'notify_on_sla_breach') => ({
    checked: draft[key],
    onChange: (e: { target: { checked: boolean } }) => setDraft({ [key]: e.target.checked }),
  });

  return (
    <form className="panel schedule-editor" onSubmit={submit} aria-label={isNew ? 'New schedule' : 'Edit schedule'}>
      <h2>{isNew ? 'New schedule' : `Edit “${draft.name}”`}</h2>

      <div className="editor-grid">
        <label className="field">
          Name
          <input {...field('name')} required maxLength={100} placeholder="Nightly latency check" />
        </label>
        <label className="field">
          Saved prompt
          <select {...field('prompt_id')} disabled={!isNew} required>
            {prompts.length === 0 ? <option value="">Save a prompt first</option> : null}
            {prompts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.configurations.length} model{p.configurations.length === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </label>
      </div>

      <fieldset className="segmented" aria-label="When it runs">
        {TYPES.map((type) => (
          <label key={type.id} className="segment">
            <input
              type="radio"
              name="schedule_type"
              value={type.id}
              checked={draft.schedule_type === type.id}
              onChange={() => setDraft({ schedule_type: type.id })}
            />
            <span>{type.label}</span>
          </label>
        ))}
      </fieldset>

      <div className="editor-grid">
        {draft.schedule_type === 'interval' ? (
          <label className="field">
            Interval (minutes)
            <input {...field('interval_minutes')} type="number" min={1} max={525600} step={1} required />
          </label>
        ) : null}
        {draft.schedule_type === 'cron' ? (
          <label className="field">
            Cron expression
            <input {...field('cron_expression')} className="mono" required placeholder="0 9 * * 1-5" spellCheck={false} />
          </label>
        ) : null}
        {draft.schedule_type !== 'webhook' ? (
          <label className="field">
            Time zone
            <input {...field('timezone')} list="time-zones" required spellCheck={false} />
            <datalist id="time-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </label>
        ) : null}
        {draft.schedule_type !== 'webhook' ? (
          <label className="field">
            Missed runs (app closed or asleep)
            <select {...field('catch_up')}>
              <option value="run_once">Run once on wake</option>
              <option value="skip">Skip them</option>
            </select>
          </label>
        ) : null}
      </div>

      <div className="timing-preview" aria-live="polite">
        <strong data-testid="timing-description">{describeTiming(draft)}</strong>
        {preview.problem ? <p className="form-error">{preview.problem}</p> : null}
        {preview.runs.length ? (
          <ol aria-label="Next runs">
            {preview.runs.map((run) => (
              <li key={run.toISOString()}>{formatInZone(run, draft.timezone)}</li>
            ))}
          </ol>
        ) : null}
        {draft.schedule_type === 'webhook' ? (
          <p className="muted">
            Call <code>POST /scheduler/webhook/&lt;id&gt;</code> with <code>X-Webhook-Timestamp</code> and an HMAC-SHA256{' '}
            <code>X-Webhook-Signature</code>; the secret is shown once, after saving.
          </p>
        ) : null}
      </div>

      <h3>SLA thresholds</h3>
      <p className="muted">A run that crosses any of these is flagged as a breach, with the reason.</p>
      <div className="editor-grid">
        <label className="field">
          Max response time (ms)
          <input {...field('max_response_time_ms')} type="number" min={1} step={1} placeholder="none" />
        </label>
        <label className="field">
          Max time to first token (ms)
          <input {...field('max_ttft_ms')} type="number" min={1} step={1} placeholder="none" />
        </label>
        <label className="field">
          Max cost per run (USD)
          <input {...field('max_cost_per_run')} type="number" min={0} step="any" placeholder="none" />
        </label>
        <label className="field">
          Answer must contain
          <input {...field('must_contain')} placeholder="text" />
        </label>
        <label className="field">
          Answer must match (regular expression)
          <input {...field('must_match')} className="mono" placeholder="^\{.*\}$" spellCheck={false} />
        </label>
        <label className="check">
          <input type="checkbox" {...check('must_be_json')} /> Answer must be valid JSON
        </label>
      </div>

      <h3>Notifications</h3>
      <div className="checks">
        <label className="check">
          <input type="checkbox" {...check('notify_on_failure')} /> On failure
        </label>
        <label className="check">
          <input type="checkbox" {...check('notify_on_sla_breach')} /> On SLA breach
        </label>
        <label className="check">
          <input type="checkbox" {...check('notify_on_success')} /> On success
        </label>
      </div>
      <label className="field">
        Callback URL (a signed POST of each notified run)
        <input {...field('webhook_callback_url')} type="url" placeholder="https://ci.example.com/parallax" />
      </label>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="page-actions">
        <button type="submit" className="primary-button" disabled={!draft.prompt_id}>
          {isNew ? 'Create schedule' : 'Save changes'}
        </button>
        <button type="button" className="ghost-button inline" onClick={cancelEdit}>
          Cancel
        </button>
      </div>
    </form>
  );
}
