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
