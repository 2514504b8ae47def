/** The built-in providers (PRODUCT.md "Fixed interfaces"). Pure: the renderer imports this too. */
export const PROVIDER_IDS = [
  'openai',
  'anthropic',
  'google',
  'deepseek',
  'xai',
  'groq',
  'mistral',
  'perplexity',
  'together',
  'cerebras',
  'fireworks',
  'openrouter',
  'ollama',
  'lmstudio',
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

export const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  deepseek: 'DeepSeek',
  xai: 'xAI',
  groq: 'Groq',
  mistral: 'Mistral',
  perplexity: 'Perplexity',
  together: 'Together AI',
  cerebras: 'Cerebras',
  fireworks: 'Fireworks AI',
  openrouter: 'OpenRouter',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
};

export const providerName = (id: string): string => (isProviderId(id) ? PROVIDER_NAMES[id] : id);

/** The request header that carries a provider key: `X-OPENAI-API-KEY`, … */
export const providerKeyHeader = (id: string): string => `X-${id.toUpperCase()}-API-KEY`;
