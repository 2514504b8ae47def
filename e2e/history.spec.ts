import fs from 'node:fs';
import { seedStore } from '../scripts/seed/seedStore';
import { createCore } from '../src/main/core';
import { makeDataDir, startServe, type ServeHandle } from '../test/support/serve';
import { SCREENSHOT_DIR, Shell, expect, test as base } from './support/fixtures';

const SEEDED_RUNS = 3_000;
const NINETY_DAYS_MS = 90 * 24 * 60 * 60_000;

/** A `serve` whose data directory was filled by the seed (3,000 runs over the last 90 days) before it started. */
const test = base.extend<{ seeded: ServeHandle }>({
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const dataDir = makeDataDir();
    const core = createCore({ dataDir });
    seedStore(core.db, { runs: SEEDED_RUNS, seed: 7, spanMs: NINETY_DAYS_MS });
    core.close();
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

test('History at a few thousand runs: scroll to the end, search, detail, delete and undo, export; Prompts diff; Usage charts', async ({
  page,
  seeded,
}) => {
  test.setTimeout(120_000);
  // One run that the seed's vocabulary never writes, to search for.
  const trace = await api(seeded, 'POST', '/v1/traces', {
    trace_ref: 'e2e-1',
    query: 'Which marmalade pairs with quokka toast?',
    response: 'Seville orange marmalade.',
    model: 'gpt-4o-mini',
    sources: [],
  });
  expect(trace.status).toBeLessThan(300);
  const prompt = (await (
    await api(seeded, 'POST', '/v1/prompts', {
      name: 'Release notes tone',
      prompt: 'Summarise the release in one sentence.',
      configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    })
  ).json()) as { id: string };
  await api(seeded, 'PATCH', `/v1/prompts/${prompt.id}`, { prompt: 'Summarise the release in one upbeat sentence for customers.' });

  const shell = new Shell(page);
  await page.goto(seeded.loginLink);
  await shell.open('History');
  const total = SEEDED_RUNS + 1;
  await expect(page.locator('.history-count')).toHaveText(`${total.toLocaleString('en-US')} runs`);

  // Long tasks while scrolling the virtualised list to its very end (recorded and printed, not asserted).
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const scroller = page.getByTestId('history-scroll');
  const lastRow = page.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
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
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  // The Long Tasks API reports only tasks over 50 ms: 0 means there was none.
  console.log(`History: longest task while scrolling ${total} runs to the end: ${Math.round(longest)} ms (0 = none over 50 ms)`);
  test.info().annotations.push({ type: 'longest task (ms)', description: String(Math.round(longest)) });
  await shell.screenshot('history-scrolled');

  // Search narrows the list to the one run that says it.
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('marmalade quokka');
  await expect(page.locator('.history-count')).toHaveText('1 run');
  const rows = page.getByRole('table', { name: 'Runs' }).locator('button[role="row"]');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const detail = page.getByRole('complementary', { name: 'Run detail' });
  await expect(detail).toContainText('Which marmalade pairs with quokka toast?');
  await expect(detail).toContainText('Seville orange marmalade.');
  await shell.screenshot('history-detail');

  // Export JSON downloads what the list shows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^parallax-history-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { data: { runs: { prompt: string }[] } };
  expect(exported.data.runs.map((r) => r.prompt)).toEqual(['Which marmalade pairs with quokka toast?']);

  // Delete, then Undo brings it back.
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.locator('.history-count')).toHaveText('1 run');

  // Prompts: a diff between the two versions.
  await shell.open('Prompts');
  await page.getByRole('button', { name: /Release notes tone/ }).click();
  await page.getByLabel('Diff from v1').check();
  await page.getByLabel('Diff to v2').check();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('upbeat sentence for customers');
  await shell.screenshot('prompts-version-diff');

  // Usage: charts and tables for the period, then a shorter one.
  await shell.open('Usage');
  const charts = page.getByTestId('usage-charts');
  await expect(charts).toBeVisible();
  for (const id of ['chart-requests', 'chart-tokens', 'chart-cost']) {
    await expect(page.getByTestId(id).locator('.recharts-bar-rectangle').first()).toBeVisible();
  }
  await expect(page.getByTestId('usage-by-model').locator('tbody tr')).not.toHaveCount(0);
  const thirty = await page.getByTestId('usage-period-totals').textContent();
  await shell.screenshot('usage-30-days');
  await page.getByText('7 days', { exact: true }).click();
  await expect(page.getByTestId('usage-period-totals')).not.toHaveText(thirty ?? '');
  await page.getByText('90 days', { exact: true }).click();
  await expect(page.getByTestId('usage-by-provider').locator('tbody tr')).not.toHaveCount(0);
  await shell.screenshot('usage-90-days');
  await page.locator('.usage-period-panel').screenshot({ path: `${SCREENSHOT_DIR}/usage-90-days-tables.png` });

  // A range of days typed by hand.
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const label = (iso: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  await page.getByLabel('From', { exact: true }).fill(day(20));
  await page.getByLabel('To', { exact: true }).fill(day(14));
  await page.getByRole('button', { name: 'Show range' }).click();
  await expect(page.getByTestId('usage-period-totals')).toContainText(`from ${label(day(20))} to ${label(day(14))}`);
  await expect(page.getByRole('radio', { name: /days/, checked: true })).toHaveCount(0);
});
