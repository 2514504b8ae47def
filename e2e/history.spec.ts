import fs from 'node:fs';
import { seedStore } from '../scripts/seed/seedStore';
import { createCore } from '../src/main/core';
import { makeDataDir, startServe, type ServeHandle } from '../test/support/serve';
import { SCREENSHOT_DIR, Shell, expect, test as base } from './support/fixtures';

const SEEDED_RUNS = 3_000;
const NINETY_DAYS_MS = 90 * 24 * 60 * 60_000;

/**
 * An existing store to run the same journey against instead of seeding one, e.g. a copy of a
 * million-run store: `PARALLAX_E2E_HISTORY_DIR=/path npx playwright test e2e/history.spec.ts`. The
 * journey writes to it (a trace, a prompt, a run deleted then restored): point it at a copy.
 */
const STORE_DIR = process.env.PARALLAX_E2E_HISTORY_DIR;
/** Screenshots of a given store are kept apart from those of the seeded one. */
const SHOT = STORE_DIR ? 'store-' : '';

/** A `serve` whose data directory was filled by the seed (3,000 runs over the last 90 days) before it started, or the given store. */
const test = base.extend<{ seeded: ServeHandle }>({
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    let dataDir = STORE_DIR;
    if (!dataDir) {
      dataDir = makeDataDir();
      const core = createCore({ dataDir });
      seedStore(core.db, { runs: SEEDED_RUNS, seed: 7, spanMs: NINETY_DAYS_MS });
      core.close();
    }
    const serve = await startServe({ dataDir });
    await use(serve);
    await serve.stop();
  },
});

const api = (serve: ServeHandle, method: string, path: string, body?: unknown) =>
  fetch(`${serve.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const TRACE_QUERY = 'Which marmalade pairs with quokka toast?';
const PROMPT_NAME = 'Release notes tone';

/** A store the journey ran against before holds its trace and prompt: take them out, or search would find two. */
async function removeEarlierJourney(serve: ServeHandle): Promise<void> {
  const runs = (await (await api(serve, 'GET', '/v1/runs?q=marmalade%20quokka&limit=100')).json()) as { data: { id: string }[] };
  for (const run of runs.data) expect((await api(serve, 'DELETE', `/v1/runs/${run.id}`)).status).toBe(200);
  const prompts = (await (await api(serve, 'GET', `/v1/prompts?q=${encodeURIComponent(PROMPT_NAME)}&limit=100`)).json()) as {
    data: { id: string; name: string }[];
  };
  for (const prompt of prompts.data.filter((p) => p.name === PROMPT_NAME)) await api(serve, 'DELETE', `/v1/prompts/${prompt.id}`);
}

test('History at a few thousand runs: scroll to the end, search, detail, delete and undo, export; Prompts diff; Usage charts', async ({
  page,
  seeded,
}) => {
  test.setTimeout(STORE_DIR ? 600_000 : 120_000);
  if (STORE_DIR) await removeEarlierJourney(seeded);
  // One run that the seed's vocabulary never writes, to search for.
  const trace = await api(seeded, 'POST', '/v1/traces', {
    trace_ref: 'e2e-1',
    query: TRACE_QUERY,
    response: 'Seville orange marmalade.',
    model: 'gpt-4o-mini',
    sources: [],
  });
  expect(trace.status).toBeLessThan(300);
  const prompt = (await (
    await api(seeded, 'POST', '/v1/prompts', {
      name: PROMPT_NAME,
      prompt: 'Summarise the release in one sentence.',
      configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    })
  ).json()) as { id: string };
  await api(seeded, 'PATCH', `/v1/prompts/${prompt.id}`, { prompt: 'Summarise the release in one upbeat sentence for customers.' });

  const shell = new Shell(page);
  await page.goto(seeded.loginLink);
  await shell.open('History');
  // The store's own count: the seeded one's is known, a given one's is asked for.
  const listed = (await (await api(seeded, 'GET', '/v1/runs?limit=1')).json()) as { pagination: { total: number } };
  const total = listed.pagination.total;
  if (!STORE_DIR) expect(total).toBe(SEEDED_RUNS + 1);
  await expect(page.locator('.history-count')).toHaveText(`${total.toLocaleString('en-US')} runs`);
  const scroller = page.getByTestId('history-scroll');
  const placeholders = scroller.locator('[role="row"][aria-busy="true"]');
  await expect(placeholders).toHaveCount(0);
  await shell.screenshot(`${SHOT}history-top`);

  // Long tasks while dragging the scrollbar and scrolling to the very end (recorded and printed, not asserted).
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const takeLongest = () =>
    page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      const longest = w.__longest;
      w.__longest = 0;
      return Math.round(longest);
    });

  // Drag the scrollbar's thumb from the top to the middle of its track, one step a frame as a drag
  // does (headless Chromium draws no scrollbar to grab): the list jumps there (random access), and
  // the rows in view arrive once the thumb rests.
  await scroller.evaluate(async (el) => {
    const middleTop = (el.scrollHeight - el.clientHeight) / 2;
    for (let step = 1; step <= 30; step++) {
      el.scrollTop = (middleTop * step) / 30;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  await expect(placeholders).toHaveCount(0, { timeout: 30_000 });
  const middle = Number(await scroller.locator('button[role="row"]').first().getAttribute('aria-rowindex'));
  expect(middle).toBeGreaterThan(total * 0.3);
  expect(middle).toBeLessThan(total * 0.7);
  const longestDrag = await takeLongest();
  console.log(`History: dragged to row ${middle.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}; longest task ${longestDrag} ms (0 = none over 50 ms)`);
  await shell.screenshot(`${SHOT}history-middle`);
  // A wheel moves the rows by its own distance, whether the scroll range is scaled or not.
  const firstRendered = async () => Number(await scroller.locator('button[role="row"]').first().getAttribute('aria-rowindex'));
  const beforeWheel = await firstRendered();
  await scroller.hover();
  await page.mouse.wheel(0, 10 * 52);
  await expect.poll(firstRendered).toBe(beforeWheel + 10);
  await takeLongest();

  const lastRow = scroller.locator(`button[role="row"][aria-rowindex="${total + 1}"]`);
  await expect
    .poll(
      async () => {
        await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return lastRow.count();
      },
      { timeout: 60_000, intervals: [100, 200, 300] },
    )
    .toBe(1);
  await expect(lastRow).toBeVisible();
  const longest = await takeLongest();
  // The Long Tasks API reports only tasks over 50 ms: 0 means there was none.
  console.log(`History: longest task while scrolling ${total} runs to the end: ${longest} ms (0 = none over 50 ms)`);
  test.info().annotations.push({ type: 'longest task (ms)', description: String(longest) });
  await shell.screenshot(`${SHOT}history-scrolled`);

  // A search most runs match: its total is counted part of the way, and grows as deeper pages answer.
  const search = page.getByRole('searchbox', { name: 'Search runs' });
  await search.fill('the');
  await expect(page.locator('.history-count')).toHaveText('600+ runs');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  // 1,100+ once the page at 500 answers; 1,200+ if the page at 600 (now in view) answered too.
  await expect(page.locator('.history-count')).toHaveText(/^1,[12]00\+ runs$/);
  await expect(scroller.locator('button[role="row"][aria-rowindex="601"]')).toBeVisible();

  // Search narrows the list to the one run that says it.
  await search.fill('marmalade quokka');
  await expect(page.locator('.history-count')).toHaveText('1 run');
  const rows = page.getByRole('table', { name: 'Runs' }).locator('button[role="row"]');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const detail = page.getByRole('complementary', { name: 'Run detail' });
  await expect(detail).toContainText(TRACE_QUERY);
  await expect(detail).toContainText('Seville orange marmalade.');
  await shell.screenshot(`${SHOT}history-detail`);

  // Export JSON downloads what the list shows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^parallax-history-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { data: { runs: { prompt: string }[] } };
  expect(exported.data.runs.map((r) => r.prompt)).toEqual([TRACE_QUERY]);

  // Delete, then Undo brings it back.
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.locator('.history-count')).toHaveText('1 run');

  // Prompts: a diff between the two versions.
  await shell.open('Prompts');
  await page.getByRole('button', { name: new RegExp(PROMPT_NAME) }).click();
  await page.getByLabel('Diff from v1').check();
  await page.getByLabel('Diff to v2').check();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('upbeat sentence for customers');
  await shell.screenshot(`${SHOT}prompts-version-diff`);

  // Usage: charts and tables for the period, then a shorter one.
  await shell.open('Usage');
  const charts = page.getByTestId('usage-charts');
  await expect(charts).toBeVisible();
  for (const id of ['chart-requests', 'chart-tokens', 'chart-cost']) {
    await expect(page.getByTestId(id).locator('.recharts-bar-rectangle').first()).toBeVisible();
  }
  await expect(page.getByTestId('usage-by-model').locator('tbody tr')).not.toHaveCount(0);
  const thirty = await page.getByTestId('usage-period-totals').textContent();
  await shell.screenshot(`${SHOT}usage-30-days`);
  await page.getByText('7 days', { exact: true }).click();
  await expect(page.getByTestId('usage-period-totals')).not.toHaveText(thirty ?? '');
  await page.getByText('90 days', { exact: true }).click();
  await expect(page.getByTestId('usage-by-provider').locator('tbody tr')).not.toHaveCount(0);
  await shell.screenshot(`${SHOT}usage-90-days`);
  await page.locator('.usage-period-panel').screenshot({ path: `${SCREENSHOT_DIR}/${SHOT}usage-90-days-tables.png` });

  // A range of days typed by hand.
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const label = (iso: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  await page.getByLabel('From', { exact: true }).fill(day(20));
  await page.getByLabel('To', { exact: true }).fill(day(14));
  await page.getByRole('button', { name: 'Show range' }).click();
  await expect(page.getByTestId('usage-period-totals')).toContainText(`from ${label(day(20))} to ${label(day(14))}`);
  await expect(page.getByRole('radio', { name: /days/, checked: true })).toHaveCount(0);
});
