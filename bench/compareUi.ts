/**
 * `npm run bench:compare-ui`: the Compare screen in Chromium (Playwright, Debian's /usr/bin/chromium)
 * rendering 10 columns × 2,000 tokens at 2,000 tokens/s from the emulator. Reports long tasks (goal:
 * none over 50 ms) and display lag: from a text delta reaching the page to the DOM showing it (goal:
 * p95 ≤ 100 ms).
 */
import { chromium } from '@playwright/test';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { startServe } from '../test/support/serve';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 2000);
const emulator = await startProviderEmulator();
const serve = await startServe({ env: emulatorEnv(emulator) });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
// tsx keeps function names with a `__name` helper that the page does not have.
await page.addInitScript('window.__name = (fn) => fn;');
// The setup the screen restores (its "last setup is kept"): a prompt and ten columns.
await page.addInitScript((tokens: number) => {
  const columns = Array.from({ length: 10 }, (_, i) => ({
    key: `c${i}`,
    provider: i % 2 ? 'openai' : 'groq',
    model: `bench-${i}~ttft=50~tps=2000~len=${tokens}`,
  }));
  localStorage.setItem(
    'parallax.compare.setup',
    JSON.stringify({
      state: { promptRef: null, prompt: 'Stream a long answer', system: '', showSystem: false, variables: {}, columns },
      version: 0,
    }),
  );
}, TOKENS);
await page.goto(serve.loginLink);
await page.getByTestId('result-column').first().waitFor();

// BENCH_TRACE=file.json records a Chromium timeline of the run, to see what a long task was made of.
if (process.env.BENCH_TRACE) await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: ['devtools.timeline', 'v8.execute'] });
const result = await page.evaluate(async (expected: number) => {
  const longTasks: number[] = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({
    type: 'longtask',
    buffered: false,
  });
  // When each delta reached the page (its own EventSource on the same stream), and when the DOM grew.
  const arrivals: { at: number; column: number; total: number }[] = [];
  const shown = new Map<number, { at: number; length: number }[]>();
  const columns = [...document.querySelectorAll('[data-testid="result-column"] .column-body')];
  const observer = new MutationObserver(() => {
    const at = performance.now();
    columns.forEach((column, i) => {
      const length = (column.textContent ?? '').length;
      const list = shown.get(i) ?? [];
      if (list.length === 0 || list[list.length - 1]!.length !== length) list.push({ at, length });
      shown.set(i, list);
    });
  });
  columns.forEach((column) => observer.observe(column, { childList: true, subtree: true, characterData: true }));
  const source = new EventSource('/v1/events?channels=run');
  const totals = new Map<string, number>();
  const ids: string[] = [];
  source.addEventListener('run', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as {
      type: string;
      run?: { results: { id: string }[] };
      deltas?: { result_id: string; text: string }[];
    };
    if (event.type === 'run.started' && event.run) ids.push(...event.run.results.map((r) => r.id));
    for (const delta of event.deltas ?? []) {
      const total = (totals.get(delta.result_id) ?? 0) + delta.text.length;
      totals.set(delta.result_id, total);
      arrivals.push({ at: performance.now(), column: ids.indexOf(delta.result_id), total });
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  (document.querySelector('button.primary-button') as HTMLButtonElement | null)?.click();
  await new Promise<void>((resolve) => {
    const check = () => (document.querySelectorAll('.status-pill.status-completed').length >= 10 ? resolve() : setTimeout(check, 50));
    check();
  });
  const wall = performance.now() - started;
  source.close();
  observer.disconnect();
  const lags = arrivals
    .filter((a) => a.column >= 0)
    .map((a) => {
      const list = shown.get(a.column) ?? [];
      // The first DOM change after arrival that shows at least this much text (rendered text may be shorter than raw Markdown).
      const seen = list.find((s) => s.at >= a.at && s.length >= a.total * 0.9);
      return seen ? seen.at - a.at : Number.NaN;
    })
    .filter((lag) => !Number.isNaN(lag));
  return { longTasks, lags, wall, arrivals: arrivals.length, expected };
}, TOKENS);

if (process.env.BENCH_TRACE) await browser.stopTracing();
await browser.close();
await serve.stop();
await emulator.close();

printTable(`Compare screen, 10 columns × ${TOKENS} tokens at 2,000 tokens/s, headless Chromium — ${machine()}`, [
  { measure: 'run wall time in the page', value: `${fmt(result.wall, 0)} ms` },
  { measure: 'long tasks (count)', value: String(result.longTasks.length) },
  { measure: 'longest task (goal: none over 50 ms)', value: `${fmt(Math.max(0, ...result.longTasks), 0)} ms` },
  { measure: 'display lag p50', value: `${fmt(percentile(result.lags, 50), 1)} ms` },
  { measure: 'display lag p95 (goal ≤ 100 ms)', value: `${fmt(percentile(result.lags, 95), 1)} ms` },
  { measure: 'delta batches observed', value: String(result.arrivals) },
]);
emitFigures('compare-ui', [
  {
    name: 'Compare screen: longest task',
    unit: 'ms',
    value: Math.max(0, ...result.longTasks),
    baseline: null,
    better: 'lower',
    goal: 'none over 50 ms',
  },
  {
    name: 'Compare screen: display lag p95',
    unit: 'ms',
    value: percentile(result.lags, 95),
    baseline: null,
    better: 'lower',
    goal: '≤ 100 ms',
  },
]);
