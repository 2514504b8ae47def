import type { GatewayUsage } from '../runs/gateway';

/**
 * The normalised shapes every adapter speaks, whatever the provider's wire format.
 *
 * Error types, the same for every protocol (test/integration/providerFaults.test.ts holds each adapter to them):
 * - network: connection refused or reset, a stream cut short (partial text kept)
 * - timeout: no first token in time, or no complete answer in time (a stall); 408/504
 * - unavailable: 5xx, an error event inside a 200 stream, a stream chunk that does not parse
 * - overloaded: 529 / Anthropic's overloaded_error; rate_limit: 429 (a wait over a minute is not retried)
 * - authentication: 401/403; invalid_model: 404; invalid_request: other 4xx — never retried
 * - cancelled: the user stopped it (partial text kept)
 */
export type ErrorType =
  | 'authentication'
  | 'rate_limit'
  | 'invalid_model'
  | 'invalid_request'
  | 'timeout'
  | 'overloaded'
  | 'unavailable'
  | 'network'
  | 'cancelled';

export interface ProviderError {
  type: ErrorType;
  status?: number;
  /** The provider's own message, with anything key-like removed. */
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'error' | 'cancelled' | 'other';

/** The engine's usage shape: input (cached included), output (reasoning included), and the raw figures. */
export type Usage = GatewayUsage;

export interface AdapterRequest {
  model: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
  apiKey: string | undefined;
  baseUrl: string;
}

/** What one attempt produced; the gateway adds timing, retries and cost. */
export interface AttemptResult {
  text: string;
  finishReason: FinishReason | null;
  rawFinishReason: string | null;
  usage: Usage;
  warnings: string[];
  error?: ProviderError;
}

export interface Adapter {
  /** Streams one attempt. `onText` gets each delta as it arrives. Never throws. */
  stream(request: AdapterRequest, onText: (delta: string) => void): Promise<AttemptResult>;
  /** The provider's model list endpoint: a free call that proves the key and the base URL work. */
  listModels(baseUrl: string, apiKey: string | undefined, signal: AbortSignal): Promise<string[]>;
}

export const emptyUsage = (): Usage => ({ inputTokens: null, cachedInputTokens: null, outputTokens: null, reasoningTokens: null });
