import { ApiError, GoogleGenAI } from '@google/genai';
import { cancelledError, errorFromStatus, retryDelayFromDetails, sanitize, transportError } from './errors';
import { clientCache } from './clientCache';
import type { Adapter, AttemptResult, FinishReason, ProviderError, Usage } from './types';
import { emptyUsage } from './types';

const googleClient = clientCache(
  (baseUrl, apiKey) => new GoogleGenAI({ apiKey: apiKey ?? '', httpOptions: { baseUrl, retryOptions: { attempts: 1 } } }),
);

export function mapGeminiFinish(reason: string | null | undefined): FinishReason | null {
  switch (reason) {
    case undefined:
    case null:
    case 'FINISH_REASON_UNSPECIFIED':
      return null;
    case 'STOP':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return 'content_filter';
    case 'MALFORMED_FUNCTION_CALL':
    case 'UNEXPECTED_TOOL_CALL':
      return 'tool_calls';
    default:
      return 'other';
  }
}

interface GeminiUsage {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
}

export const mapGeminiUsage = (usage: GeminiUsage | undefined): Usage =>
  usage
    ? {
        inputTokens: usage.promptTokenCount ?? null,
        cachedInputTokens: usage.cachedContentTokenCount ?? null,
        // Thinking tokens are billed as output; report them inside the output count and on their own.
        outputTokens:
          usage.candidatesTokenCount === undefined && usage.thoughtsTokenCount === undefined
            ? null
            : (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
        reasoningTokens: usage.thoughtsTokenCount ?? null,
        raw: usage,
      }
    : emptyUsage();

/** The genai SDK puts the whole JSON error body in `message`; the provider's own words (and RetryInfo) are inside. */
function geminiBody(error: ApiError): { message: string; details?: unknown } {
  try {
    const parsed = JSON.parse(error.message.slice(error.message.indexOf('{'))) as { error?: { message?: string; details?: unknown } };
    return { message: parsed.error?.message ?? error.message, details: parsed.error?.details };
  } catch {
    return { message: error.message };
  }
}

export function mapGeminiError(error: unknown, apiKey: string | undefined): ProviderError {
  if (error instanceof ApiError) {
    const body = geminiBody(error);
    const message = sanitize(body.message, apiKey);
    return errorFromStatus(error.status, message, {
      retryAfterMs: retryDelayFromDetails(body.details),
      modelNotFound: error.status === 404 || /models\/.* is not found/i.test(message),
    });
  }
  if (error instanceof Error && error.name === 'AbortError') return cancelledError();
  return transportError(error, apiKey);
}

/** Gemini's generateContentStream through the official `@google/genai` SDK. */
export const googleAdapter: Adapter = {
  async listModels(baseUrl, apiKey, signal) {
    const ids: string[] = [];
    const pager = await googleClient(baseUrl, apiKey).models.list({ config: { abortSignal: signal } });
    for await (const model of pager) if (model.name) ids.push(model.name.replace(/^models\//, ''));
    return ids;
  },
  async stream(request, onText): Promise<AttemptResult> {
    const client = googleClient(request.baseUrl, request.apiKey);
    let text = '';
    let finish: string | null = null;
    let usage: GeminiUsage | undefined;
    try {
      const stream = await client.models.generateContentStream({
        model: request.model,
        contents: request.prompt,
        config: {
          abortSignal: request.signal,
          ...(request.system ? { systemInstruction: request.system } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.maxTokens === undefined ? {} : { maxOutputTokens: request.maxTokens }),
        },
      });
      for await (const chunk of stream) {
        const delta = chunk.text;
        if (delta) {
          text += delta;
          onText(delta);
        }
        finish = chunk.candidates?.[0]?.finishReason ?? finish;
        if (chunk.usageMetadata) usage = chunk.usageMetadata;
      }
      return { text, finishReason: mapGeminiFinish(finish), rawFinishReason: finish, usage: mapGeminiUsage(usage), warnings: [] };
    } catch (error) {
      const mapped = request.signal.aborted ? cancelledError() : mapGeminiError(error, request.apiKey);
      return {
        text,
        finishReason: mapped.type === 'cancelled' ? 'cancelled' : 'error',
        rawFinishReason: finish,
        usage: mapGeminiUsage(usage),
        warnings: [],
        error: mapped,
      };
    }
  },
};
