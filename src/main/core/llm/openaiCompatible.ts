import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { cancelledError, errorFromStatus, retryAfterMs, sanitize, transportError } from './errors';
import { clientCache } from './clientCache';
import type { Adapter, AdapterRequest, AttemptResult, FinishReason, ProviderError, Usage } from './types';
import { emptyUsage } from './types';

const openAiClient = clientCache(
  (baseURL, apiKey) => new OpenAI({ apiKey: apiKey ?? 'not-needed', baseURL, maxRetries: 0, timeout: 10 * 60_000 }),
);

/** OpenAI's reasoning models take `max_completion_tokens` and no temperature. */
export const isReasoningModel = (model: string): boolean => /^(o\d|gpt-5)/i.test(model);

export function mapOpenAiFinish(reason: string | null | undefined): FinishReason | null {
  switch (reason) {
    case undefined:
    case null:
      return null;
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}

interface OpenAiUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

export const mapOpenAiUsage = (usage: OpenAiUsage | null | undefined): Usage =>
  usage
    ? {
        inputTokens: usage.prompt_tokens ?? null,
        outputTokens: usage.completion_tokens ?? null,
        cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? null,
        reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? null,
        raw: usage,
      }
    : emptyUsage();

export function mapOpenAiError(error: unknown, apiKey: string | undefined): ProviderError {
  if (error instanceof APIUserAbortError) return cancelledError();
  if (error instanceof APIError && error.status !== undefined) {
    const body = error.error as { message?: string; code?: string } | undefined;
    const message = sanitize(body?.message ?? error.message, apiKey);
    return errorFromStatus(error.status, message, {
      retryAfterMs: retryAfterMs(error.headers),
      modelNotFound: body?.code === 'model_not_found',
    });
  }
  // An `error` object inside a 200 stream arrives as an APIError without a status: the provider failed mid-answer.
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    const body = error.error as { message?: string } | undefined;
    return { type: 'unavailable', message: sanitize(body?.message ?? error.message, apiKey), retryable: true };
  }
  return transportError(error, apiKey);
}

/** Chat Completions through the official `openai` SDK: OpenAI and every OpenAI-compatible provider. */
export const openAiCompatibleAdapter: Adapter = {
  async listModels(baseUrl, apiKey, signal) {
    const ids: string[] = [];
    for await (const model of openAiClient(baseUrl, apiKey).models.list({ signal })) ids.push(model.id);
    return ids;
  },
  async stream(request: AdapterRequest, onText): Promise<AttemptResult> {
    const warnings: string[] = [];
    const reasoning = isReasoningModel(request.model);
    if (reasoning && request.temperature !== undefined) warnings.push(`temperature is not supported by ${request.model}; it was not sent`);
    const client = openAiClient(request.baseUrl, request.apiKey);
    let text = '';
    let finishReason: string | null = null;
    let usage: Usage = emptyUsage();
    try {
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: [
            ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
            { role: 'user' as const, content: request.prompt },
          ],
          stream: true,
          stream_options: { include_usage: true },
          ...(reasoning
            ? request.maxTokens === undefined
              ? {}
              : { max_completion_tokens: request.maxTokens }
            : {
                ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
                ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
              }),
        },
        { signal: request.signal },
      );
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          onText(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = mapOpenAiUsage(chunk.usage);
      }
      return { text, finishReason: mapOpenAiFinish(finishReason), rawFinishReason: finishReason, usage, warnings };
    } catch (error) {
      const mapped = request.signal.aborted ? cancelledError() : mapOpenAiError(error, request.apiKey);
      return {
        text,
        finishReason: mapped.type === 'cancelled' ? 'cancelled' : 'error',
        rawFinishReason: finishReason,
        usage,
        warnings,
        error: mapped,
      };
    }
  },
};
