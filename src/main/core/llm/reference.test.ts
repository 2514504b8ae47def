import { describe, expect, it } from 'vitest';
import * as ref from '../../../../test/support/providerEmulator/fixtures/reference';
import { mapAnthropicStop, mapAnthropicUsage } from './anthropic';
import { errorFromStatus, retryAfterMs, retryDelayFromDetails, sanitize, transportError } from './errors';
import { mapGeminiFinish, mapGeminiUsage } from './google';
import { isReasoningModel, mapOpenAiFinish, mapOpenAiUsage } from './openaiCompatible';
import { estimateCost, findModel } from './prices';

describe("providers' documented examples through the mapping functions", () => {
  it('OpenAI usage, with cached and reasoning token details', () => {
    expect(mapOpenAiUsage(ref.openAiUsageExample)).toMatchObject({
      inputTokens: 19,
      outputTokens: 10,
      cachedInputTokens: 0,
      reasoningTokens: 0,
    });
    expect(mapOpenAiUsage(ref.openAiReasoningUsageExample)).toMatchObject({
      inputTokens: 2048,
      outputTokens: 1500,
      cachedInputTokens: 1024,
      reasoningTokens: 1024,
    });
  });

  it('OpenAI finish reasons and reasoning models', () => {
    expect(['stop', 'length', 'content_filter', 'tool_calls', 'function_call', 'weird', null].map(mapOpenAiFinish)).toEqual([
      'stop',
      'length',
      'content_filter',
      'tool_calls',
      'tool_calls',
      'other',
      null,
    ]);
    expect(['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-4o'].map(isReasoningModel)).toEqual([true, true, true, true, false]);
  });

  it('Anthropic usage: cache reads and writes count as input, reads as cached', () => {
    expect(mapAnthropicUsage(ref.anthropicMessageStartUsage, ref.anthropicMessageDeltaUsage)).toMatchObject({
      inputTokens: 25,
      outputTokens: 15,
      cachedInputTokens: null,
    });
    expect(mapAnthropicUsage(ref.anthropicCachedStartUsage, { output_tokens: 3 })).toMatchObject({
      inputTokens: 2098,
      cachedInputTokens: 1800,
      outputTokens: 3,
    });
    expect(['end_turn', 'stop_sequence', 'max_tokens', 'tool_use', 'refusal', 'pause_turn'].map(mapAnthropicStop)).toEqual([
      'stop',
      'stop',
      'length',
      'tool_calls',
      'content_filter',
      'other',
    ]);
  });

  it('Gemini usage, thinking tokens billed as output', () => {
    expect(mapGeminiUsage(ref.geminiUsageExample)).toMatchObject({ inputTokens: 8, outputTokens: 63, reasoningTokens: null });
    expect(mapGeminiUsage(ref.geminiThinkingUsageExample)).toMatchObject({
      inputTokens: 12,
      outputTokens: 420,
      reasoningTokens: 300,
      cachedInputTokens: 4,
    });
    expect(['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'OTHER'].map(mapGeminiFinish)).toEqual([
      'stop',
      'length',
      'content_filter',
      'content_filter',
      'other',
    ]);
  });

  it('error statuses to types, with what is retryable', () => {
    const types = [400, 401, 403, 404, 408, 429, 500, 503, 504, 529].map((status) => errorFromStatus(status, 'm'));
    expect(types.map((e) => e.type)).toEqual([
      'invalid_request',
      'authentication',
      'authentication',
      'invalid_model',
      'timeout',
      'rate_limit',
      'unavailable',
      'unavailable',
      'timeout',
      'overloaded',
    ]);
    expect(types.map((e) => e.retryable)).toEqual([false, false, false, false, true, true, true, true, true, true]);
    expect(
      errorFromStatus(400, ref.openAiErrorExample.error.message, { modelNotFound: ref.openAiErrorExample.error.code === 'model_not_found' })
        .type,
    ).toBe('invalid_model');
  });

  it('retry-after in seconds, milliseconds, HTTP dates; garbage and negatives ignored', () => {
    const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
    expect(retryAfterMs(headers({ 'retry-after': '0.1' }))).toBe(100);
    expect(retryAfterMs(headers({ 'retry-after': '120' }))).toBe(120_000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      10_000,
    );
    expect(retryAfterMs(headers({ 'retry-after': '-3' }))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });

  it("Gemini's RetryInfo delay (a protobuf Duration in the error body); anything else ignored", () => {
    const info = (retryDelay: unknown) => [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ];
    expect(retryDelayFromDetails(info('37s'))).toBe(37_000);
    expect(retryDelayFromDetails(info('0.100s'))).toBe(100);
    expect([info('-5s'), info('soon'), info(12), [], undefined, 'x'].map(retryDelayFromDetails)).toEqual(Array(6).fill(undefined));
  });

  it('transport failures: a chunk that does not parse is the provider’s, a refused or reset connection the network’s', () => {
    expect(transportError(new SyntaxError('Unexpected end of JSON input'), undefined)).toMatchObject({
      type: 'unavailable',
      retryable: true,
    });
    const refused = new Error('Connection error.', {
      cause: new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
    });
    expect(transportError(refused, undefined)).toEqual({
      type: 'network',
      message: 'Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:9',
      retryable: true,
    });
    expect(transportError(new Error('reset by sk-proj-abcdef123456'), 'sk-proj-abcdef123456').message).not.toContain('abcdef');
  });

  it('keys are masked in provider messages', () => {
    expect(sanitize('Incorrect API key provided: sk-proj-abcdef123456. You can find…', 'sk-proj-abcdef123456')).not.toContain(
      'abcdef123456',
    );
    expect(sanitize('key AIzaSyA1234567890abcdefghijklmn rejected')).toBe('key [redacted] rejected');
  });

  it('prices: cached input at its own rate; local servers cost a known 0', () => {
    const gpt4o = findModel('openai', 'gpt-4o')!;
    expect(estimateCost(gpt4o, { inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 100_000 })).toBe(
      2.5 * 0.5 + 1.25 * 0.5 + 10 * 0.1,
    );
    expect(estimateCost(findModel('ollama', 'llama3.2'), { inputTokens: 10, cachedInputTokens: null, outputTokens: 10 })).toBe(0);
    expect(estimateCost(undefined, { inputTokens: 10, cachedInputTokens: null, outputTokens: 10 })).toBeNull();
  });
});
