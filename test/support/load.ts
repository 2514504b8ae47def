/**
 * Load generators shared by the load test (which checks correctness) and `bench/load.ts` (which prints
 * the figures): all requests are sent at once, each answer's status, body and latency is kept.
 */
export interface Answer {
  url: string;
  status: number;
  ms: number;
  body: any;
  /** Set when the request itself failed (reset, refused, timeout). */
  failure?: string;
}

/** The read routes a script or the window polls; `:id`s are filled from what the store holds. */
export const readRoutes = (ids: { run: string; prompt: string }): string[] => [
  '/v1/runs?limit=20',
  `/v1/runs/${ids.run}`,
  '/v1/runs?q=latency&limit=10',
  '/v1/prompts',
  `/v1/prompts/${ids.prompt}`,
  `/v1/prompts/${ids.prompt}/versions`,
  '/v1/history?limit=20',
  '/v1/usage',
  '/v1/models',
  '/v1/providers',
  '/v1/api-keys',
  '/v1/provider-keys',
  '/v1/settings',
];

async function timed(url: string, init: RequestInit): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { url, status: response.status, ms: performance.now() - started, body };
  } catch (error) {
    return { url, status: 0, ms: performance.now() - started, body: null, failure: String((error as Error).cause ?? error) };
  }
}

/** `count` GETs at once, cycling through `paths`. */
export function readStorm(base: string, token: string, paths: readonly string[], count: number): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => timed(`${base}${paths[i % paths.length]}`, { headers: { authorization: `Bearer ${token}` } })),
  );
}

/** `count` comparisons at once (`POST /v1/prompts/compare`), each on the given configurations. */
export function compareStorm(
  base: string,
  token: string,
  count: number,
  configurations: readonly { provider: string; model: string }[],
): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      timed(`${base}/v1/prompts/compare`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `Load ${i}: explain latency`, configurations, max_tokens: 100 }),
      }),
    ),
  );
}

export const LOAD_CONFIGURATIONS = [
  { provider: 'openai', model: 'gpt-4o-mini~ttft=20~len=30~tps=1000' },
  { provider: 'anthropic', model: 'claude-sonnet-4-5~ttft=20~len=30~tps=1000' },
] as const;
