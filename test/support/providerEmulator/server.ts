/**
 * A provider emulator: one HTTP server on 127.0.0.1 that speaks OpenAI Chat Completions, Anthropic
 * Messages and Gemini generateContent, streaming and not, with their documented status codes, error
 * bodies, SSE sequences and usage fields — steered per request (see scenario.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens, parseScenario, replyTokens, type Scenario } from './scenario';
import { errorBody, streamShape, type Protocol } from './wire';

export interface EmulatedRequest {
  protocol: Protocol;
  path: string;
  model: string;
  stream: boolean;
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** True when the client hung up before the answer was complete (e.g. it cancelled). */
  clientClosed: boolean;
  closedAt?: number;
}

export interface Emulator {
  url: string;
  port: number;
  requests: EmulatedRequest[];
  /** Base URLs to give each protocol's SDK. */
  baseUrls: { openai: string; anthropic: string; google: string };
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function route(method: string, path: string): { protocol: Protocol; model?: string; stream?: boolean } | 'models' | null {
  if (method === 'GET' && /\/models$/.test(path)) return 'models';
  if (method !== 'POST') return null;
  if (path.endsWith('/chat/completions')) return { protocol: 'openai' };
  if (path.endsWith('/v1/messages')) return { protocol: 'anthropic' };
  const gemini = /\/v1beta\/models\/(.+):(streamGenerateContent|generateContent)$/.exec(path);
  if (gemini) return { protocol: 'google', model: decodeURIComponent(gemini[1]!), stream: gemini[2] === 'streamGenerateContent' };
  return null;
}

function promptText(protocol: Protocol, body: Record<string, unknown>): string {
  if (protocol === 'google') return JSON.stringify(body.contents ?? '') + JSON.stringify(body.systemInstruction ?? '');
  return JSON.stringify(body.messages ?? '') + JSON.stringify(body.system ?? '');
}

function maxTokensOf(protocol: Protocol, body: Record<string, unknown>): number | undefined {
  const value =
    protocol === 'google'
      ? (body.generationConfig as { maxOutputTokens?: number } | undefined)?.maxOutputTokens
      : ((body.max_completion_tokens ?? body.max_tokens) as number | undefined);
  return typeof value === 'number' ? value : undefined;
}

export async function startProviderEmulator(options: { port?: number } = {}): Promise<Emulator> {
  const requests: EmulatedRequest[] = [];
  const failures = new Map<string, number>();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const target = route(req.method ?? 'GET', url.pathname);
    if (target === null) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Unknown path ${url.pathname}` } }));
      return;
    }
    if (target === 'models') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'emu-model', object: 'model', created: 0, owned_by: 'emulator' }],
          models: [{ name: 'models/emu-model' }],
        }),
      );
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const protocol = target.protocol;
    const modelName = target.model ?? String(body.model ?? '');
    const stream = target.stream ?? body.stream === true;
    const scenario = parseScenario(modelName, req.headers);
    const record: EmulatedRequest = {
      protocol,
      path: url.pathname,
      model: scenario.model,
      stream,
      body,
      authorization:
        req.headers.authorization ??
        (req.headers['x-api-key'] as string | undefined) ??
        (req.headers['x-goog-api-key'] as string | undefined),
      clientClosed: false,
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) {
        record.clientClosed = true;
        record.closedAt = Date.now();
      }
    });
    await answer(res, protocol, stream, scenario, modelName, promptText(protocol, body), maxTokensOf(protocol, body), failures);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    requests,
    baseUrls: { openai: `${url}/v1`, anthropic: url, google: url },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  res: http.ServerResponse,
  protocol: Protocol,
  stream: boolean,
  scenario: Scenario,
  modelName: string,
  prompt: string,
  maxTokens: number | undefined,
  failures: Map<string, number>,
): Promise<void> {
  if (scenario.hang) return; // never answers; the client's deadline must fire
  if (scenario.reset) {
    res.socket?.resetAndDestroy(); // a TCP RST before any byte of the answer
    return;
  }
  await sleep(scenario.ttftMs);
  if (scenario.error !== undefined) {
    const failed = failures.get(modelName) ?? 0;
    if (scenario.failTimes === undefined || failed < scenario.failTimes) {
      failures.set(modelName, failed + 1);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': `req_emu${Date.now()}` };
      if (scenario.retryAfter !== undefined) headers['retry-after'] = scenario.retryAfter;
      res.writeHead(scenario.error, headers).end(JSON.stringify(errorBody(protocol, scenario.error, scenario.model, scenario.retryAfter)));
      return;
    }
  }
  const length = Math.min(scenario.length, maxTokens ?? Number.POSITIVE_INFINITY);
  const truncated = maxTokens !== undefined && maxTokens < scenario.length;
  const tokens = replyTokens(prompt, length);
  const input = countTokens(prompt);
  if (!stream) return answerWhole(res, protocol, scenario.model, tokens.join(''), input, tokens.length, truncated);

  const shape = streamShape(protocol, scenario.model);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  for (const event of shape.start()) res.write(event);
  const gapMs = 1000 / scenario.tokensPerSecond;
  const begun = Date.now();
  for (let i = 0; i < tokens.length; i++) {
    if (res.destroyed) return;
    if (scenario.cutAfter !== undefined && i === scenario.cutAfter) {
      // Let what was written reach the client, then drop the connection mid-stream.
      await sleep(30);
      res.socket?.destroy();
      return;
    }
    if (scenario.streamErrorAfter !== undefined && i === scenario.streamErrorAfter) {
      res.end(shape.midStreamError());
      return;
    }
    if (scenario.stallAfter !== undefined && i === scenario.stallAfter) return; // open, silent, until the client gives up
    if (scenario.cutMidAfter !== undefined && i === scenario.cutMidAfter) {
      const event = shape.token(tokens[i]!);
      res.write(event.slice(0, Math.floor(event.length / 2)));
      await sleep(30);
      res.socket?.destroy();
      return;
    }
    res.write(scenario.malformedAt === i ? shape.malformed() : shape.token(tokens[i]!));
    // Pace by the clock, not by sleeping per token, so high rates stay accurate.
    const due = begun + (i + 1) * gapMs - Date.now();
    if (due >= 1) await sleep(due);
  }
  for (const event of shape.end(input, tokens.length, truncated)) res.write(event);
  res.end();
}

function answerWhole(
  res: http.ServerResponse,
  protocol: Protocol,
  model: string,
  text: string,
  input: number,
  output: number,
  truncated: boolean,
): void {
  const created = Math.floor(Date.now() / 1000);
  const body =
    protocol === 'openai'
      ? {
          id: `chatcmpl-emu${created}`,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: text, refusal: null },
              logprobs: null,
              finish_reason: truncated ? 'length' : 'stop',
            },
          ],
          usage: {
            prompt_tokens: input,
            completion_tokens: output,
            total_tokens: input + output,
            prompt_tokens_details: { cached_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: 0 },
          },
        }
      : protocol === 'anthropic'
        ? {
            id: `msg_emu${created}`,
            type: 'message',
            role: 'assistant',
            model,
            content: [{ type: 'text', text }],
            stop_reason: truncated ? 'max_tokens' : 'end_turn',
            stop_sequence: null,
            usage: { input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
          }
        : {
            candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: truncated ? 'MAX_TOKENS' : 'STOP', index: 0 }],
            usageMetadata: { promptTokenCount: input, candidatesTokenCount: output, totalTokenCount: input + output },
            modelVersion: model,
          };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
