import type { GatewayUsage } from '../runs/gateway';

/** The normalised shapes every adapter speaks, whatever the provider's wire format. */
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
