import Anthropic, { AnthropicError, APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { cancelledError, errorFromStatus, retryAfterMs, sanitize, transportError } from './errors';
import { clientCache } from './clientCache';
import type { Adapter, AttemptResult, FinishReason, ProviderError, Usage } from './types';
import { emptyUsage } from './types';

const anthropicClient = clientCache(
  (baseURL, apiKey) => new Anthropic({ apiKey: apiKey ?? '', baseURL, maxRetries: 0, timeout: 10 * 60_000 }),
);

/** Anthropic requires `max_tokens`; when the user set none, this many. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

export function mapAnthropicStop(reason: string | null | undefined): FinishReason | null {
  switch (reason) {
    case undefined:
    case null:
      return null;
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/** Anthropic counts cache reads and writes apart from `input_tokens`; the input total includes them. */
export function mapAnthropicUsage(start: AnthropicUsage | undefined, end: AnthropicUsage | undefined): Usage {
  if (!start && !end) return emptyUsage();
  const read = end?.cache_read_input_tokens ?? start?.cache_read_input_tokens ?? 0;
  const created = end?.cache_creation_input_tokens ?? start?.cache_creation_input_tokens ?? 0;
  const input = end?.input_tokens ?? start?.input_tokens ?? null;
  return {
    inputTokens: input === null ? null : input + read + created,
    cachedInputTokens: read || null,
    outputTokens: end?.output_tokens ?? start?.output_tokens ?? null,
    reasoningTokens: null,
    raw: { message_start: start, message_delta: end },
  };
}

export function mapAnthropicError(error: unknown, apiKey: string | undefined): ProviderError {
  if (error instanceof APIUserAbortError) return cancelledError();
  // A refused or reset connection is an APIError without a status too: it is the network's, not the provider's.
  if (error instanceof APIConnectionError) return transportError(error, apiKey);
  if (error instanceof APIError && error.status !== undefined) {
    const body = error.error as { error?: { type?: string; message?: string } } | undefined;
    const message = sanitize(body?.error?.message ?? error.message, apiKey);
    const mapped = errorFromStatus(error.status, message, {
      retryAfterMs: retryAfterMs(error.headers),
      modelNotFound: body?.error?.type === 'not_found_error',
    });
    return body?.error?.type === 'overloaded_error' ? { ...mapped, type: 'overloaded', retryable: true } : mapped;
  }
  // An `event: error` inside a 200 stream arrives as an APIError without a status.
  if (error instanceof APIError) {
    const body = error.error as { error?: { type?: string; message?: string } } | undefined;
    const type = body?.error?.type === 'overloaded_error' ? 'overloaded' : 'unavailable';
    return { type, message: sanitize(body?.error?.message ?? error.message, apiKey), retryable: true };
  }
  return transportError(error, apiKey);
}

/** The Messages API, streamed through the official `@anthropic-ai/sdk`. */
export const anthropicAdapter: Adapter = {
  async listModels(baseUrl, apiKey, signal) {
    const ids: string[] = [];
    for await (const model of anthropicClient(baseUrl, apiKey).models.list({}, { signal })) ids.push(model.id);
    return ids;
  },
  async stream(request, onText): Promise<AttemptResult> {
    const warnings: string[] = [];
    let temperature = request.temperature;
    if (temperature !== undefined && temperature > 1) {
      warnings.push(`temperature ${temperature} is above Anthropic's maximum of 1; 1 was sent`);
      temperature = 1;
    }
    const client = anthropicClient(request.baseUrl, request.apiKey);
    let text = '';
    let stop: string | null = null;
    let startUsage: AnthropicUsage | undefined;
    let endUsage: AnthropicUsage | undefined;
    try {
      // The raw event stream rather than `messages.stream()`: that helper re-emits every event through
      // its own listeners and snapshot before we see it, for nothing this adapter needs.
      const stream = await client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
          ...(request.system ? { system: request.system } : {}),
          ...(temperature === undefined ? {} : { temperature }),
          messages: [{ role: 'user', content: request.prompt }],
          stream: true,
        },
        { signal: request.signal },
      );
      let started = false;
      for await (const event of stream) {
        if (event.type === 'content_block_delta') {
          if (event.delta.type === 'text_delta') {
            text += event.delta.text;
            onText(event.delta.text);
          }
        } else if (event.type === 'message_start') {
          started = true;
          startUsage = event.message.usage;
        } else if (event.type === 'message_delta') {
          stop = event.delta.stop_reason ?? stop;
          endUsage = event.usage;
        }
      }
      // The raw stream ends quietly when aborted, and says nothing of an answer that never began.
      if (request.signal.aborted) throw new APIUserAbortError();
      if (!started) throw new AnthropicError('request ended without sending any chunks');
      return {
        text,
        finishReason: mapAnthropicStop(stop),
        rawFinishReason: stop,
        usage: mapAnthropicUsage(startUsage, endUsage),
        warnings,
      };
    } catch (error) {
      const mapped = request.signal.aborted ? cancelledError() : mapAnthropicError(error, request.apiKey);
      return {
        text,
        finishReason: mapped.type === 'cancelled' ? 'cancelled' : 'error',
        rawFinishReason: stop,
        usage: mapAnthropicUsage(startUsage, endUsage),
        warnings,
        error: mapped,
      };
    }
  },
};
