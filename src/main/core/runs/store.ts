import type Database from 'better-sqlite3';
import { withoutFsync } from '../db/durability';
import { notFound } from '../../../shared/errors';
import type { Configuration } from '../../../shared/operations/prompts';
import type { ResultError, ResultStatus, Run, RunResult, RunSource, RunStatus } from '../../../shared/runs';

export interface NewRun {
  id: string;
  source: RunSource;
  apiKeyPrefix: string | null;
  prompt: string;
  system: string | null;
  variables: Record<string, string>;
  renderedPrompt: string;
  renderedSystem: string | null;
  promptId: string | null;
  promptVersion: number | null;
  createdAt: string;
  results: { id: string; configuration: Configuration }[];
}

/** Everything known about a result once it settled. */
export interface SettledResult {
  status: Extract<ResultStatus, 'completed' | 'failed' | 'cancelled'>;
  text: string;
  error: ResultError | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  reasoningTokens: number | null;
  responseTimeMs: number | null;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  estimatedCost: number | null;
  costKnown: boolean;
  finishReason: string | null;
  rawFinishReason: string | null;
  rawUsage: unknown;
  retries: number;
  warnings: string[];
  finishedAt: string;
}

/** A run's own end, written with its last result. */
export interface RunEnd {
  runId: string;
  status: RunStatus;
  at: string;
}

export interface RunRow {
  id: string;
  source: RunSource;
  api_key_prefix: string | null;
  prompt: string;
  system: string | null;
  variables: string;
  rendered_prompt: string;
  rendered_system: string | null;
  status: RunStatus;
  prompt_id: string | null;
  prompt_version: number | null;
  rating: number | null;
  note: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ResultRow {
  id: string;
  run_id: string;
  position: number;
  provider: string;
  model: string;
  temperature: number | null;
  max_tokens: number | null;
  status: ResultStatus;
  text: string;
  error: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cached_input_tokens: number | null;
  reasoning_tokens: number | null;
  response_time_ms: number | null;
  ttft_ms: number | null;
  tokens_per_second: number | null;
  estimated_cost: number | null;
  cost_known: number;
  finish_reason: string | null;
  retries: number;
  warnings: string;
  rating: number | null;
  note: string | null;
  started_at: string | null;
  finished_at: string | null;
}

const rating = (value: number | null): 1 | -1 | null => (value === 1 || value === -1 ? value : null);

/** A result row's fields except its text (the full answer, or a list's excerpt of it). */
export const resultFields = (row: ResultRow): Omit<RunResult, 'response'> => ({
  id: row.id,
  run_id: row.run_id,
  position: row.position,
  provider: row.provider,
  model: row.model,
  temperature: row.temperature,
  max_tokens: row.max_tokens,
  status: row.status,
  error: row.error ? (JSON.parse(row.error) as ResultError) : null,
  metadata: {
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    total_tokens: row.input_tokens === null && row.output_tokens === null ? null : (row.input_tokens ?? 0) + (row.output_tokens ?? 0),
    response_time_ms: row.response_time_ms,
    tokens_per_second: row.tokens_per_second,
    estimated_cost: row.estimated_cost,
    cost_known: row.cost_known === 1,
    ttft_ms: row.ttft_ms,
    finish_reason: row.finish_reason,
    cached_input_tokens: row.cached_input_tokens,
    reasoning_tokens: row.reasoning_tokens,
    retries: row.retries,
  },
  // Nearly every result has no warnings: skip the parse for the empty list.
  warnings: row.warnings === '[]' ? [] : (JSON.parse(row.warnings) as string[]),
  rating: rating(row.rating),
  note: row.note,
  started_at: row.started_at,
  finished_at: row.finished_at,
});

export const toRunResult = (row: ResultRow): RunResult => ({ ...resultFields(row), response: row.text });

export const toRun = <R = RunResult>(row: RunRow, results: R[]): Omit<Run, 'results'> & { results: R[] } => ({
  id: row.id,
  source: row.source,
  api_key_prefix: row.api_key_prefix,
  prompt: row.prompt,
  system: row.system,
  variables: row.variables === '{}' ? {} : (JSON.parse(row.variables) as Record<string, string>),
  rendered_prompt: row.rendered_prompt,
  rendered_system: row.rendered_system,
  status: row.status,
  prompt_id: row.prompt_id,
  prompt_version: row.prompt_version,
  rating: rating(row.rating),
  note: row.note,
  created_at: row.created_at,
  finished_at: row.finished_at,
  results,
});

/** The run exactly as `create` writes it (what `get` would read back), without reading it back. */
export const runAtStart = (run: NewRun): Run => ({
  id: run.id,
  source: run.source,
  api_key_prefix: run.apiKeyPrefix,
  prompt: run.prompt,
  system: run.system,
  variables: { ...run.variables },
  rendered_prompt: run.renderedPrompt,
  rendered_system: run.renderedSystem,
  status: 'running',
  prompt_id: run.promptId,
  prompt_version: run.promptVersion,
  rating: null,
  note: null,
  created_at: run.createdAt,
  finished_at: null,
  results: run.results.map(({ id, configuration }, position) =>
    toRunResult({
      id,
      run_id: run.id,
      position,
      provider: configuration.provider,
      model: configuration.model,
      temperature: configuration.temperature ?? null,
      max_tokens: configuration.max_tokens ?? null,
      status: 'streaming',
      text: '',
      error: null,
      input_tokens: null,
      output_tokens: null,
      cached_input_tokens: null,
      reasoning_tokens: null,
      response_time_ms: null,
      ttft_ms: null,
      tokens_per_second: null,
      estimated_cost: null,
      cost_known: 0,
      finish_reason: null,
      retries: 0,
      warnings: '[]',
      rating: null,
      note: null,
      started_at: run.createdAt,
      finished_at: null,
    }),
  ),
});

export type RunStore = ReturnType<typeof createRunStore>;

/** Persistence of runs: every write is its own small transaction, so nothing acknowledged is lost. */
export function createRunStore(db: Database.Database) {
  const relaxed = <A extends unknown[]>(fn: (...args: A) => void) => {
    const tx = db.transaction(fn);
    return (...args: A) => withoutFsync(db, () => tx(...args));
  };
  const s = {
    insertRun: db.prepare(
      `INSERT INTO runs (id, source, api_key_prefix, prompt, system, variables, rendered_prompt, rendered_system, status, prompt_id, prompt_version, created_at)
       VALUES (@id, @source, @apiKeyPrefix, @prompt, @system, @variables, @renderedPrompt, @renderedSystem, 'running', @promptId, @promptVersion, @createdAt)`,
    ),
    // Every configuration starts together, so results are written as streaming from the start:
    // one commit (and one fsync) for the whole run instead of one per column.
    insertResult: db.prepare(
      `INSERT INTO run_results (id, run_id, position, provider, model, temperature, max_tokens, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'streaming', ?)`,
    ),
    checkpoint: db.prepare(`UPDATE run_results SET text = ? WHERE id = ? AND status = 'streaming'`),
    settle: db.prepare(
      `UPDATE run_results SET status = @status, text = @text, error = @error, input_tokens = @inputTokens, output_tokens = @outputTokens,
         cached_input_tokens = @cachedInputTokens, reasoning_tokens = @reasoningTokens, response_time_ms = @responseTimeMs, ttft_ms = @ttftMs,
         tokens_per_second = @tokensPerSecond, estimated_cost = @estimatedCost, cost_known = @costKnown, finish_reason = @finishReason,
         raw_finish_reason = @rawFinishReason, raw_usage = @rawUsage, retries = @retries, warnings = @warnings, finished_at = @finishedAt
       WHERE id = @id`,
    ),
    finishRun: db.prepare(`UPDATE runs SET status = ?, finished_at = ? WHERE id = ?`),
    run: db.prepare(`SELECT * FROM runs WHERE id = ? AND deleted_at IS NULL`),
    results: db.prepare(`SELECT * FROM run_results WHERE run_id = ? ORDER BY position`),
    result: db.prepare(`SELECT * FROM run_results WHERE id = ?`),
    interruptResults: db.prepare(`UPDATE run_results SET status = 'interrupted', finished_at = ? WHERE status IN ('pending', 'streaming')`),
    interruptRuns: db.prepare(`UPDATE runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'`),
    // A run whose every result settled but whose own status write was lost: its status follows from them.
    settledRuns: db.prepare(
      `UPDATE runs SET finished_at = ?, status = (
         SELECT CASE WHEN SUM(x.status = 'completed') = COUNT(*) THEN 'completed' WHEN SUM(x.status = 'completed') = 0 THEN 'failed' ELSE 'partial' END
         FROM run_results x WHERE x.run_id = runs.id)
       WHERE status = 'running' AND NOT EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = runs.id AND x.status IN ('pending', 'streaming'))`,
    ),
  };

  const settleRow = (id: string, result: SettledResult) =>
    s.settle.run({
      ...result,
      id,
      error: result.error ? JSON.stringify(result.error) : null,
      costKnown: result.costKnown ? 1 : 0,
      rawUsage: result.rawUsage === undefined ? null : JSON.stringify(result.rawUsage),
      warnings: JSON.stringify(result.warnings),
    });
  const settleLast = db.transaction((id: string, result: SettledResult, run: RunEnd) => {
    settleRow(id, result);
    s.finishRun.run(run.status, run.at, run.runId);
  });

  const get = (id: string): Run => {
    const row = s.run.get(id) as RunRow | undefined;
    if (!row) throw notFound('Run not found');
    return toRun(row, (s.results.all(id) as ResultRow[]).map(toRunResult));
  };

  return {
    get,

    // Not an acknowledgment: a power cut may lose a run that had not settled anything yet.
    create: relaxed((run: NewRun) => {
      s.insertRun.run({ ...run, variables: JSON.stringify(run.variables), results: undefined });
      run.results.forEach(({ id, configuration }, position) =>
        s.insertResult.run(
          id,
          run.id,
          position,
          configuration.provider,
          configuration.model,
          configuration.temperature ?? null,
          configuration.max_tokens ?? null,
          run.createdAt,
        ),
      );
    }) as (run: NewRun) => void,

    /** Saves the partial text of streaming results, all in one transaction. */
    checkpoint: relaxed((texts: ReadonlyMap<string, string>) => {
      for (const [id, text] of texts) s.checkpoint.run(text, id);
    }) as (texts: ReadonlyMap<string, string>) => void,

    /**
     * Writes a settled result (a full commit: this is what acknowledges it). With `run`, the run's own
     * status goes in the same commit: the last result of a run costs one fsync, not a second commit.
     */
    settle(id: string, result: SettledResult, run?: RunEnd): RunResult {
      if (run) settleLast(id, result, run);
      else settleRow(id, result);
      return toRunResult(s.result.get(id) as ResultRow);
    },

    /**
     * The run's own status adds nothing its settled results (each written with a full fsync) do not
     * say, and recovery derives it from them when this write is lost, so it skips the fsync.
     */
    finish(id: string, status: RunStatus, at: string): void {
      withoutFsync(db, () => s.finishRun.run(status, at, id));
    },

    /** At start: runs a crash or kill left unfinished keep their partial text and become `interrupted`. */
    recoverInterrupted: db.transaction((at: string) => {
      s.settledRuns.run(at);
      s.interruptResults.run(at);
      return s.interruptRuns.run(at).changes;
    }) as (at: string) => number,
  };
}
