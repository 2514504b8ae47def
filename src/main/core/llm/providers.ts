import { PROVIDER_IDS, PROVIDER_NAMES, type ProviderId } from '../../../shared/providers';
import type { Adapter, ProviderError } from './types';
import { anthropicAdapter, mapAnthropicError } from './anthropic';
import { googleAdapter, mapGeminiError } from './google';
import { mapOpenAiError, openAiCompatibleAdapter } from './openaiCompatible';

export type Protocol = 'openai-compatible' | 'anthropic' | 'google';

export interface ProviderSpec {
  id: string;
  name: string;
  protocol: Protocol;
  /** What that protocol's SDK expects: the base `/chat/completions` is appended to, the root of `/v1/messages`, or of `/v1beta/models/…`. */
  defaultBaseUrl: string;
  requiresKey: boolean;
  /** A user-defined OpenAI-compatible endpoint from Settings. */
  custom: boolean;
}

const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  google: 'https://generativelanguage.googleapis.com',
  deepseek: 'https://api.deepseek.com/v1',
  xai: 'https://api.x.ai/v1',
  groq: 'https://api.groq.com/openai/v1',
  mistral: 'https://api.mistral.ai/v1',
  perplexity: 'https://api.perplexity.ai',
  together: 'https://api.together.xyz/v1',
  cerebras: 'https://api.cerebras.ai/v1',
  fireworks: 'https://api.fireworks.ai/inference/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  ollama: 'http://127.0.0.1:11434/v1',
  lmstudio: 'http://127.0.0.1:1234/v1',
};

const protocolOf = (id: ProviderId): Protocol => (id === 'anthropic' ? 'anthropic' : id === 'google' ? 'google' : 'openai-compatible');

export const PROVIDERS: readonly ProviderSpec[] = PROVIDER_IDS.map((id) => ({
  id,
  name: PROVIDER_NAMES[id],
  protocol: protocolOf(id),
  defaultBaseUrl: DEFAULT_BASE_URLS[id],
  // Local servers need no key.
  requiresKey: id !== 'ollama' && id !== 'lmstudio',
  custom: false,
}));

export const ERROR_MAPPERS: Record<Protocol, (error: unknown, apiKey: string | undefined) => ProviderError> = {
  'openai-compatible': mapOpenAiError,
  anthropic: mapAnthropicError,
  google: mapGeminiError,
};

export const ADAPTERS: Record<Protocol, Adapter> = {
  'openai-compatible': openAiCompatibleAdapter,
  anthropic: anthropicAdapter,
  google: googleAdapter,
};

/** Names built once per provider id: they are read on every call. */
const memo = <T>(build: (id: string) => T): ((id: string) => T) => {
  const cache = new Map<string, T>();
  return (id) => {
    let value = cache.get(id);
    if (value === undefined) cache.set(id, (value = build(id)));
    return value;
  };
};

/** The environment variables a provider's key may come from, in order. */
export const keyEnvNames = memo((id): readonly string[] =>
  Object.freeze([`${id.toUpperCase()}_API_KEY`, ...(id === 'google' ? ['GEMINI_API_KEY'] : [])]),
);
export const baseUrlEnvName = memo((id) => `${id.toUpperCase()}_BASE_URL`);
