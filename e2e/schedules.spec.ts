import { Shell, emulatedTest, expect } from './support/fixtures';

const test = emulatedTest;

test('creates a cron schedule in a time zone with five previews, runs it now, and sees the run and its charts', async ({ page, emulated }) => {
  const { serve } = emulated;
  const created = await fetch(`${serve.url}/v1/prompts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Release notes tone',
      prompt: 'Summarise the release in one upbeat sentence.',
      configurations: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'anthropic', model: 'claude-haiku-4-5' },
      ],
    }),
  });
  expect(created.status).toBe(201);

  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await shell.open('Prompts');
  await page.getByRole('button', { name: /Release notes tone/ }).click();
  await page.getByRole('button', { name: 'Schedule this' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible();
  const editor = page.getByRole('form', { name: 'New schedule' });
  await expect(editor.getByLabel('Name')).toHaveValue('Release notes tone check');
  await editor.getByText('Cron', { exact: true }).click();
  await editor.getByLabel('Cron expression').fill('30 2 * * *');
  await editor.getByLabel('Time zone').fill('America/New_York');
  await expect(page.getByTestId('timing-description')).toHaveText('At 02:30 (America/New_York)');
  const previews = editor.getByRole('list', { name: 'Next runs' }).getByRole('listitem');
  await expect(previews).toHaveCount(5);
  await expect(previews.first()).toContainText(/2:30|02:30/);
  await expect(previews.first()).toContainText(/EST|EDT|GMT-5|GMT-4/);

  await editor.getByLabel('Cron expression').fill('99 * * * *');
  await expect(editor.getByText(/cron_expression is invalid/)).toBeVisible();
  await editor.getByLabel('Cron expression').fill('30 2 * * *');
  await editor.getByLabel('Max response time (ms)').fill('1');
  await editor.getByLabel('Answer must contain').fill('upbeat');
  await shell.screenshot('schedules-editor');
  await editor.getByRole('button', { name: 'Create schedule' }).click();

  const detail = page.getByRole('region', { name: 'Release notes tone check' });
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');
  await expect(detail).toContainText('SLA: response ≤ 1 ms');

  for (let i = 1; i <= 2; i++) {
    await detail.getByRole('button', { name: 'Run now' }).click();
    await expect(detail.getByRole('table', { name: 'Run history' }).locator('tbody tr')).toHaveCount(i, { timeout: 15_000 });
    await expect(detail.getByRole('button', { name: 'Run now' })).toBeEnabled();
  }
  const firstRow = detail.getByRole('table', { name: 'Run history' }).locator('tbody tr').first();
  await expect(firstRow).toContainText('run now');
  await expect(firstRow).toContainText('completed');
  await expect(firstRow).toContainText(/response time \d+ ms > 1 ms/);
  await expect(firstRow).toContainText('claude-haiku-4-5');

  const charts = page.getByTestId('schedule-charts');
  await expect(charts.getByRole('figure', { name: 'Latency per configuration' })).toBeVisible();
  await expect(charts.locator('.recharts-line')).toHaveCount(4);
  await expect(charts.locator('circle[data-breach="true"]').first()).toBeVisible();

  const list = page.getByRole('list', { name: 'Schedules' });
  await expect(list).toContainText('Release notes tone check');
  await expect(list).toContainText(/Next /);
  await shell.screenshot('schedules-runs');

  await list.getByRole('switch', { name: 'Release notes tone check enabled' }).click();
  await expect(list).toContainText('Disabled');
});
