import type Database from 'better-sqlite3';
import type { OperationOutput, OperationParsedInput } from '../../shared/operations';
import type { ImportRunRow } from '../../shared/operations/export';
import type { Run, RunStatus } from '../../shared/runs';
import type { Clock } from './clock';
import { createPromptImport, type KindOutcome } from './importPrompts';
import { createScheduleImport } from './importSchedules';
import { createRunBulkInsert } from './runs/bulkInsert';

/** A run's status when the document does not carry it: from its results', as the engine decides it. */
const statusOf = (rows: readonly ImportRunRow[]): RunStatus => {
  const completed = rows.filter((row) => row.status === 'completed').length;
  if (rows.some((row) => row.status === 'interrupted')) return 'interrupted';
  return completed === rows.length ? 'completed' : completed === 0 ? 'failed' : 'partial';
};

/** Export rows (one per result) back into runs: grouped by run_id, the run's fields from its first row. */
export function runsFromExport(rows: readonly ImportRunRow[]): Run[] {
  const groups = new Map<string, ImportRunRow[]>();
  for (const row of rows) groups.set(row.run_id, [...(groups.get(row.run_id) ?? []), row]);
  return [...groups.entries()].map(([runId, results]) => {
    const first = results[0]!;
    return {
      id: runId,
      source: first.source,
      api_key_prefix: null,
      prompt: first.prompt ?? first.rendered_prompt ?? '',
      system: first.system ?? null,
      variables: first.variables ?? {},
      rendered_prompt: first.rendered_prompt ?? first.prompt ?? '',
      rendered_system: first.rendered_system ?? first.system ?? null,
      status: first.run_status ?? statusOf(results),
      prompt_id: first.test_id ?? null,
      prompt_version: first.test_version ?? null,
      rating: first.run_rating ?? null,
      note: first.run_note ?? null,
      created_at: first.created_at,
      finished_at: first.run_finished_at ?? null,
      results: results.map((row, i) => ({
        id: row.id,
        run_id: runId,
        position: row.position ?? i,
        provider: row.provider,
        model: row.model,
        temperature: row.temperature ?? null,
        max_tokens: row.max_tokens ?? null,
        status: row.status,
        response: row.response ?? '',
        error: row.error ?? null,
        metadata: {
          input_tokens: row.input_tokens ?? null,
          output_tokens: row.output_tokens ?? null,
          total_tokens: null,
          response_time_ms: row.response_time_ms ?? null,
          tokens_per_second: row.tokens_per_second ?? null,
          estimated_cost: row.cost ?? null,
          cost_known: row.cost_known ?? (row.cost !== null && row.cost !== undefined),
          ttft_ms: row.ttft_ms ?? null,
          finish_reason: row.finish_reason ?? null,
          cached_input_tokens: row.cached_input_tokens ?? null,
          reasoning_tokens: row.reasoning_tokens ?? null,
          retries: row.retries ?? 0,
        },
        warnings: row.warnings ?? [],
        rating: row.rating ?? null,
        note: row.note ?? null,
        started_at: row.started_at ?? null,
        finished_at: row.finished_at ?? null,
      })),
    };
  });
}

export interface ImporterOptions {
  db: Database.Database;
  clock: Clock;
  isKnownProvider(id: string): boolean;
  /** Called after the transaction commits with new schedules, so the scheduler's timer learns their slots. */
  onSchedulesImported(): void;
  /** After runs went in: their words join the search's word list at once (see `searchTerms.ts`). */
  onRunsImported(): void;
}

/**
 * `POST /v1/import`: the document was validated whole by its schema before this runs (a bad one
 * never reaches the store). Prompts, runs, schedules and schedule runs go in, in that order (each
 * kind may refer to the one before), in ONE transaction: all or nothing.
 */
export function createImporter({ db, clock, isKnownProvider, onSchedulesImported, onRunsImported }: ImporterOptions) {
  const insertRuns = createRunBulkInsert(db);
  const importPrompts = createPromptImport(db, isKnownProvider);
  const importSchedules = createScheduleImport(db);

  const importAll = db.transaction((document: OperationParsedInput<'importData'>): OperationOutput<'importData'> => {
    const { tests = [], runs: rows = [], schedules = [], schedule_runs: scheduleRuns = [], ...others } = document.data;
    const now = clock.now();
    const prompts = importPrompts(tests, now.toISOString());
    const runs = insertRuns(runsFromExport(rows));
    const scheduled = importSchedules.schedules(schedules, new Set(tests.map((t) => t.id)), now);
    const scheduleRunsOutcome = importSchedules.runs(scheduleRuns, scheduled.newIds);
    const reasons = (kind: 'tests' | 'schedules' | 'schedule_runs', outcome: KindOutcome) =>
      outcome.reasons.map((reason) => ({ kind, ...reason }));
    return {
      imported: {
        tests: prompts.imported,
        runs: runs.inserted,
        results: runs.results,
        schedules: scheduled.outcome.imported,
        schedule_runs: scheduleRunsOutcome.imported,
      },
      skipped: { tests: prompts.skipped, runs: runs.skipped, schedules: scheduled.outcome.skipped, schedule_runs: scheduleRunsOutcome.skipped },
      skipped_reasons: [...reasons('tests', prompts), ...reasons('schedules', scheduled.outcome), ...reasons('schedule_runs', scheduleRunsOutcome)],
      webhook_secrets: scheduled.secrets,
      not_imported: Object.fromEntries(Object.entries(others).map(([kind, list]) => [kind, (list as unknown[]).length])),
    };
  });

  return (document: OperationParsedInput<'importData'>): OperationOutput<'importData'> => {
    const answer = importAll(document);
    if (answer.imported.schedules > 0) onSchedulesImported();
    if (answer.imported.runs > 0) onRunsImported();
    return answer;
  };
}
