/** One synthetic run and its 1–5 results, as rows for the store's `runs` and `run_results` tables. */
import crypto from 'node:crypto';
import { CATALOG } from '../../src/main/core/llm/prices';
import { seqAt } from '../../src/main/core/runs/runFilter';
import type { Corpus } from './corpus';

const MODELS = [
  'openai/gpt-4o-mini',
  'openai/gpt-4o',
  'openai/gpt-5-mini',
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-haiku-4-5',
  'google/gemini-2.5-flash',
  'google/gemini-2.5-pro',
  'deepseek/deepseek-chat',
  'groq/llama-3.3-70b-versatile',
  'mistral/mistral-large-latest',
  'xai/grok-3-mini',
  'ollama/llama3.2',
].map((id) => {
  const [provider, model] = id.split('/') as [string, string];
  const price = CATALOG.find((m) => m.provider === provider && m.id === model);
  return { provider, model, price };
});

/** [value, weight] choices. */
const weighted = <T>(random: () => number, choices: readonly (readonly [T, number])[]): T => {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let target = random() * total;
  for (const [value, weight] of choices) {
    target -= weight;
    if (target <= 0) return value;
  }
  return choices[choices.length - 1]![0];
};

const SOURCES = [
  ['ui', 40],
  ['api', 30],
  ['schedule', 20],
  ['mcp', 5],
  ['trace', 5],
] as const;
const RESULT_COUNTS = [
  [1, 35],
  [2, 30],
  [3, 20],
  [4, 10],
  [5, 5],
] as const;
const RESULT_STATUSES = [
  ['completed', 92],
  ['failed', 5],
  ['cancelled', 1],
  ['interrupted', 2],
] as const;
const RATINGS = [
  [null, 92],
  [1, 5],
  [-1, 3],
] as const;

export interface SeedRun {
  run: (string | number | null)[];
  results: (string | number | null)[][];
}

export const RUN_COLUMNS = 'id, source, prompt, variables, rendered_prompt, status, rating, created_at, finished_at, seq';
export const RESULT_COLUMNS = `id, run_id, position, provider, model, temperature, max_tokens, status, text, error, input_tokens, output_tokens,
  response_time_ms, ttft_ms, tokens_per_second, estimated_cost, cost_known, finish_reason, retries, rating, started_at, finished_at`;

/**
 * A run created at `createdMs` (one run per millisecond, so its seq is the millisecond's first: the
 * store's trigger leaves a given seq alone): a prompt of 40–2,000 characters, answers of 0–3,000.
 */
export function seedRun(random: () => number, corpus: Corpus, createdMs: number): SeedRun {
  const id = crypto.randomUUID();
  const createdAt = new Date(createdMs).toISOString();
  const source = weighted(random, SOURCES);
  const prompt = corpus.text(40 + Math.floor(random() ** 3 * 1960));
  const count = source === 'trace' ? 1 : weighted(random, RESULT_COUNTS);
  const statuses: string[] = [];
  let slowest = 0;
  const results = Array.from({ length: count }, (_, position) => {
    const { provider, model, price } = MODELS[Math.floor(random() * MODELS.length)]!;
    const status = weighted(random, RESULT_STATUSES);
    statuses.push(status);
    const failed = status === 'failed';
    const text = failed ? '' : corpus.text(Math.floor(random() ** 2.5 * (status === 'completed' ? 3000 : 600)));
    const inputTokens = Math.ceil(prompt.length / 4);
    const outputTokens = Math.ceil(text.length / 4);
    const ttft = 150 + Math.floor(random() * 1500);
    const time = ttft + Math.floor(outputTokens * (5 + random() * 30));
    slowest = Math.max(slowest, time);
    const cost = price ? (inputTokens * price.input + outputTokens * price.output) / 1e6 : null;
    const error = failed
      ? JSON.stringify({ type: 'rate_limit_exceeded', message: 'Rate limit reached', provider, status: 429, retryable: true })
      : null;
    return [
      crypto.randomUUID(),
      id,
      position,
      provider,
      model,
      random() < 0.5 ? null : Math.round(random() * 10) / 10,
      random() < 0.5 ? null : 1024,
      status,
      text,
      error,
      failed ? null : inputTokens,
      failed ? null : outputTokens,
      time,
      failed ? null : ttft,
      failed ? null : Math.round((outputTokens / Math.max(1, time - ttft)) * 1000 * 10) / 10,
      failed ? null : cost,
      price && !failed ? 1 : 0,
      failed ? null : status === 'completed' ? 'stop' : null,
      failed ? 2 : 0,
      count > 1 ? weighted(random, RATINGS) : null,
      createdAt,
      new Date(createdMs + time).toISOString(),
    ];
  });
  const allCompleted = statuses.every((s) => s === 'completed');
  const noneCompleted = statuses.every((s) => s !== 'completed');
  const runStatus = statuses.includes('interrupted') ? 'interrupted' : allCompleted ? 'completed' : noneCompleted ? 'failed' : 'partial';
  const run = [id, source, prompt, '{}', prompt, runStatus, weighted(random, RATINGS), createdAt, new Date(createdMs + slowest).toISOString(), seqAt(createdAt)];
  return { run, results };
}
