import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * `PRAGMA quick_check` of a large store on a worker thread, with its own read-only connection (WAL
 * lets it read a snapshot while the app writes). At a million runs (8.5 GB) the check takes about 40 s:
 * run at start on the main thread, it kept the app from opening for that long.
 *
 * The worker is code evaluated from a string, not a file, so that it needs nothing from the bundler
 * (electron-vite for the app, tsx/vitest in tests); it loads the same better-sqlite3 the app uses by
 * its resolved path.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check(5)');
  parentPort.postMessage({ messages: rows.map((row) => String(Object.values(row)[0])) });
} catch (error) {
  parentPort.postMessage({ messages: [error && error.message ? error.message : String(error)] });
} finally {
  if (db) db.close();
}
`;

/** Null when the store is sound, else what `quick_check` (or opening the file) reported. */
export function quickCheckInBackground(file: string): Promise<string | null> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, driver } });
    worker.unref(); // never what keeps the app from quitting
    worker.once('message', ({ messages }: { messages: string[] }) => {
      resolve(messages.length === 1 && messages[0] === 'ok' ? null : `quick_check: ${messages.join('; ')}`);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the integrity check stopped with exit code ${code}`));
    });
  });
}
