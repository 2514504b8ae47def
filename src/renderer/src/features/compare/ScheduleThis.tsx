import { CalendarClock } from 'lucide-react';
import { useNavigation } from '../../stores/navigation';
import { useSchedules } from '../schedules/store';
import { useCompare } from './store';

/** Opens the schedule editor prefilled with the saved prompt this comparison came from. */
export function ScheduleThis(): React.JSX.Element {
  const promptRef = useCompare((s) => s.promptRef);
  const go = useNavigation((s) => s.go);
  return (
    <button
      type="button"
      className="ghost-button inline"
      disabled={!promptRef}
      title={promptRef ? `Run “${promptRef.name}” on a schedule` : 'Save as prompt first: schedules run saved prompts'}
      onClick={() => {
        if (!promptRef) return;
        useSchedules.getState().startNew({ prompt_id: promptRef.id, name: `${promptRef.name} check`.slice(0, 100) });
        go('schedules');
      }}
    >
      <CalendarClock size={16} aria-hidden="true" /> Schedule this
    </button>
  );
}
