import { validationError } from '../../../shared/errors';
import { isProviderId } from '../../../shared/providers';

/** Well-known model families, for names the catalog does not list yet. Order matters: first match wins. */
const FAMILIES: readonly [RegExp, string][] = [
  [/^(gpt-|o\d|chatgpt-|text-embedding-|dall-e|whisper)/i, 'openai'],
  [/^claude-/i, 'anthropic'],
  [/^(gemini-|gemma-)/i, 'google'],
  [/^grok-/i, 'xai'],
  [/^deepseek-/i, 'deepseek'],
  [/^(mistral-|mixtral-|codestral|ministral|magistral|pixtral|devstral|open-mistral)/i, 'mistral'],
  [/^sonar/i, 'perplexity'],
];

/**
 * tentackle's `models` are bare names ("gpt-4", "claude-3-sonnet"). `provider/model` is taken as
 * written; otherwise the catalog decides, then the well-known families; else a clear error.
 */
export function inferProvider(
  name: string,
  catalogProviderOf: (model: string) => string | undefined,
  field = 'models',
): { provider: string; model: string } {
  const slash = name.indexOf('/');
  if (slash > 0 && isProviderId(name.slice(0, slash))) return { provider: name.slice(0, slash), model: name.slice(slash + 1) };
  const fromCatalog = catalogProviderOf(name);
  if (fromCatalog) return { provider: fromCatalog, model: name };
  const family = FAMILIES.find(([pattern]) => pattern.test(name));
  if (family) return { provider: family[1], model: name };
  throw validationError(field, `Cannot tell which provider serves model "${name}": write it as provider/model (e.g. "groq/${name}")`);
}
