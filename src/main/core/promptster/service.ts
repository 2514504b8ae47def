import { AppError, validationError } from '../../../shared/errors';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import { DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE } from '../../../shared/operations/promptster';
import type { Configuration } from '../../../shared/operations/prompts';
import { providerKeyHeader, providerName } from '../../../shared/providers';
import type { ResultMetadata, Run, RunResult } from '../../../shared/runs';
import type { CallContext } from '../context';
import type { RunEngine } from '../runs/engine';
import type { ProviderGateway } from '../runs/gateway';

type TestInput = OperationParsedInput<'testPrompt'>;
type CompareInput = OperationParsedInput<'comparePrompts'>;

/** Promptster rounds cost to 6 significant decimals in its examples and speed to one decimal. */
const promptsterMetadata = (metadata: ResultMetadata): ResultMetadata => ({
  ...metadata,
  estimated_cost: metadata.estimated_cost === null ? null : Math.round(metadata.estimated_cost * 1e6) / 1e6,
  tokens_per_second: metadata.tokens_per_second === null ? null : Math.round(metadata.tokens_per_second * 10) / 10,
});

/** A failed single test, as Promptster reports it: 400 for a bad model, 503 for the provider's failures. */
function testFailure(result: RunResult): AppError {
  const error = result.error;
  const name = providerName(result.provider);
  if (!error) return new AppError('provider_error', `${name} API returned no answer`, { provider: result.provider });
  if (error.type === 'invalid_model') return validationError('model', `Invalid model name for provider ${result.provider}`);
  const own = error.message ? ` (${error.message})` : '';
  const message =
    error.type === 'authentication'
      ? `${name} API authentication failed. Please check your ${providerKeyHeader(result.provider)}.`
      : error.type === 'rate_limit'
        ? `${name} rate limit exceeded. Please wait and try again.${own}`
        : error.type === 'timeout'
          ? `${name} API did not answer in time.${own}`
          : `${name} API is currently unavailable. Please try again later.${own}`;
  return new AppError('provider_error', message, { provider: result.provider });
}

export type PromptsterService = ReturnType<typeof createPromptsterService>;

/** The Promptster-compatible endpoints, as thin shapes over the run engine. */
export function createPromptsterService(
  engine: RunEngine | null,
  gateway: (ProviderGateway & { isKnown(id: string): boolean; providers(): { id: string }[] }) | null,
) {
  const requireKeys = (configurations: readonly Configuration[], ctx: CallContext) => {
    configurations.forEach(({ provider }, i) => {
      if (gateway && !gateway.isKnown(provider)) {
        const field = configurations.length === 1 ? 'provider' : `configurations.${i}.provider`;
        throw validationError(field, `Invalid provider. Must be one of: ${gateway.providers().map((p) => p.id).join(', ')}`);
      }
    });
    for (const { provider } of configurations) {
      if (gateway && !gateway.hasKey(provider, ctx.providerKeys))
        throw validationError('headers', `Missing required header: ${providerKeyHeader(provider)}`);
    }
  };
  const start = (prompt: string, system: string | undefined, configurations: Configuration[], ctx: CallContext) => {
    if (!engine) throw new AppError('unavailable', 'Runs are not available: no provider layer is configured');
    requireKeys(configurations, ctx);
    return engine.start({
      prompt,
      system: system ?? null,
      configurations,
      source: ctx.source === 'cli' ? 'cli' : ctx.source,
      apiKeyPrefix: ctx.apiKey?.prefix ?? null,
      ...(ctx.providerKeys ? { headerKeys: ctx.providerKeys } : {}),
      // A Promptster prompt is literal text: `{{…}}` in it is not a variable.
      literal: true,
    });
  };

  return {
    startTest: (input: TestInput, ctx: CallContext) =>
      start(
        input.prompt,
        input.system,
        [
          {
            provider: input.provider,
            model: input.model,
            temperature: input.temperature ?? DEFAULT_TEMPERATURE,
            max_tokens: input.max_tokens ?? DEFAULT_MAX_TOKENS,
          },
        ],
        ctx,
      ),

    startCompare: (input: CompareInput, ctx: CallContext) =>
      start(
        input.prompt,
        input.system,
        input.configurations.map((c) => ({
          provider: c.provider,
          model: c.model,
          temperature: c.temperature ?? DEFAULT_TEMPERATURE,
          max_tokens: c.max_tokens ?? input.max_tokens ?? DEFAULT_MAX_TOKENS,
        })),
        ctx,
      ),

    testAnswer(run: Run): OperationOutput<'testPrompt'> {
      const result = run.results[0]!;
      if (result.status !== 'completed') throw testFailure(result);
      return {
        id: run.id,
        provider: result.provider,
        model: result.model,
        prompt: run.prompt,
        response: result.response,
        metadata: promptsterMetadata(result.metadata),
        created_at: run.created_at,
      };
    },

    compareAnswer(run: Run): OperationOutput<'comparePrompts'> {
      return {
        id: run.id,
        prompt: run.prompt,
        results: run.results.map((result) => ({
          provider: result.provider,
          model: result.model,
          response: result.response,
          metadata: promptsterMetadata(result.metadata),
          ...(result.status === 'completed'
            ? {}
            : {
                error: {
                  type: 'provider_error',
                  message: result.error?.message ?? `Run ${result.status}`,
                  provider: result.provider,
                  status: result.error?.status ?? null,
                },
              }),
        })),
        created_at: run.created_at,
      };
    },
  };
}
