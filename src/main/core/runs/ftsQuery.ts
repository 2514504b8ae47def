/**
 * Turns what a user typed in the search box into an FTS5 query that can never be a syntax error.
 *
 * Each whitespace-separated word becomes a quoted phrase of its letters and digits (so `gpt-4o`
 * matches the text "gpt-4o", `don't` matches "don't"); the words are ANDed; the last word is a
 * prefix (`"refu"*`) unless the text ends with a space (the user finished that word) or that word
 * ends in a single character: a one-letter prefix matches most of the index, and with no prefix
 * index for it (the table keeps 2- and 3-letter ones) FTS5 would merge every term's list. Only letter,
 * digit and mark characters ever reach the query, inside double quotes, so quotes, `*`, `-`, `^`,
 * `:`, parentheses and the words AND/OR/NOT/NEAR are plain text, never operators.
 *
 * With `expand` (the word list of `searchTerms.ts`), a last-word prefix of four or more letters is
 * asked as an OR of the whole words it expands to, which FTS5 walks lazily instead of merging every
 * matching word's list first; `expand` returning null keeps FTS5's own prefix query. Prefixes of two
 * or three letters have their own prefix index and stay as they are.
 *
 * Returns null when the text has nothing to search for (only punctuation or spaces).
 */
export function toFtsQuery(text: string, expand?: (prefix: string) => string[] | null): string | null {
  const words = text
    .split(/\s+/u)
    .map((word) => word.match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0);
  if (words.length === 0) return null;
  const lastToken = words[words.length - 1]!.at(-1)!;
  const prefixLast = !/\s$/u.test(text) && [...lastToken].length > 1;
  const phrase = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;
  let grouped = false;
  const parts = words.map((tokens, i) => {
    if (!prefixLast || i < words.length - 1) return phrase(tokens);
    const terms = [...lastToken].length > 3 ? expand?.(lastToken) : null;
    if (!terms) return `${phrase(tokens)}*`;
    // No word starts with it: the whole prefix as a word matches nothing, as the prefix would.
    if (terms.length === 0) return phrase(tokens);
    const head = tokens.slice(0, -1);
    grouped = true;
    return `(${terms.map((term) => phrase([...head, term])).join(' OR ')})`;
  });
  // FTS5 reads juxtaposed phrases as AND, but next to a parenthesised group it needs the AND spelt out.
  return parts.join(grouped ? ' AND ' : ' ');
}
