/** Writes synthetic runs into an open store: the body of `npm run seed`, also used by the History e2e test. */
import type Database from 'better-sqlite3';
import { createCorpus, prng } from './corpus';
import { RESULT_COLUMNS, RUN_COLUMNS, seedRun, type SeedRun } from './runs';

const BATCH = 5_000;
export const TWO_YEARS_MS = 2 * 365 * 24 * 60 * 60_000;

export interface SeedOptions {
  /** How many runs to write. */
  runs: number;
  /** The PRNG seed: the same seed writes the same text, models and statuses. */
  seed?: number;
  /** The newest run's time (ms); the runs spread over `spanMs` before it, denser towards it. */
  end?: number;
  spanMs?: number;
  /** After each batch, with the runs written so far. */
  onBatch?(done: number): void;
}

/**
 * Batches of 5,000 runs per transaction; each batch writes its results before their runs
 * (`defer_foreign_keys`), so the full-text trigger indexes every run once. Returns the results written.
 */
export function seedStore(db: Database.Database, { runs: total, seed = 1, end = Date.now(), spanMs = TWO_YEARS_MS, onBatch }: SeedOptions): number {
  const existing = (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
  const marks = (columns: string) =>
    columns
      .split(',')
      .map(() => '?')
      .join(', ');
  const insertRun = db.prepare(`INSERT INTO runs (${RUN_COLUMNS}) VALUES (${marks(RUN_COLUMNS)})`);
  const insertResult = db.prepare(`INSERT INTO run_results (${RESULT_COLUMNS}) VALUES (${marks(RESULT_COLUMNS)})`);
  const writeBatch = db.transaction((batch: SeedRun[]) => {
    db.pragma('defer_foreign_keys = ON');
    for (const { results } of batch) for (const result of results) insertResult.run(result);
    for (const { run } of batch) insertRun.run(run);
  });

  const random = prng(seed);
  const corpus = createCorpus(random);
  let results = 0;
  let lastMs = 0;
  for (let done = 0; done < total; ) {
    const size = Math.min(BATCH, total - done);
    const batch = Array.from({ length: size }, (_, i) => {
      // Ascending times, denser towards now (usage grows): u^0.7 spends more of the range late.
      const u = (done + i + random()) / total;
      lastMs = Math.max(lastMs + 1, Math.round(end - spanMs + spanMs * u ** 0.7));
      const seeded = seedRun(random, corpus, lastMs);
      // Appending: times may meet existing runs', so the store's trigger numbers them instead.
      if (existing > 0) seeded.run[seeded.run.length - 1] = null;
      return seeded;
    });
    writeBatch(batch);
    results += batch.reduce((sum, run) => sum + run.results.length, 0);
    done += size;
    onBatch?.(done);
  }
  return results;
}
