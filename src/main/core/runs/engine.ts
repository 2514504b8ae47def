import crypto from 'node:crypto';
import { validationError } from '../../../shared/errors';
import type { Configuration } from '../../../shared/operations/prompts';
import type { Run, RunResult, RunSource, RunStatus } from '../../../shared/runs';
import { missingVariables, renderTemplate } from '../../../shared/template';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { GatewayOutcome, ProviderGateway } from './gateway';
import { runAtStart, type NewRun, type RunStore, type SettledResult } from './store';

export interface StartRunInput {
  prompt: string;
  system?: string | null;
  variables?: Record<string, string>;
  configurations: Configuration[];
  source: RunSource;
  apiKeyPrefix?: string | null;
  headerKeys?: Readonly<Record<string, string>>;
  promptId?: string | null;
  promptVersion?: number | null;
  /** The whole run is cancelled after this long (default 5 minutes). */
  deadlineMs?: number;
  /** Send the prompt as written: `{{…}}` is text, not a variable (Promptster-compatible routes). */
  literal?: boolean;
}

export interface RunEngineOptions {
  store: RunStore;
  gateway: ProviderGateway;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** How often partial streamed text is written to the store. */
  checkpointMs?: number;
  /** How often text deltas are published (batched, so a fast run does not flood subscribers). */
  publishMs?: number;
  /** Throws to refuse a run before anything is written (the monthly budget). */
  admit?: () => void;
}

interface LiveResult {
  id: string;
  configuration: Configuration;
  controller: AbortController;
  text: string;
  checkpointedLength: number;
  pendingDelta: string;
  status?: RunResult['status'];
}

interface LiveRun {
  id: string;
  controller: AbortController;
  results: LiveResult[];
  unsettled: number;
  cancelledByUser: boolean;
}

const DEFAULT_DEADLINE_MS = 5 * 60_000;

/**
 * Runs one prompt on 1–10 configurations at once. Every configuration streams in parallel and settles
 * on its own; the run is written when it starts, each result when it settles, and partial text in
 * between, so a crash keeps what had arrived.
 */
export class RunEngine {
  private readonly live = new Map<string, LiveRun>();
  private readonly checkpointMs: number;
  private readonly publishMs: number;

  constructor(private readonly options: RunEngineOptions) {
    this.checkpointMs = options.checkpointMs ?? 250;
    this.publishMs = options.publishMs ?? 50;
  }

  get activeRuns(): number {
    return this.live.size;
  }

  /** Validates and persists the run, then streams every configuration; `done` settles when all have. */
  start(input: StartRunInput): { run: Run; done: Promise<Run> } {
    const variables = input.variables ?? {};
    const system = input.system ?? null;
    const missing = input.literal ? [] : missingVariables([input.prompt, system ?? ''], variables);
    const render = (text: string) => (input.literal ? text : renderTemplate(text, variables));
    if (missing.length > 0) {
      throw validationError(
        `variables.${missing[0]}`,
        `Missing value for variable${missing.length > 1 ? 's' : ''} ${missing.map((m) => `{{${m}}}`).join(', ')}`,
      );
    }
    const { store, clock, events } = this.options;
    this.options.admit?.();
    const runId = crypto.randomUUID();
    const live: LiveRun = {
      id: runId,
      controller: new AbortController(),
      cancelledByUser: false,
      unsettled: input.configurations.length,
      results: input.configurations.map((configuration) => ({
        id: crypto.randomUUID(),
        configuration,
        controller: new AbortController(),
        text: '',
        checkpointedLength: 0,
        pendingDelta: '',
      })),
    };
    const newRun: NewRun = {
      id: runId,
      source: input.source,
      apiKeyPrefix: input.apiKeyPrefix ?? null,
      prompt: input.prompt,
      system,
      variables,
      renderedPrompt: render(input.prompt),
      renderedSystem: system === null ? null : render(system),
      promptId: input.promptId ?? null,
      promptVersion: input.promptVersion ?? null,
      createdAt: clock.now().toISOString(),
      results: live.results.map(({ id, configuration }) => ({ id, configuration })),
    };
    store.create(newRun);
    this.live.set(runId, live);
    const run = runAtStart(newRun);
    events.publish('run', { type: 'run.started', run });
    const done = this.execute(live, run, input);
    // Callers that start a run in the background never await `done`; a failed write (a full disk) is
    // logged in `execute` and must not become an unhandled rejection that stops the process.
    done.catch(() => undefined);
    return { run, done };
  }

  /** Cancels a whole run, or one of its results. Returns false when nothing was running. */
  cancel(runId: string, resultId?: string): boolean {
    const live = this.live.get(runId);
    if (!live) return false;
    if (resultId === undefined) {
      live.cancelledByUser = true;
      live.controller.abort();
      return true;
    }
    const result = live.results.find((r) => r.id === resultId);
    if (!result) return false;
    result.controller.abort();
    return true;
  }

  /** Cancels everything in flight and waits (briefly) for the results to be written. */
  async shutdown(): Promise<void> {
    const pending = [...this.live.values()];
    pending.forEach((live) => live.controller.abort());
    const deadline = Date.now() + 2_000;
    while (this.live.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private async execute(live: LiveRun, run: Run, input: StartRunInput): Promise<Run> {
    const { store, events } = this.options;
    // Let the caller subscribe to this run's events (it has its id now) before any of them is published.
    await Promise.resolve();
    const deadline = setTimeout(() => live.controller.abort(), input.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const checkpoint = setInterval(() => this.checkpoint(live), this.checkpointMs);
    const publish = setInterval(() => this.publishDeltas(live), this.publishMs);
    try {
      // The last result to settle also writes the run's status (see runOne).
      await Promise.all(live.results.map((result) => this.runOne(live, result, run, input)));
      this.publishDeltas(live);
      const finished = store.get(live.id);
      events.publish('run', { type: 'run.finished', run: finished });
      return finished;
    } catch (error) {
      // Left as running in the store, it is marked interrupted on the next start.
      this.options.logger.error(`run ${live.id} could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      clearTimeout(deadline);
      clearInterval(checkpoint);
      clearInterval(publish);
      this.live.delete(live.id);
    }
  }

  private async runOne(live: LiveRun, result: LiveResult, run: Run, input: StartRunInput): Promise<RunResult> {
    const { store, gateway, events, logger } = this.options;
    const signal = AbortSignal.any([live.controller.signal, result.controller.signal]);
    events.publish('run', { type: 'result.started', run_id: live.id, result_id: result.id });
    let outcome: GatewayOutcome;
    try {
      outcome = await gateway.stream(
        {
          provider: result.configuration.provider,
          model: result.configuration.model,
          prompt: run.rendered_prompt,
          ...(run.rendered_system ? { system: run.rendered_system } : {}),
          ...(result.configuration.temperature === undefined ? {} : { temperature: result.configuration.temperature }),
          ...(result.configuration.max_tokens === undefined ? {} : { maxTokens: result.configuration.max_tokens }),
          signal,
          ...(input.headerKeys ? { headerKeys: input.headerKeys } : {}),
        },
        (delta) => {
          result.text += delta;
          result.pendingDelta += delta;
        },
      );
    } catch (error) {
      // The gateway promises never to throw; if it does, the column fails, not the run.
      logger.error(`provider ${result.configuration.provider} threw: ${error instanceof Error ? error.message : String(error)}`);
      outcome = failedOutcome(result.text, error instanceof Error ? error.message : 'Provider call failed');
    }
    const settledResult = this.toSettled(result, outcome, signal.aborted);
    result.status = settledResult.status;
    live.unsettled -= 1;
    const runEnd =
      live.unsettled === 0
        ? { runId: live.id, status: runStatusOf(live.results, live.cancelledByUser), at: this.options.clock.now().toISOString() }
        : undefined;
    const settled = store.settle(result.id, settledResult, runEnd);
    events.publish('run', { type: 'result.settled', run_id: live.id, result: settled });
    return settled;
  }

  private toSettled(result: LiveResult, outcome: GatewayOutcome, aborted: boolean): SettledResult {
    const { configuration } = result;
    const cost = this.options.gateway.estimateCost(configuration.provider, configuration.model, outcome.usage);
    const cancelled = aborted && (outcome.error === undefined || outcome.error.type === 'cancelled');
    const status = cancelled ? 'cancelled' : outcome.error ? 'failed' : 'completed';
    const error = outcome.error ?? (cancelled ? { type: 'cancelled', message: 'Cancelled', retryable: false } : undefined);
    return {
      status,
      // Text the gateway kept wins; else what streamed through onText (e.g. after a cut).
      text: outcome.text || result.text,
      error: error
        ? {
            type: error.type,
            message: error.message,
            provider: configuration.provider,
            status: error.status ?? null,
            retryable: error.retryable,
          }
        : null,
      inputTokens: outcome.usage.inputTokens,
      outputTokens: outcome.usage.outputTokens,
      cachedInputTokens: outcome.usage.cachedInputTokens,
      reasoningTokens: outcome.usage.reasoningTokens,
      responseTimeMs: Math.round(outcome.responseTimeMs),
      ttftMs: outcome.ttftMs === null ? null : Math.round(outcome.ttftMs),
      tokensPerSecond: outcome.tokensPerSecond === null ? null : Math.round(outcome.tokensPerSecond * 10) / 10,
      estimatedCost: cost.estimatedCost,
      costKnown: cost.costKnown,
      finishReason: outcome.finishReason,
      rawFinishReason: outcome.rawFinishReason,
      rawUsage: outcome.usage.raw,
      retries: outcome.retries,
      warnings: outcome.warnings,
      finishedAt: this.options.clock.now().toISOString(),
    };
  }

  private checkpoint(live: LiveRun): void {
    const changed = new Map<string, string>();
    for (const result of live.results) {
      if (result.text.length !== result.checkpointedLength) {
        changed.set(result.id, result.text);
        result.checkpointedLength = result.text.length;
      }
    }
    if (changed.size === 0) return;
    try {
      this.options.store.checkpoint(changed);
    } catch (error) {
      // Partial text is a safety copy; the final text is written when the result settles. Try again next tick.
      for (const result of live.results) if (changed.has(result.id)) result.checkpointedLength = -1;
      this.options.logger.warn(`partial text of run ${live.id} not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private publishDeltas(live: LiveRun): void {
    const deltas = live.results.filter((r) => r.pendingDelta).map((r) => ({ result_id: r.id, text: r.pendingDelta }));
    if (deltas.length === 0) return;
    live.results.forEach((r) => (r.pendingDelta = ''));
    this.options.events.publish('run', { type: 'result.delta', run_id: live.id, deltas });
  }
}

function runStatusOf(results: readonly Pick<LiveResult, 'status'>[], cancelledByUser: boolean): RunStatus {
  if (cancelledByUser) return 'cancelled';
  const completed = results.filter((r) => r.status === 'completed').length;
  if (completed === results.length) return 'completed';
  return completed === 0 ? 'failed' : 'partial';
}

const failedOutcome = (text: string, message: string): GatewayOutcome => ({
  text,
  finishReason: 'error',
  rawFinishReason: null,
  usage: { inputTokens: null, cachedInputTokens: null, outputTokens: null, reasoningTokens: null },
  ttftMs: null,
  responseTimeMs: 0,
  tokensPerSecond: null,
  retries: 0,
  warnings: [],
  error: { type: 'unavailable', message, retryable: false },
});
