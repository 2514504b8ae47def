import { KeyRound, Pencil, Play, Trash2, X } from 'lucide-react';
import type { Schedule, ScheduleRun } from '../../../../shared/operations/schedules';
import { CopyButton } from '../../components/CopyButton';
import { formatDateTime } from '../../format';
import { RunsChart } from './RunsChart';
import { useSchedules } from './store';
import { describeTiming, formatInZone } from './timingText';

const TRIGGER_LABEL: Record<ScheduleRun['trigger_type'], string> = { scheduled: 'timer', manual: 'run now', webhook: 'webhook' };

function slaSummary(schedule: Schedule): string {
  const t = schedule.sla_thresholds;
  const parts = [
    t.max_response_time_ms !== null && `response ≤ ${t.max_response_time_ms} ms`,
    t.max_ttft_ms !== null && `TTFT ≤ ${t.max_ttft_ms} ms`,
    t.max_cost_per_run !== null && `cost ≤ $${t.max_cost_per_run}`,
    t.must_contain !== null && `contains “${t.must_contain}”`,
    t.must_match !== null && `matches /${t.must_match}/`,
    t.must_be_json && 'valid JSON',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No thresholds';
}

function ResultCell({ run }: { run: ScheduleRun }): React.JSX.Element {
  if (run.results.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="run-results">
      {run.results.map((r) => (
        <li key={r.position} className={r.status === 'completed' ? undefined : 'failed'}>
          <span className="mono">{r.model}</span>{' '}
          {r.status === 'completed' ? (
            <>
              {r.response_time_ms} ms · {r.estimated_cost === null ? 'cost unknown' : `$${r.estimated_cost.toFixed(6)}`}
            </>
          ) : (
            <span title={r.error ?? undefined}>{r.error ?? r.status}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ScheduleDetail({ schedule }: { schedule: Schedule }): React.JSX.Element {
  const { runs, running, runNow, startEdit, remove, revealedSecret, dismissSecret, error } = useSchedules();
  const secret = revealedSecret?.scheduleId === schedule.id ? revealedSecret.secret : null;
  const triggerUrl = `${window.location.origin}/scheduler/webhook/${schedule.id}`;

  return (
    <section className="panel schedule-detail" aria-label={schedule.name}>
      <header className="run-detail-header">
        <div>
          <h2>{schedule.name}</h2>
          <p className="muted">
            {describeTiming(schedule)} · {schedule.is_enabled ? 'enabled' : 'disabled'}
            {schedule.next_run_at ? ` · next ${formatInZone(new Date(schedule.next_run_at), schedule.timezone)}` : ''}
            {schedule.last_run_at ? ` · last ${formatDateTime(schedule.last_run_at)}` : ''}
          </p>
          <p className="muted">SLA: {slaSummary(schedule)}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="primary-button" onClick={() => void runNow()} disabled={running}>
            <Play size={14} aria-hidden="true" /> {running ? 'Running…' : 'Run now'}
          </button>
          <button type="button" className="ghost-button inline" onClick={startEdit}>
            <Pencil size={14} aria-hidden="true" /> Edit
          </button>
          <button
            type="button"
            className="danger-button"
            onClick={() => {
              if (window.confirm(`Delete “${schedule.name}” and its run history?`)) void remove(schedule.id);
            }}
          >
            <Trash2 size={14} aria-hidden="true" /> Delete
          </button>
        </div>
      </header>

      {secret ? (
        <div className="secret-callout" role="status">
          <KeyRound size={16} aria-hidden="true" />
          <div>
            <strong>Webhook secret — shown only now.</strong>
            <p className="muted">
              It signs this schedule’s callbacks (Standard Webhooks){schedule.schedule_type === 'webhook' ? ' and verifies calls to its trigger URL' : ''}.
            </p>
            <code className="mono" data-testid="webhook-secret">
              {secret}
            </code>
          </div>
          <CopyButton text={secret} label="Copy secret" />
          <button type="button" className="icon-button" onClick={dismissSecret} aria-label="Hide secret">
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ) : null}

      {schedule.schedule_type === 'webhook' ? (
        <p className="muted">
          Trigger URL: <code className="mono">{triggerUrl}</code> <CopyButton text={triggerUrl} label="Copy trigger URL" />
        </p>
      ) : null}

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      <RunsChart runs={runs} />

      <table className="table" aria-label="Run history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Configurations</th>
            <th scope="col">SLA</th>
          </tr>
        </thead>
        <tbody>
          {runs.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                No runs yet. “Run now” runs it once without changing its timing.
              </td>
            </tr>
          ) : null}
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{formatDateTime(run.created_at)}</td>
              <td>{TRIGGER_LABEL[run.trigger_type]}</td>
              <td>
                <span className={`status-pill status-${run.status === 'partial' ? 'failed' : run.status}`}>{run.status}</span>
              </td>
              <td>
                <ResultCell run={run} />
              </td>
              <td>
                {run.sla_failures.length ? (
                  <ul className="sla-failures">
                    {run.sla_failures.map((failure) => (
                      <li key={failure}>{failure}</li>
                    ))}
                  </ul>
                ) : run.status === 'completed' || run.status === 'partial' ? (
                  <span className="sla-ok">met</span>
                ) : (
                  <span className="muted">{run.error?.message ?? '—'}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
