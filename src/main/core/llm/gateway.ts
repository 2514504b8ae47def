import type { Settings } from '../../../shared/settings';
import type { GatewayOutcome, GatewayRequest, GatewayUsage, ProviderGateway } from '../runs/gateway';
import { CallDeadlines } from './deadlines';
import { MAX_RETRY_AFTER_MS, cancelledError, timeoutError } from './errors';
import { estimateCost, findModel, CATALOG } from './prices';
import { ADAPTERS, ERROR_MAPPERS, PROVIDERS, baseUrlEnvName, keyEnvNames, type ProviderSpec } from './providers';
import type { AttemptResult, ProviderError } from './types';

/** Where a provider key comes from when a call sends none: the vault (its own issue) hands it over here. */
export interface KeySource {
  use(provider: string): string | undefined;
}

export interface LlmGatewayOptions {
  settings: () => Settings['providers'];
  vault?: KeySource;
  env?: NodeJS.ProcessEnv;
  /** Waits between retries; tests pass a faster one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const BACKOFF_BASE_MS = 500;

const BUILT_IN = new Map(PROVIDERS.map((spec) => [spec.id, spec]));
const customSpec = (endpoint: Settings['providers']['custom_endpoints'][number]): ProviderSpec => ({
  id: endpoint.id,
  name: endpoint.name,
  protocol: 'openai-compatible',
  defaultBaseUrl: endpoint.base_url,
  requiresKey: false,
  custom: true,
});
const BACKOFF_CAP_MS = 8_000;

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** What one call produced, with its timings: `started` and `firstTokenAt` are `performance.now()` readings. */
function outcome(attempt: AttemptResult, retries: number, started: number, firstTokenAt: number | null): GatewayOutcome {
  const ended = performance.now();
  const generationSeconds = firstTokenAt === null ? 0 : (ended - firstTokenAt) / 1000;
  const output = attempt.usage.outputTokens;
  return {
    text: attempt.text,
    finishReason: attempt.finishReason,
    rawFinishReason: attempt.rawFinishReason,
    usage: attempt.usage,
    ttftMs: firstTokenAt === null ? null : firstTokenAt - started,
    responseTimeMs: ended - started,
    tokensPerSecond: output !== null && generationSeconds > 0 ? output / generationSeconds : null,
    retries,
    warnings: attempt.warnings,
    ...(attempt.error ? { error: attempt.error } : {}),
  };
}

const failure = (error: ProviderError): AttemptResult => ({
  text: '',
  finishReason: 'error',
  rawFinishReason: null,
  usage: { inputTokens: null, cachedInputTokens: null, outputTokens: null, reasoningTokens: null },
  warnings: [],
  error,
});

export interface ConnectionCheck {
  provider: string;
  ok: boolean;
  latency_ms: number;
  model_count: number | null;
  error: { type: string; message: string } | null;
}

export type LlmGateway = ProviderGateway & {
  providers(): (ProviderSpec & { baseUrl: string; baseUrlSource: 'default' | 'env' | 'settings' })[];
  providerOf(model: string): string | undefined;
  /** A built-in provider or one of the user's endpoints. */
  isKnown(id: string): boolean;
  /** One free call (the model list) with the key that would be used; never throws. */
  testConnection(provider: string, headerKeys?: Readonly<Record<string, string>>): Promise<ConnectionCheck>;
  /** The provider's own model list (its models endpoint), with the key that would be used; never throws. */
  fetchModels(provider: string, headerKeys?: Readonly<Record<string, string>>): Promise<RemoteModels>;
};

export type RemoteModels = { ok: true; ids: string[]; latencyMs: number } | { ok: false; error: { type: string; message: string }; latencyMs: number };

/**
 * The provider layer as the run engine sees it: key and base-URL resolution, timeouts (first token,
 * total), retries of retryable failures that happened before any text arrived (honouring
 * `retry-after`), timings and cost.
 */
export function createLlmGateway(options: LlmGatewayOptions): LlmGateway {
  const env = options.env ?? process.env;
  const sleep = options.sleep ?? abortableSleep;
  /** Built-in providers, then the user's OpenAI-compatible endpoints (their key is optional). */
  const allSpecs = (): ProviderSpec[] => [...PROVIDERS, ...options.settings().custom_endpoints.map(customSpec)];
  const specOf = (id: string, settings = options.settings()): ProviderSpec | undefined => {
    const builtIn = BUILT_IN.get(id);
    if (builtIn) return builtIn;
    const endpoint = settings.custom_endpoints.find((e) => e.id === id);
    return endpoint && customSpec(endpoint);
  };

  const baseUrlOf = (spec: ProviderSpec, settings = options.settings()) => {
    const fromSettings = settings.base_urls[spec.id];
    if (fromSettings) return { baseUrl: fromSettings, baseUrlSource: 'settings' as const };
    const fromEnv = env[baseUrlEnvName(spec.id)];
    if (fromEnv) return { baseUrl: fromEnv, baseUrlSource: 'env' as const };
    return { baseUrl: spec.defaultBaseUrl, baseUrlSource: 'default' as const };
  };

  const keyOf = (provider: string, headerKeys?: Readonly<Record<string, string>>): string | undefined => {
    const key = headerKeys?.[provider] ?? options.vault?.use(provider);
    if (key !== undefined) return key;
    for (const name of keyEnvNames(provider)) {
      const value = env[name];
      if (value) return value;
    }
    return undefined;
  };

  const priceOf = (provider: string, model: string) => {
    const override = options.settings().price_overrides[`${provider}/${model}`];
    if (override) return { input: override.input, output: override.output, cachedInput: override.cached_input ?? null };
    return findModel(provider, model);
  };

  return {
    providers: () => allSpecs().map((spec) => ({ ...spec, ...baseUrlOf(spec) })),
    isKnown: (id) => specOf(id) !== undefined,
    providerOf: (model) => CATALOG.find((m) => m.id === model)?.provider,

    async fetchModels(provider, headerKeys) {
      const started = performance.now();
      const spec = specOf(provider);
      const elapsed = () => Math.round(performance.now() - started);
      if (!spec) return { ok: false, latencyMs: 0, error: { type: 'invalid_request', message: `Unknown provider "${provider}"` } };
      const apiKey = keyOf(spec.id, headerKeys);
      if (spec.requiresKey && !apiKey) return { ok: false, latencyMs: 0, error: { type: 'authentication', message: `No API key for ${spec.id}` } };
      try {
        const ids = await ADAPTERS[spec.protocol].listModels(
          baseUrlOf(spec).baseUrl,
          apiKey,
          AbortSignal.timeout(options.settings().first_token_timeout_ms),
        );
        return { ok: true, ids, latencyMs: elapsed() };
      } catch (error) {
        const mapped = ERROR_MAPPERS[spec.protocol](error, apiKey);
        return { ok: false, latencyMs: elapsed(), error: { type: mapped.type, message: mapped.message } };
      }
    },

    async testConnection(provider, headerKeys) {
      const models = await this.fetchModels(provider, headerKeys);
      return models.ok
        ? { provider, ok: true, latency_ms: models.latencyMs, model_count: models.ids.length, error: null }
        : { provider, ok: false, latency_ms: models.latencyMs, model_count: null, error: models.error };
    },

    hasKey(provider, headerKeys) {
      const spec = specOf(provider);
      return spec !== undefined && (!spec.requiresKey || keyOf(provider, headerKeys) !== undefined);
    },

    estimateCost(provider, model, usage: GatewayUsage) {
      const cost = estimateCost(priceOf(provider, model), usage);
      return { estimatedCost: cost, costKnown: cost !== null };
    },

    async stream(request: GatewayRequest, onText): Promise<GatewayOutcome> {
      const started = performance.now();
      let firstTokenAt: number | null = null;
      const settings = options.settings();
      const spec = specOf(request.provider, settings);
      if (!spec)
        return outcome(
          failure({ type: 'invalid_request', message: `Unknown provider "${request.provider}"`, retryable: false }),
          0,
          started,
          null,
        );
      const apiKey = keyOf(spec.id, request.headerKeys);
      if (spec.requiresKey && !apiKey) {
        const names = keyEnvNames(spec.id).join(' or ');
        return outcome(
          failure({
            type: 'authentication',
            message: `No API key for ${spec.id}: send the X-${spec.id.toUpperCase()}-API-KEY header, store one in Settings → Provider keys, or set ${names}`,
            retryable: false,
          }),
          0,
          started,
          null,
        );
      }

      const deadlines = new CallDeadlines(request.signal, settings.total_timeout_ms, settings.first_token_timeout_ms);
      const adapter = ADAPTERS[spec.protocol];
      const baseUrl = baseUrlOf(spec, settings).baseUrl;
      const onDelta = (delta: string) => {
        if (firstTokenAt === null) {
          firstTokenAt = performance.now();
          deadlines.firstToken();
        }
        onText(delta);
      };
      let retries = 0;
      try {
        for (;;) {
          const signal = deadlines.attempt();
          const attempt = await adapter.stream(
            {
              model: request.model,
              prompt: request.prompt,
              system: request.system,
              temperature: request.temperature,
              maxTokens: request.maxTokens,
              signal,
              apiKey,
              baseUrl,
            },
            onDelta,
          );
          deadlines.firstToken();
          // Some SDKs end the iteration quietly on abort instead of throwing.
          if (signal.aborted && !attempt.error) {
            attempt.error = cancelledError();
            attempt.finishReason = 'cancelled';
          }
          // Our own deadlines abort the SDK like a user would; say which one fired.
          if (attempt.error?.type === 'cancelled' && !request.signal.aborted) {
            attempt.error = deadlines.totalExpired
              ? timeoutError(`No complete answer within ${settings.total_timeout_ms / 1000} s`)
              : timeoutError(`No first token within ${settings.first_token_timeout_ms / 1000} s`);
            attempt.finishReason = 'error';
          }
          if (request.signal.aborted && attempt.error) attempt.error = cancelledError();
          // A provider that asks for a longer wait than a run should sit through fails this result now, saying when.
          const askedWait = attempt.error?.retryAfterMs;
          const waitTooLong = askedWait !== undefined && askedWait > MAX_RETRY_AFTER_MS;
          if (waitTooLong && attempt.error)
            attempt.error = { ...attempt.error, message: `${attempt.error.message} (retry after ${Math.ceil(askedWait / 1000)} s)` };
          const retry =
            attempt.error?.retryable &&
            !waitTooLong &&
            attempt.text === '' &&
            retries < settings.max_retries &&
            !request.signal.aborted &&
            !deadlines.totalExpired;
          if (!retry) return outcome(attempt, retries, started, firstTokenAt);
          retries += 1;
          const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retries - 1));
          await sleep(attempt.error?.retryAfterMs ?? backoff, deadlines.wait());
        }
      } finally {
        deadlines.dispose();
      }
    },
  };
}
