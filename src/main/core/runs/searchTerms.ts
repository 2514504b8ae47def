import type Database from 'better-sqlite3';
import { withoutFsync } from '../db/durability';

/**
 * Past this many words, a prefix is left to FTS5's own prefix query: an OR of hundreds of words
 * stops being cheaper than the merge it replaces.
 */
export const MAX_EXPANSION = 64;

/** Above U+FFFF, so `term <= prefix + TOP` keeps every word that starts with the prefix. */
const TOP = '\u{10FFFF}';

/**
 * How FTS5's `unicode61 remove_diacritics 2` tokenizer folds a word, for the words where that is
 * certain: case and diacritics removed, and only a–z and 0–9 left (one token). Null for anything
 * else (other scripts, ß, ligatures…): those prefixes go to FTS5's own prefix query, which folds
 * them itself.
 */
export function foldedPrefix(token: string): string | null {
  const folded = token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return /^[a-z0-9]+$/.test(folded) ? folded : null;
}

/** The word list of migration 011: what a prefix expands to, and the fold that keeps it small. */
export function createSearchTerms(db: Database.Database) {
  const expandStatement = db
    .prepare(
      `SELECT term FROM runs_fts_terms WHERE term >= @from AND term <= @to
       UNION
       SELECT term FROM runs_fts_recent_vocab WHERE term >= @from AND term <= @to
       LIMIT @limit`,
    )
    .pluck();
  const foldWords = db.prepare(`INSERT OR IGNORE INTO runs_fts_terms (term) SELECT term FROM runs_fts_recent_vocab`);
  const emptyRecent = db.prepare(`INSERT INTO runs_fts_recent (runs_fts_recent) VALUES ('delete-all')`);
  const fold = db.transaction(() => {
    const added = foldWords.run().changes;
    emptyRecent.run();
    return added;
  });

  return {
    /**
     * Every indexed word that starts with `token` (folded as FTS5 folds it), or null when the prefix
     * should be left to FTS5: it cannot be folded with certainty, or it matches too many words.
     */
    expand(token: string): string[] | null {
      const prefix = foldedPrefix(token);
      if (prefix === null) return null;
      const terms = expandStatement.all({ from: prefix, to: prefix + TOP, limit: MAX_EXPANSION + 1 }) as string[];
      return terms.length > MAX_EXPANSION ? null : terms;
    },
    /** Moves the recent words into the list; returns how many were new. Not an acknowledgement: no fsync. */
    fold(): number {
      return withoutFsync(db, fold);
    },
  };
}

export type SearchTerms = ReturnType<typeof createSearchTerms>;
