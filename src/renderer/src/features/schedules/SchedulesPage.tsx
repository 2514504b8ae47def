import { CalendarClock } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function SchedulesPage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="schedules" />
      <EmptyState
        icon={CalendarClock}
        title="No scheduled checks"
        points={[
          'SLA thresholds for latency, cost and answer content',
          'Desktop notifications and signed webhooks on breach',
          'Run history with latency and cost charts',
        ]}
      >
        Turn a saved prompt into a regression check that runs every few minutes, on a cron in your time zone, or when a CI webhook calls.
      </EmptyState>
    </>
  );
}
