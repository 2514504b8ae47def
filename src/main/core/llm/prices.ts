/**
 * The curated model catalog: list prices in USD per million tokens, each with the day it was checked
 * and where. Prices change; users can override any of them in Settings. A model missing here is still
 * usable: its cost is reported as unknown (null), never as 0.
 */
export interface CatalogModel {
  provider: string;
  id: string;
  name: string;
  contextWindow: number | null;
  input: number;
  output: number;
  cachedInput: number | null;
  asOf: string;
  source: string;
}

const OPENAI = 'https://openai.com/api/pricing/';
const ANTHROPIC = 'https://www.anthropic.com/pricing#api';
const GOOGLE = 'https://ai.google.dev/gemini-api/docs/pricing';
const DEEPSEEK = 'https://api-docs.deepseek.com/quick_start/pricing';
const XAI = 'https://docs.x.ai/docs/models';
const GROQ = 'https://groq.com/pricing';
const MISTRAL = 'https://mistral.ai/pricing#api-pricing';
const PERPLEXITY = 'https://docs.perplexity.ai/getting-started/pricing';
const TOGETHER = 'https://www.together.ai/pricing';
const CEREBRAS = 'https://www.cerebras.ai/pricing';
const FIREWORKS = 'https://fireworks.ai/pricing';
const OPENROUTER = 'https://openrouter.ai/models';
const LOCAL = 'local server: no per-token charge';

type Row = [
  provider: string,
  id: string,
  name: string,
  context: number | null,
  input: number,
  output: number,
  cached: number | null,
  source: string,
];

const AS_OF = '2026-11-01';

const ROWS: readonly Row[] = [
  ['openai', 'gpt-5', 'GPT-5', 400_000, 1.25, 10, 0.125, OPENAI],
  ['openai', 'gpt-5-mini', 'GPT-5 mini', 400_000, 0.25, 2, 0.025, OPENAI],
  ['openai', 'gpt-5-nano', 'GPT-5 nano', 400_000, 0.05, 0.4, 0.005, OPENAI],
  ['openai', 'gpt-4.1', 'GPT-4.1', 1_047_576, 2, 8, 0.5, OPENAI],
  ['openai', 'gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 0.4, 1.6, 0.1, OPENAI],
  ['openai', 'gpt-4o', 'GPT-4o', 128_000, 2.5, 10, 1.25, OPENAI],
  ['openai', 'gpt-4o-mini', 'GPT-4o mini', 128_000, 0.15, 0.6, 0.075, OPENAI],
  ['openai', 'o3', 'o3', 200_000, 2, 8, 0.5, OPENAI],
  ['openai', 'o4-mini', 'o4-mini', 200_000, 1.1, 4.4, 0.275, OPENAI],
  ['openai', 'gpt-4', 'GPT-4', 8_192, 30, 60, null, OPENAI],
  ['openai', 'gpt-3.5-turbo', 'GPT-3.5 Turbo', 16_385, 0.5, 1.5, null, OPENAI],
  ['anthropic', 'claude-opus-4-1-20250805', 'Claude Opus 4.1', 200_000, 15, 75, 1.5, ANTHROPIC],
  ['anthropic', 'claude-opus-4-20250514', 'Claude Opus 4', 200_000, 15, 75, 1.5, ANTHROPIC],
  ['anthropic', 'claude-sonnet-4-5', 'Claude Sonnet 4.5', 200_000, 3, 15, 0.3, ANTHROPIC],
  ['anthropic', 'claude-sonnet-4-20250514', 'Claude Sonnet 4', 200_000, 3, 15, 0.3, ANTHROPIC],
  ['anthropic', 'claude-haiku-4-5', 'Claude Haiku 4.5', 200_000, 1, 5, 0.1, ANTHROPIC],
  ['anthropic', 'claude-3-5-haiku-20241022', 'Claude Haiku 3.5', 200_000, 0.8, 4, 0.08, ANTHROPIC],
  ['google', 'gemini-2.5-pro', 'Gemini 2.5 Pro', 1_048_576, 1.25, 10, 0.31, GOOGLE],
  ['google', 'gemini-2.5-flash', 'Gemini 2.5 Flash', 1_048_576, 0.3, 2.5, 0.075, GOOGLE],
  ['google', 'gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 1_048_576, 0.1, 0.4, 0.025, GOOGLE],
  ['google', 'gemini-2.0-flash', 'Gemini 2.0 Flash', 1_048_576, 0.1, 0.4, 0.025, GOOGLE],
  ['google', 'gemini-1.5-pro', 'Gemini 1.5 Pro', 2_097_152, 1.25, 5, 0.3125, GOOGLE],
  ['google', 'gemini-1.5-flash', 'Gemini 1.5 Flash', 1_048_576, 0.075, 0.3, 0.01875, GOOGLE],
  ['deepseek', 'deepseek-chat', 'DeepSeek V3 (chat)', 128_000, 0.27, 1.1, 0.07, DEEPSEEK],
  ['deepseek', 'deepseek-reasoner', 'DeepSeek R1 (reasoner)', 128_000, 0.55, 2.19, 0.14, DEEPSEEK],
  ['xai', 'grok-4', 'Grok 4', 256_000, 3, 15, 0.75, XAI],
  ['xai', 'grok-3', 'Grok 3', 131_072, 3, 15, 0.75, XAI],
  ['xai', 'grok-3-mini', 'Grok 3 mini', 131_072, 0.3, 0.5, 0.075, XAI],
  ['groq', 'llama-3.3-70b-versatile', 'Llama 3.3 70B (Groq)', 131_072, 0.59, 0.79, null, GROQ],
  ['groq', 'llama-3.1-8b-instant', 'Llama 3.1 8B (Groq)', 131_072, 0.05, 0.08, null, GROQ],
  ['mistral', 'mistral-large-latest', 'Mistral Large', 131_072, 2, 6, null, MISTRAL],
  ['mistral', 'mistral-small-latest', 'Mistral Small', 131_072, 0.1, 0.3, null, MISTRAL],
  ['mistral', 'open-mistral-nemo', 'Mistral NeMo', 131_072, 0.15, 0.15, null, MISTRAL],
  ['perplexity', 'sonar', 'Sonar', 127_072, 1, 1, null, PERPLEXITY],
  ['perplexity', 'sonar-pro', 'Sonar Pro', 200_000, 3, 15, null, PERPLEXITY],
  ['together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Llama 3.3 70B Turbo (Together)', 131_072, 0.88, 0.88, null, TOGETHER],
  ['cerebras', 'llama-3.3-70b', 'Llama 3.3 70B (Cerebras)', 65_536, 0.85, 1.2, null, CEREBRAS],
  ['cerebras', 'llama3.1-8b', 'Llama 3.1 8B (Cerebras)', 32_768, 0.1, 0.1, null, CEREBRAS],
  ['fireworks', 'accounts/fireworks/models/llama-v3p3-70b-instruct', 'Llama 3.3 70B (Fireworks)', 131_072, 0.9, 0.9, null, FIREWORKS],
  ['fireworks', 'accounts/fireworks/models/deepseek-v3', 'DeepSeek V3 (Fireworks)', 131_072, 0.9, 0.9, null, FIREWORKS],
  ['openrouter', 'openai/gpt-4o-mini', 'GPT-4o mini (OpenRouter)', 128_000, 0.15, 0.6, null, OPENROUTER],
  ['openrouter', 'anthropic/claude-sonnet-4.5', 'Claude Sonnet 4.5 (OpenRouter)', 200_000, 3, 15, null, OPENROUTER],
  ['openrouter', 'meta-llama/llama-3.3-70b-instruct', 'Llama 3.3 70B (OpenRouter)', 131_072, 0.13, 0.4, null, OPENROUTER],
  // Local servers cost nothing per token: a known price of 0, not an unknown one.
  ['ollama', 'llama3.2', 'Llama 3.2 (Ollama)', 131_072, 0, 0, null, LOCAL],
  ['ollama', 'qwen2.5', 'Qwen 2.5 (Ollama)', 32_768, 0, 0, null, LOCAL],
  ['lmstudio', 'local-model', 'The model loaded in LM Studio', null, 0, 0, null, LOCAL],
];

export const CATALOG: readonly CatalogModel[] = ROWS.map(([provider, id, name, contextWindow, input, output, cachedInput, source]) => ({
  provider,
  id,
  name,
  contextWindow,
  input,
  output,
  cachedInput,
  asOf: AS_OF,
  source,
}));

export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number | null;
}

export function findModel(provider: string, model: string): CatalogModel | undefined {
  return CATALOG.find((m) => m.provider === provider && m.id === model);
}

/** Cost of one result, or null when its price or token counts are unknown. Cached input is billed at its own rate. */
export function estimateCost(
  price: { input: number; output: number; cachedInput: number | null } | undefined,
  usage: { inputTokens: number | null; cachedInputTokens: number | null; outputTokens: number | null },
): number | null {
  if (!price || usage.inputTokens === null || usage.outputTokens === null) return null;
  const cached = usage.cachedInputTokens ?? 0;
  const cachedRate = price.cachedInput ?? price.input;
  const cost = ((usage.inputTokens - cached) * price.input + cached * cachedRate + usage.outputTokens * price.output) / 1_000_000;
  return Math.round(cost * 1e8) / 1e8;
}
