import type { Migration } from '../migrate';

/**
 * A list of every word in the search index, so that a prefix search (`refu` → refund, refunds,
 * refunded) can be asked as an OR of those whole words.
 *
 * Why: FTS5 answers a prefix query that has no prefix index (the table keeps 2- and 3-letter ones)
 * by merging the whole lists of every matching word into one, in memory, before it yields a single
 * row — at a million runs about 30 ms for a common word, whatever the LIMIT or date range. An OR of
 * whole words is walked lazily, newest first, and stops at the page: well under a millisecond.
 *
 * The list must hold every indexed word, or a search would miss runs. SQL cannot split text into
 * words, so FTS5 does it twice:
 * - `runs_fts_terms` holds the words of everything indexed up to the last fold;
 * - `runs_fts_recent` (contentless, no positions) receives the same text as `runs_fts`, from
 *   triggers of its own beside those of migration 008 (which stay as they are); its words are read
 *   through `runs_fts_recent_vocab`;
 * - a fold (`searchTerms.ts`, at start, hourly, and after bulk writes) moves the recent words into
 *   `runs_fts_terms` and empties `runs_fts_recent` in one transaction.
 * A search reads both, so a word is findable the moment its run is indexed. Words of deleted runs stay
 * in the list: an OR with a word that matches nothing costs next to nothing.
 */
export const m011SearchTerms: Migration = {
  name: 'search_terms',
  sql: `
    CREATE TABLE runs_fts_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE VIRTUAL TABLE runs_fts_recent USING fts5 (
      text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE runs_fts_recent_vocab USING fts5vocab (runs_fts_recent, row);

    CREATE VIRTUAL TABLE temp.runs_fts_all_vocab USING fts5vocab (main, runs_fts, row);
    INSERT INTO runs_fts_terms (term) SELECT term FROM temp.runs_fts_all_vocab;
    DROP TABLE temp.runs_fts_all_vocab;

    CREATE TRIGGER runs_terms_insert AFTER INSERT ON runs BEGIN
      INSERT INTO runs_fts_recent (text) SELECT prompt || char(10) || answers FROM runs_fts_source WHERE run_id = new.id;
    END;

    CREATE TRIGGER run_results_terms_settle AFTER UPDATE OF status ON run_results
    WHEN new.status NOT IN ('pending', 'streaming') AND old.status IN ('pending', 'streaming') BEGIN
      INSERT INTO runs_fts_recent (text) VALUES (new.text);
    END;

    CREATE TRIGGER run_results_terms_insert AFTER INSERT ON run_results
    WHEN new.status NOT IN ('pending', 'streaming') AND EXISTS (SELECT 1 FROM runs WHERE id = new.run_id) BEGIN
      INSERT INTO runs_fts_recent (text) VALUES (new.text);
    END;
  `,
};
