/** A schedule run's verdict: its Promptster metrics, SLA breaches and what each breach was. */
import type { ScheduleRunResult, ScheduleRunStatus, SlaBreaches, SlaThresholds } from '../../../shared/operations/schedules';
import type { Run, RunResult } from '../../../shared/runs';

export interface Verdict {
  status: ScheduleRunStatus;
  metrics: Record<string, number | null>;
  results: ScheduleRunResult[];
  breaches: SlaBreaches;
  failures: string[];
  error: { message: string; provider: string | null } | null;
}

const label = (r: RunResult) => `${r.provider}/${r.model}`;

/** Promptster's fields for configurations 1 and 2 are always present; every further one is added. */
export function promptsterMetrics(results: readonly RunResult[]): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  const count = Math.max(2, results.length);
  for (let i = 1; i <= count; i++) {
    const meta = results[i - 1]?.status === 'completed' ? results[i - 1]?.metadata : undefined;
    metrics[`response_time_${i}_ms`] = meta?.response_time_ms ?? null;
    metrics[`estimated_cost_${i}`] = meta?.estimated_cost ?? null;
    metrics[`ttft_${i}_ms`] = meta?.ttft_ms ?? null;
  }
  return metrics;
}

/** A JSON answer, also when the model wrapped it in one Markdown code fence. */
export function parsesAsJson(text: string): boolean {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  try {
    JSON.parse(fenced ? (fenced[1] ?? '') : text);
    return true;
  } catch {
    return false;
  }
}

export function checkSla(sla: SlaThresholds, results: readonly RunResult[]): { breaches: SlaBreaches; failures: string[] } {
  const failures: string[] = [];
  const breaches: SlaBreaches = { response_time: false, cost: false, ttft: false, content: false };
  const completed = results.filter((r) => r.status === 'completed');
  for (const r of completed) {
    const { response_time_ms, ttft_ms } = r.metadata;
    if (sla.max_response_time_ms !== null && response_time_ms !== null && response_time_ms > sla.max_response_time_ms) {
      breaches.response_time = true;
      failures.push(`response time ${response_time_ms} ms > ${sla.max_response_time_ms} ms on ${label(r)}`);
    }
    if (sla.max_ttft_ms !== null && ttft_ms !== null && ttft_ms > sla.max_ttft_ms) {
      breaches.ttft = true;
      failures.push(`time to first token ${ttft_ms} ms > ${sla.max_ttft_ms} ms on ${label(r)}`);
    }
    if (sla.must_contain !== null && !r.response.includes(sla.must_contain)) {
      breaches.content = true;
      failures.push(`answer of ${label(r)} does not contain ${JSON.stringify(sla.must_contain)}`);
    }
    if (sla.must_match !== null && !new RegExp(sla.must_match, 'u').test(r.response)) {
      breaches.content = true;
      failures.push(`answer of ${label(r)} does not match /${sla.must_match}/`);
    }
    if (sla.must_be_json && !parsesAsJson(r.response)) {
      breaches.content = true;
      failures.push(`answer of ${label(r)} is not valid JSON`);
    }
  }
  if (sla.max_cost_per_run !== null) {
    const total = completed.reduce((sum, r) => sum + (r.metadata.estimated_cost ?? 0), 0);
    if (total > sla.max_cost_per_run) {
      breaches.cost = true;
      failures.push(`cost $${total.toFixed(6)} > $${sla.max_cost_per_run} for the run`);
    }
  }
  return { breaches, failures };
}

export function judgeRun(run: Run, sla: SlaThresholds): Verdict {
  const completed = run.results.filter((r) => r.status === 'completed');
  const failed = run.results.filter((r) => r.status !== 'completed');
  const status: ScheduleRunStatus = failed.length === 0 ? 'completed' : completed.length === 0 ? 'failed' : 'partial';
  const firstError = failed[0];
  return {
    status,
    metrics: promptsterMetrics(run.results),
    results: run.results.map((r) => ({
      position: r.position,
      provider: r.provider,
      model: r.model,
      status: r.status,
      response_time_ms: r.metadata.response_time_ms,
      ttft_ms: r.metadata.ttft_ms,
      estimated_cost: r.metadata.estimated_cost,
      cost_known: r.metadata.cost_known,
      input_tokens: r.metadata.input_tokens,
      output_tokens: r.metadata.output_tokens,
      error: r.error?.message ?? (r.status === 'completed' ? null : `result ${r.status}`),
    })),
    ...checkSla(sla, run.results),
    error: firstError
      ? { message: firstError.error?.message ?? `${label(firstError)} ${firstError.status}`, provider: firstError.provider }
      : null,
  };
}
