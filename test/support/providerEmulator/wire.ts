/** The three wire formats: error bodies and stream events exactly as each provider documents them. */
export type Protocol = 'openai' | 'anthropic' | 'google';

const OPENAI_ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided: sk-emu****. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  404: {
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: 'The model `%MODEL%` does not exist or you do not have access to it.',
  },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

const ANTHROPIC_ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'model: %MODEL%' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  503: { type: 'api_error', message: 'Service unavailable' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

const GOOGLE_ERRORS: Record<number, { status: string; message: string }> = {
  400: { status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
  401: { status: 'UNAUTHENTICATED', message: 'API key not valid. Please pass a valid API key.' },
  403: { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
  404: { status: 'NOT_FOUND', message: 'models/%MODEL% is not found for API version v1beta, or is not supported for generateContent.' },
  429: { status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota).' },
  500: { status: 'INTERNAL', message: 'An internal error has occurred.' },
  503: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
};

/**
 * Gemini does not rely on `Retry-After`: a 429 says how long to wait in its body, as a
 * `google.rpc.RetryInfo` detail whose `retryDelay` is a protobuf Duration ("37s", "0.100s").
 * A date cannot be a Duration, so a date stays in the header only; anything else is passed through.
 */
function geminiRetryDetails(retryAfter: string | undefined): unknown[] {
  const quota = {
    '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
    violations: [
      {
        quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
        quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
      },
    ],
  };
  if (retryAfter === undefined) return [quota];
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) && !Number.isNaN(Date.parse(retryAfter))) return [quota];
  const retryDelay = Number.isFinite(seconds) && retryAfter.trim() !== '' ? `${seconds}s` : retryAfter;
  return [quota, { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }];
}

export function errorBody(protocol: Protocol, status: number, model: string, retryAfter?: string): unknown {
  const fill = (text: string) => text.replace('%MODEL%', model);
  if (protocol === 'openai') {
    const e = OPENAI_ERRORS[status] ?? OPENAI_ERRORS[500]!;
    return { error: { message: fill(e.message), type: e.type, param: null, code: e.code } };
  }
  if (protocol === 'anthropic') {
    const e = ANTHROPIC_ERRORS[status] ?? ANTHROPIC_ERRORS[500]!;
    return { type: 'error', error: { type: e.type, message: fill(e.message) } };
  }
  const e = GOOGLE_ERRORS[status] ?? GOOGLE_ERRORS[500]!;
  return {
    error: {
      code: status,
      message: fill(e.message),
      status: e.status,
      ...(status === 429 ? { details: geminiRetryDetails(retryAfter) } : {}),
    },
  };
}

export interface StreamShape {
  /** Events before the first token. */
  start(): string[];
  token(text: string): string;
  /** Events after the last token. */
  end(inputTokens: number, outputTokens: number, truncated: boolean): string[];
  /** An error event inside a 200 stream. */
  midStreamError(): string;
  /** A complete SSE event of the right kind whose JSON is cut short. */
  malformed(): string;
}

/** The same event as `token` would send, with its JSON cut in half: a well-framed event that does not parse. */
const truncateData = (event: string): string =>
  event.replace(/data: (.*)\n\n$/, (_all, json: string) => `data: ${json.slice(0, Math.floor(json.length / 2))}\n\n`);

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

export function streamShape(protocol: Protocol, model: string): StreamShape {
  const created = Math.floor(Date.now() / 1000);
  if (protocol === 'openai') {
    const id = `chatcmpl-emu${created}`;
    const chunk = (delta: object, finish: string | null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_emu',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    return {
      start: () => [sse(chunk({ role: 'assistant', content: '', refusal: null }, null))],
      token: (text) => sse(chunk({ content: text }, null)),
      end: (input, output, truncated) => [
        sse(chunk({}, truncated ? 'length' : 'stop')),
        sse({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          system_fingerprint: 'fp_emu',
          choices: [],
          usage: {
            prompt_tokens: input,
            completion_tokens: output,
            total_tokens: input + output,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: 0,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          },
        }),
        'data: [DONE]\n\n',
      ],
      midStreamError: () =>
        sse({
          error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null },
        }),
      malformed: () => truncateData(sse(chunk({ content: 'garbled' }, null))),
    };
  }
  if (protocol === 'anthropic') {
    return {
      start: () => [
        sse(
          {
            type: 'message_start',
            message: {
              id: `msg_emu${created}`,
              type: 'message',
              role: 'assistant',
              model,
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: 0, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
            },
          },
          'message_start',
        ),
        sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
        sse({ type: 'ping' }, 'ping'),
      ],
      token: (text) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'),
      end: (input, output, truncated) => [
        sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
        sse(
          {
            type: 'message_delta',
            delta: { stop_reason: truncated ? 'max_tokens' : 'end_turn', stop_sequence: null },
            usage: { input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
          },
          'message_delta',
        ),
        sse({ type: 'message_stop' }, 'message_stop'),
      ],
      midStreamError: () => sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error'),
      malformed: () =>
        truncateData(sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'garbled' } }, 'content_block_delta')),
    };
  }
  let sent = 0;
  return {
    start: () => [],
    token: (text) => {
      sent += 1;
      return sse({
        candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0 }],
        usageMetadata: { promptTokenCount: 0, candidatesTokenCount: sent, totalTokenCount: sent },
        modelVersion: model,
        responseId: `emu${created}`,
      });
    },
    end: (input, output, truncated) => [
      sse({
        candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: truncated ? 'MAX_TOKENS' : 'STOP', index: 0 }],
        usageMetadata: {
          promptTokenCount: input,
          candidatesTokenCount: output,
          totalTokenCount: input + output,
          promptTokensDetails: [{ modality: 'TEXT', tokenCount: input }],
        },
        modelVersion: model,
        responseId: `emu${created}`,
      }),
    ],
    midStreamError: () => sse({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }),
    malformed: () =>
      truncateData(sse({ candidates: [{ content: { parts: [{ text: 'garbled' }], role: 'model' }, index: 0 }], modelVersion: model })),
  };
}
