/** The schedule editor's form state (text fields as typed) and its mapping to the API's inputs. */
import type { CatchUpPolicy, CreateScheduleInput, Schedule, ScheduleType, UpdateScheduleInput } from '../../../../shared/operations/schedules';

export interface ScheduleDraft {
  prompt_id: string;
  name: string;
  schedule_type: ScheduleType;
  interval_minutes: string;
  cron_expression: string;
  timezone: string;
  catch_up: CatchUpPolicy;
  max_response_time_ms: string;
  max_cost_per_run: string;
  max_ttft_ms: string;
  must_contain: string;
  must_match: string;
  must_be_json: boolean;
  notify_on_success: boolean;
  notify_on_failure: boolean;
  notify_on_sla_breach: boolean;
  webhook_callback_url: string;
}

const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const text = (value: number | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export function emptyDraft(from?: Schedule): ScheduleDraft {
  return {
    prompt_id: from?.prompt_id ?? '',
    name: from?.name ?? '',
    schedule_type: from?.schedule_type ?? 'cron',
    interval_minutes: text(from?.interval_minutes ?? 60),
    cron_expression: from?.cron_expression ?? '0 9 * * 1-5',
    timezone: from?.timezone ?? localZone(),
    catch_up: from?.catch_up ?? 'run_once',
    max_response_time_ms: text(from?.sla_thresholds.max_response_time_ms),
    max_cost_per_run: text(from?.sla_thresholds.max_cost_per_run),
    max_ttft_ms: text(from?.sla_thresholds.max_ttft_ms),
    must_contain: from?.sla_thresholds.must_contain ?? '',
    must_match: from?.sla_thresholds.must_match ?? '',
    must_be_json: from?.sla_thresholds.must_be_json ?? false,
    notify_on_success: from?.notifications.on_success ?? false,
    notify_on_failure: from?.notifications.on_failure ?? true,
    notify_on_sla_breach: from?.notifications.on_sla_breach ?? true,
    webhook_callback_url: from?.notifications.webhook_callback_url ?? '',
  };
}

/** Empty text means "no threshold" (null); the API validates and names any bad field. */
const numberOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));
const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value);

export function toUpdateInput(draft: ScheduleDraft): Omit<UpdateScheduleInput, 'id'> {
  return {
    name: draft.name,
    schedule_type: draft.schedule_type,
    interval_minutes: draft.schedule_type === 'interval' ? numberOrNull(draft.interval_minutes) : null,
    cron_expression: draft.schedule_type === 'cron' ? draft.cron_expression.trim() : null,
    timezone: draft.timezone,
    catch_up: draft.catch_up,
    max_response_time_ms: numberOrNull(draft.max_response_time_ms),
    max_cost_per_run: numberOrNull(draft.max_cost_per_run),
    max_ttft_ms: numberOrNull(draft.max_ttft_ms),
    must_contain: textOrNull(draft.must_contain),
    must_match: textOrNull(draft.must_match),
    must_be_json: draft.must_be_json,
    notify_on_success: draft.notify_on_success,
    notify_on_failure: draft.notify_on_failure,
    notify_on_sla_breach: draft.notify_on_sla_breach,
    webhook_callback_url: textOrNull(draft.webhook_callback_url.trim()),
  };
}

export function toCreateInput(draft: ScheduleDraft): CreateScheduleInput {
  return { ...toUpdateInput(draft), prompt_id: draft.prompt_id, name: draft.name, schedule_type: draft.schedule_type } as CreateScheduleInput;
}
