import fs from 'node:fs';
import os from 'node:os';
/** Small helpers shared by the benchmark scripts: percentiles and a printed table. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const fmt = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}

export const machine = (): string => {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
};

/** One figure for `npm run bench` (bench/run.ts), with the baseline measured in the same run when there is one. */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number } | null;
  /** Whether a smaller value is better (latency) or a larger one (throughput). */
  better: 'lower' | 'higher';
  goal?: string;
}

/**
 * Appends the figures as JSON lines to the file named by `BENCH_RESULTS` (set by `npm run bench`).
 * Without it nothing is written: what a script prints for people stays as it was.
 */
export function emitFigures(bench: string, figures: Figure[]): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  fs.appendFileSync(file, figures.map((figure) => `${JSON.stringify({ bench, ...figure })}\n`).join(''));
}
