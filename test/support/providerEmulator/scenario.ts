/**
 * How a request steers the emulator: options after `~` in the model name (the only thing every SDK
 * passes through untouched), e.g. `gpt-4o-mini~ttft=200~tps=2000~len=300`, or `x-emulator-*` headers.
 *
 * ttft=ms       time to first token          tps=n      tokens per second (default 500)
 * len=n         reply length in tokens       error=status  answer this HTTP status with the provider's error body
 * retry_after=s with error=429               fail_times=n  fail with `error` n times, then answer normally
 * cut=k         destroy the socket after k chunks        stream_error=k  an SSE error event after k chunks
 * malformed=k   send a malformed chunk at k  hang=1      accept and never answer
 * reset=1       read the request, then reset the connection before any header
 * stall=k       send the headers and k chunks, then nothing more (the connection stays open)
 * cut_mid=k     after k chunks send half of the next event, then drop the connection
 */
export interface Scenario {
  ttftMs: number;
  tokensPerSecond: number;
  length: number;
  error?: number;
  retryAfter?: string;
  failTimes?: number;
  cutAfter?: number;
  streamErrorAfter?: number;
  malformedAt?: number;
  hang: boolean;
  reset: boolean;
  stallAfter?: number;
  cutMidAfter?: number;
  /** The model name without the steering suffix. */
  model: string;
}

export function parseScenario(model: string, headers: Record<string, string | string[] | undefined>): Scenario {
  const [base = model, ...parts] = model.split('~');
  const options = new Map<string, string>();
  for (const part of parts) {
    const [key, value = ''] = part.split('=');
    if (key) options.set(key, value);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-emulator-') && typeof value === 'string')
      options.set(name.slice('x-emulator-'.length).replace(/-/g, '_'), value);
  }
  const num = (key: string) => (options.has(key) ? Number(options.get(key)) : undefined);
  return {
    model: base,
    ttftMs: num('ttft') ?? 5,
    tokensPerSecond: num('tps') ?? 500,
    length: num('len') ?? 24,
    error: num('error'),
    retryAfter: options.get('retry_after'),
    failTimes: num('fail_times'),
    cutAfter: num('cut'),
    streamErrorAfter: num('stream_error'),
    malformedAt: num('malformed'),
    hang: options.get('hang') === '1',
    reset: options.get('reset') === '1',
    stallAfter: num('stall'),
    cutMidAfter: num('cut_mid'),
  };
}

const WORDS = 'the quick model answers every prompt with steady tokens while latency cost and quality are measured side by side'.split(' ');

/** Deterministic reply tokens (a word and a space each), seeded by the prompt. */
export function replyTokens(prompt: string, length: number): string[] {
  let seed = 0;
  for (const char of prompt) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  return Array.from({ length }, (_, i) => `${WORDS[(seed + i * 7) % WORDS.length]}${i === length - 1 ? '.' : ' '}`);
}

/** A rough token count for prompts: one per four characters, at least one. */
export const countTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));
