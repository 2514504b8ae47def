import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { RunStore } from '../runs/store';
import type { TraceInput } from './validate';

/** The pseudo-provider of ingested traces in run results: they were answered by another app. */
export const TRACE_PROVIDER = 'trace';

export type TraceService = ReturnType<typeof createTraceService>;

/**
 * Keeps a trace as a finished run (source `trace`) with one result holding the app's answer, plus
 * the trace's own fields and its RAG sources, all in one transaction.
 */
export function createTraceService(db: Database.Database, runs: RunStore, events: EventBus, clock: Clock) {
  const insertTrace = db.prepare(
    `INSERT INTO traces (run_id, trace_ref, session_id, user_id, model, processing_time_ms, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare(
    `INSERT INTO trace_sources (run_id, position, document_ref, document_name, document_text, document_last_updated, document_type, source_type, source_uri, similarity, rank, owner_email)
     VALUES (@runId, @position, @document_ref, @document_name, @document_text, @document_last_updated, @document_type, @source_type, @source_uri, @similarity, @rank, @owner_email)`,
  );

  const ingest = db.transaction((trace: TraceInput, apiKeyPrefix: string | null) => {
    const runId = crypto.randomUUID();
    const resultId = crypto.randomUUID();
    const now = clock.now().toISOString();
    runs.create({
      id: runId,
      source: 'trace',
      apiKeyPrefix,
      prompt: trace.query,
      system: null,
      variables: {},
      renderedPrompt: trace.query,
      renderedSystem: null,
      promptId: null,
      promptVersion: null,
      createdAt: now,
      results: [{ id: resultId, configuration: { provider: TRACE_PROVIDER, model: trace.model ?? 'unknown' } }],
    });
    runs.settle(resultId, {
      status: 'completed',
      text: trace.response,
      error: null,
      inputTokens: null,
      outputTokens: null,
      cachedInputTokens: null,
      reasoningTokens: null,
      responseTimeMs: trace.processing_time_ms === undefined ? null : Math.round(trace.processing_time_ms),
      ttftMs: null,
      tokensPerSecond: null,
      estimatedCost: null,
      costKnown: false,
      finishReason: null,
      rawFinishReason: null,
      rawUsage: undefined,
      retries: 0,
      warnings: [],
      finishedAt: now,
    });
    runs.finish(runId, 'completed', now);
    insertTrace.run(
      runId,
      trace.trace_ref,
      trace.session_id ?? null,
      trace.user_id ?? null,
      trace.model ?? null,
      trace.processing_time_ms ?? null,
      trace.metadata === undefined ? null : JSON.stringify(trace.metadata),
    );
    trace.sources.forEach((source, position) =>
      insertSource.run({
        runId,
        position,
        document_last_updated: null,
        document_type: null,
        source_type: null,
        source_uri: null,
        similarity: null,
        rank: null,
        owner_email: null,
        ...source,
      }),
    );
    return runId;
  });

  return {
    /** Stores the trace; answers the new trace id (the run's id). */
    ingest(trace: TraceInput, apiKeyPrefix: string | null): string {
      const runId = ingest(trace, apiKeyPrefix) as string;
      events.publish('run', { type: 'run.finished', run: runs.get(runId) });
      return runId;
    },
  };
}
