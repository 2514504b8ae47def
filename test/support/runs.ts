import type { RunStore, SettledResult } from '../../src/main/core/runs/store';

/** A completed result with small, plausible figures; override what a test is about. */
export const settledResult = (overrides: Partial<SettledResult> = {}): SettledResult => ({
  status: 'completed',
  text: 'answer',
  error: null,
  inputTokens: 1,
  outputTokens: 1,
  cachedInputTokens: null,
  reasoningTokens: null,
  responseTimeMs: 10,
  ttftMs: 5,
  tokensPerSecond: 100,
  estimatedCost: 0.001,
  costKnown: true,
  finishReason: 'stop',
  rawFinishReason: 'stop',
  rawUsage: undefined,
  retries: 0,
  warnings: [],
  finishedAt: '2026-01-01T00:00:01Z',
  ...overrides,
});

/** A run written the way the engine writes one: results streaming, then settled, then the run finished. */
export function addRun(store: RunStore, id: string, prompt: string, createdAt: string, answers: [provider: string, text: string][]): void {
  store.create({
    id,
    source: 'api',
    apiKeyPrefix: null,
    prompt,
    system: null,
    variables: {},
    renderedPrompt: prompt,
    renderedSystem: null,
    promptId: null,
    promptVersion: null,
    createdAt,
    results: answers.map(([provider], i) => ({ id: `${id}-r${i}`, configuration: { provider, model: `${provider}-model` } })),
  });
  answers.forEach(([, text], i) => store.settle(`${id}-r${i}`, settledResult({ text, finishedAt: createdAt })));
  store.finish(id, 'completed', createdAt);
}
