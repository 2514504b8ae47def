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
 * Returns null when the text has nothing to search for (only punctuation or spaces).
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/u)
    .map((word) => word.match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0);
  if (words.length === 0) return null;
  const lastToken = words[words.length - 1]!.at(-1)!;
  const prefixLast = !/\s$/u.test(text) && [...lastToken].length > 1;
  return words
    .map((tokens, i) => {
      const phrase = `"${tokens.join(' ').replace(/"/g, '""')}"`;
      return prefixLast && i === words.length - 1 ? `${phrase}*` : phrase;
    })
    .join(' ');
}
