/**
 * What the run engine needs from the provider layer: stream one request, and price its usage.
 * The provider registry implements it; keeping the seam this small lets the engine stay ignorant
 * of SDKs and wire formats.
 */
export interface GatewayRequest {
  provider: string;
  model: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
  /** Keys sent with an API request (`X-<ID>-API-KEY`); the gateway falls back to the vault, then env. */
  headerKeys?: Readonly<Record<string, string>>;
}

export interface GatewayUsage {
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  raw?: unknown;
}

export interface GatewayError {
  type: string;
  message: string;
  status?: number;
  retryable: boolean;
}

export interface GatewayOutcome {
  text: string;
  finishReason: string | null;
  rawFinishReason: string | null;
  usage: GatewayUsage;
  ttftMs: number | null;
  responseTimeMs: number;
  tokensPerSecond: number | null;
  retries: number;
  warnings: string[];
  error?: GatewayError;
}

export interface ProviderGateway {
  /** Whether a key for this provider exists in the headers, the vault or the environment (or none is needed). */
  hasKey(provider: string, headerKeys?: Readonly<Record<string, string>>): boolean;
  /** Never rejects: failures come back as `error` on the outcome, with any partial text kept. */
  stream(request: GatewayRequest, onText: (delta: string) => void): Promise<GatewayOutcome>;
  estimateCost(provider: string, model: string, usage: GatewayUsage): { estimatedCost: number | null; costKnown: boolean };
}
