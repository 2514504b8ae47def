/**
 * `npm run seed -- --runs 1000000 [--data-dir DIR] [--seed N] [--append]`
 *
 * Fills a data directory with realistic runs: prompts of 40–2,000 characters, 1–5 results each
 * over a dozen providers and models, mixed statuses and ratings, spread over the last two years
 * (denser towards now). The store is opened through `createCore`, so it has the real schema, its
 * migrations, triggers (seq, full-text index) and a first API key: `npm run serve -- --data-dir DIR`
 * shows it. Rows go in batches of 5,000 runs per transaction; each batch writes its results before
 * their runs (`defer_foreign_keys`), so the full-text trigger indexes every run once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../src/main/core';
import { resolveDataDir } from '../src/main/core/dataDir';
import { seedStore } from './seed/seedStore';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '1' },
    append: { type: 'boolean', default: false },
  },
});
const total = Number(values.runs);
if (!Number.isInteger(total) || total < 1) {
  process.stderr.write('seed: --runs must be a positive integer\n');
  process.exit(64);
}
const dataDir = resolveDataDir(values['data-dir']);
const core = createCore({ dataDir });
const { db } = core;
const existing = (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
if (existing > 0 && !values.append) {
  process.stderr.write(`seed: ${dataDir} already holds ${existing} runs; pass --append to add more\n`);
  core.close();
  process.exit(64);
}
// A bulk load: a big page cache for the random-key indexes, and NORMAL sync (a crash means seeding again).
db.pragma('cache_size = -1048576');
db.pragma('synchronous = NORMAL');

const end = Date.now();
const started = performance.now();

function progress(done: number): void {
  const seconds = (performance.now() - started) / 1000;
  const rate = done / Math.max(seconds, 0.001);
  const width = 30;
  const filled = Math.round((done / total) * width);
  const eta = done < total ? ` ETA ${Math.ceil((total - done) / rate)} s` : '';
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}% ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs, ${Math.round(rate).toLocaleString('en-US')}/s${eta}   `,
  );
}

const results = seedStore(db, { runs: total, seed: Number(values.seed), end, onBatch: progress });
process.stderr.write('\n');
core.searchTerms.fold();
db.pragma('wal_checkpoint(TRUNCATE)');
core.close();
const seconds = (performance.now() - started) / 1000;
const bytes = fs.statSync(path.join(dataDir, 'parallax.db')).size;
process.stdout.write(
  `seeded ${total.toLocaleString('en-US')} runs and ${results.toLocaleString('en-US')} results into ${dataDir} ` +
    `in ${seconds.toFixed(1)} s (${(bytes / 2 ** 30).toFixed(2)} GiB)\n`,
);
