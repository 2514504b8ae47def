/** What the soak samples from the `serve` process every 10 s, and the verdict drawn from the samples. */
import fs from 'node:fs';

export interface Sample {
  /** Seconds since the soak began. */
  t: number;
  rssMb: number;
  walMb: number;
  fds: number;
  /** GET /health round trip: how responsive the event loop is. */
  healthMs: number;
  /** Client operations completed, and failed, since the start. */
  ops: number;
  errors: number;
  /** Schedule events received (callbacks and subscriptions). */
  scheduleEvents: number;
  deliveriesReceived: number;
  /** Screens the browser showed, and page errors or screens that did not show. */
  uiViews: number;
  uiErrors: number;
}

export function processFigures(pid: number): { rssMb: number; fds: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return { rssMb: rssKb / 1024, fds: fs.readdirSync(`/proc/${pid}/fd`).length };
}

export function fileMb(file: string): number {
  try {
    return fs.statSync(file).size / (1024 * 1024);
  } catch {
    return 0;
  }
}

const COLUMNS: (keyof Sample)[] = ['t', 'rssMb', 'walMb', 'fds', 'healthMs', 'ops', 'errors', 'scheduleEvents', 'deliveriesReceived', 'uiViews', 'uiErrors'];
const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export const tableHeader = (): string => COLUMNS.map((c) => c.padStart(10)).join(' ');
export const tableRow = (s: Sample): string => COLUMNS.map((c) => fixed(s[c]).padStart(10)).join(' ');
export const toCsv = (samples: Sample[]): string => [COLUMNS.join(','), ...samples.map((s) => COLUMNS.map((c) => fixed(s[c])).join(','))].join('\n') + '\n';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
};

export interface Verdict {
  ok: boolean;
  lines: string[];
}

/**
 * Bounded memory: the RSS at the end (median of the last fifth) within `rssGrowth` of the RSS at half
 * time (median of the samples between 40 % and 60 %). Bounded WAL: never above `walCapMb`, and its
 * largest size in the second half at most 4 MB (one automatic checkpoint's 1,000 pages) above the first
 * half's: the file is a high-water mark (largest transaction + 1,000 pages, until the maintenance
 * truncates it), so a step up is not growth, but a log the checkpoint cannot reset climbs past that. Descriptors: no steady climb.
 * And no client call or browser screen failed.
 */
export function verdict(samples: Sample[], limits = { rssGrowth: 0.1, walCapMb: 64, fdGrowth: 20 }): Verdict {
  if (samples.length < 10) return { ok: false, lines: [`only ${samples.length} samples: run at least 2 minutes for a verdict`] };
  const lastSample = samples.at(-1) as Sample;
  const end = samples.at(-1)?.t ?? 0;
  const within = (from: number, to: number) => samples.filter((s) => s.t >= from * end && s.t <= to * end);
  const mid = within(0.4, 0.6);
  const last = within(0.8, 1);
  const rssMid = median(mid.map((s) => s.rssMb));
  const rssEnd = median(last.map((s) => s.rssMb));
  const growth = rssEnd / rssMid - 1;
  const walMax = Math.max(...samples.map((s) => s.walMb));
  const walFirst = Math.max(...within(0, 0.5).map((s) => s.walMb));
  const walSecond = Math.max(...within(0.5, 1).map((s) => s.walMb));
  const fdMid = median(mid.map((s) => s.fds));
  const fdEnd = median(last.map((s) => s.fds));
  const health = samples.map((s) => s.healthMs);
  const checks: [boolean, string][] = [
    [growth < limits.rssGrowth, `RSS ${rssMid.toFixed(1)} MB at half time → ${rssEnd.toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %, limit ${limits.rssGrowth * 100} %)`],
    [walMax <= limits.walCapMb, `WAL at most ${walMax.toFixed(1)} MB (cap ${limits.walCapMb} MB)`],
    [walSecond <= walFirst + 4, `WAL peak ${walFirst.toFixed(1)} MB in the first half, ${walSecond.toFixed(1)} MB in the second (limit +4 MB)`],
    [fdEnd - fdMid < limits.fdGrowth, `open descriptors ${fdMid} at half time → ${fdEnd} at the end`],
    [lastSample.errors === 0, `${lastSample.ops} API calls answered, ${lastSample.errors} failed`],
    [lastSample.uiErrors === 0, `${lastSample.uiViews} screens shown in the browser, ${lastSample.uiErrors} page errors or screens that did not show`],
    [true, `GET /health p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`],
  ];
  return { ok: checks.every(([pass]) => pass), lines: checks.map(([pass, line]) => `${pass ? 'ok  ' : 'FAIL'} ${line}`) };
}
