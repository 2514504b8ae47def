/**
 * Input-token estimate for the prompt editor. The exact count comes from `gpt-tokenizer` (pure JS, no
 * WASM, no download) with OpenAI's o200k_base encoding, run in a worker by the renderer
 * (`features/compare/tokenCount.worker.ts`): exact for current OpenAI models and within a few percent for
 * other providers' tokenizers, which is what an estimate needs. Until it answers, characters/4 stands in.
 */
export type TokenCounter = (text: string) => number;

export const roughTokenCount: TokenCounter = (text) => (text ? Math.ceil(text.length / 4) : 0);
