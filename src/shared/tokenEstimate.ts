/**
 * Input-token estimate for the prompt editor. The real count comes from `gpt-tokenizer` (pure JS, no
 * WASM, no download) with OpenAI's o200k_base encoding: exact for current OpenAI models and within a
 * few percent for other providers' tokenizers, which is what an estimate needs. Its tables are large,
 * so they load on demand; until then a characters/4 rule stands in.
 */
export type TokenCounter = (text: string) => number;

export const roughTokenCount: TokenCounter = (text) => (text ? Math.ceil(text.length / 4) : 0);

export async function loadTokenCounter(): Promise<TokenCounter> {
  const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
  return (text) => (text ? countTokens(text) : 0);
}
