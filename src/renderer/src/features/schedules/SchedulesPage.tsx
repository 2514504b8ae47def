import { CalendarClock, Plus } from 'lucide-react';
import { useEffect } from 'react';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ScheduleDetail } from './ScheduleDetail';
import { ScheduleEditor } from './ScheduleEditor';
import { useSchedules } from './store';
import { describeTiming, formatInZone } from './timingText';

export function SchedulesPage(): React.JSX.Element {
  const { schedules, prompts, selectedId, mode, load, select, startNew, toggle } = useSchedules();
  useEffect(() => void load(), [load]);
  // Runs that finish in the background (timer, webhook, API) appear without a reload.
  useEffect(
    () =>
      client.subscribe('schedule', (event) => {
        const state = useSchedules.getState();
        void state.load();
        if (event.schedule_id === state.selectedId) void state.refreshRuns();
      }),
    [],
  );
  const selected = schedules.find((s) => s.id === selectedId) ?? null;
  const promptName = (id: string) => prompts.find((p) => p.id === id)?.name ?? 'deleted prompt';

  const newButton = (
    <button type="button" className="primary-button" onClick={() => startNew()} disabled={prompts.length === 0}>
      <Plus size={15} aria-hidden="true" /> New schedule
    </button>
  );

  if (schedules.length === 0 && mode.kind === 'view') {
    return (
      <>
        <PageHeader section="schedules">{newButton}</PageHeader>
        <EmptyState
          icon={CalendarClock}
          title="No scheduled checks"
          points={[
            'SLA thresholds for latency, cost and answer content',
            'Desktop notifications and signed webhooks on breach',
            'Run history with latency and cost charts',
          ]}
        >
          {prompts.length === 0
            ? 'Save a prompt first (Compare → Save as prompt); then turn it into a regression check that runs every few minutes, on a cron in your time zone, or when a CI webhook calls.'
            : 'Turn a saved prompt into a regression check that runs every few minutes, on a cron in your time zone, or when a CI webhook calls.'}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader section="schedules">{newButton}</PageHeader>
      <div className="prompts-layout">
        <div className="panel prompt-list">
          {schedules.length === 0 ? <p className="muted">No schedules yet.</p> : null}
          <ul aria-label="Schedules">
            {schedules.map((schedule) => (
              <li key={schedule.id} className="schedule-row">
                <button
                  type="button"
                  className="prompt-item"
                  aria-current={selectedId === schedule.id && mode.kind === 'view' ? 'true' : undefined}
                  onClick={() => void select(schedule.id)}
                >
                  <strong>{schedule.name}</strong>
                  <span className="muted">
                    {promptName(schedule.prompt_id)} · {describeTiming(schedule)}
                  </span>
                  <span className="muted">
                    {schedule.next_run_at ? `Next ${formatInZone(new Date(schedule.next_run_at), schedule.timezone)}` : schedule.is_enabled ? 'On webhook' : 'Disabled'}
                    {schedule.last_status ? (
                      <>
                        {' · '}
                        <span className={`status-pill status-${schedule.last_status === 'partial' ? 'failed' : schedule.last_status}`}>
                          {schedule.last_status}
                        </span>
                      </>
                    ) : null}
                  </span>
                </button>
                <label className="switch" title={schedule.is_enabled ? 'Disable' : 'Enable'}>
                  <input
                    type="checkbox"
                    role="switch"
                    checked={schedule.is_enabled}
                    onChange={() => void toggle(schedule)}
                    aria-label={`${schedule.name} enabled`}
                  />
                  <span aria-hidden="true" />
                </label>
              </li>
            ))}
          </ul>
        </div>
        {mode.kind === 'edit' ? (
          <ScheduleEditor />
        ) : selected ? (
          <ScheduleDetail schedule={selected} />
        ) : (
          <section className="panel prompt-detail prompt-detail-empty">
            <p className="muted">Choose a schedule to see its runs.</p>
          </section>
        )}
      </div>
    </>
  );
}
