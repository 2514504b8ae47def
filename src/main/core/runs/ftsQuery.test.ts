import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toFtsQuery } from './ftsQuery';

const db = new Database(':memory:');
db.exec(
  `CREATE VIRTUAL TABLE t USING fts5 (a, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
);
const insert = db.prepare('INSERT INTO t (rowid, a) VALUES (?, ?)');
[
  'Refund policy for damaged orders',
  'Use gpt-4o for the summary',
  "Don't retry NEAR the limit; OR else",
  'Crème brûlée recipe',
  'a b c',
].forEach((text, i) => insert.run(i + 1, text));
const search = (q: string): number[] => {
  const match = toFtsQuery(q);
  return match === null
    ? []
    : (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => r.rowid);
};
afterAll(() => db.close());

describe('toFtsQuery', () => {
  it('ANDs the words and makes the last one a prefix unless the text ends with a space', () => {
    expect(toFtsQuery('refund pol')).toBe('"refund" "pol"*');
    expect(toFtsQuery('refund pol ')).toBe('"refund" "pol"');
    expect(search('refund pol')).toEqual([1]);
    expect(search('refund pol ')).toEqual([]);
    expect(search('damaged refu')).toEqual([1]);
  });

  it('does not make a one-letter last word a prefix', () => {
    expect(toFtsQuery('refund p')).toBe('"refund" "p"');
    expect(search('a b c')).toEqual([5]);
  });

  it('keeps punctuated words together as phrases, so model names and contractions match', () => {
    expect(toFtsQuery('gpt-4o')).toBe('"gpt 4o"*');
    expect(search('gpt-4o')).toEqual([2]);
    expect(search("don't")).toEqual([3]);
  });

  it('treats operators, quotes, stars and minus signs as plain text', () => {
    expect(search('NEAR')).toEqual([3]);
    expect(search('OR else')).toEqual([3]);
    expect(search('"refund')).toEqual([1]);
    expect(search('-refund')).toEqual([1]);
    expect(search('refund*')).toEqual([1]);
    expect(search('NEAR(refund policy)')).toEqual([]);
    expect(search('a:b ^c')).toEqual([5]);
  });

  it('folds diacritics like the index does', () => {
    expect(search('creme brulee')).toEqual([4]);
    expect(search('CRÈME')).toEqual([4]);
  });

  it('answers null when there is nothing to search for', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('  "" * - ()  ')).toBeNull();
  });

  it('never gives FTS5 a syntax error, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .array(fc.constantFrom('"', '*', '-', '^', ':', '(', ')', ' ', 'NEAR', 'OR', 'AND', 'NOT', 'a', '+', '{', '}', '\u0301'))
            .map((parts) => parts.join('')),
        ),
        (text) => {
          expect(() => search(text)).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
