import { Shell, expect, test } from './support/fixtures';

const SECTIONS = ['Compare', 'History', 'Prompts', 'Schedules', 'Usage', 'Settings'];

test('signs in with the one-time link and visits every section', async ({ page, serve }) => {
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await expect(page).toHaveURL(`${serve.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  for (const section of SECTIONS) {
    await shell.open(section);
    await expect(shell.nav(section)).toHaveAttribute('aria-current', 'page');
    await shell.screenshot(`shell-${section.toLowerCase()}`);
  }
  await expect(page.getByTestId('api-url')).toHaveText(serve.url);
});

test('signs in with an API key through the form, and refuses a wrong one', async ({ page, serve }) => {
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Sign in to this workbench' })).toBeVisible();
  await new Shell(page).screenshot('login');
  await page.getByLabel('API key').fill('pk_live_000000000000000000000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid API key');
  await page.getByLabel('API key').fill(serve.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
});

test('creates an API key once-visible and revokes it from Settings', async ({ page, serve }) => {
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await shell.open('Settings');
  const panel = page.getByRole('region', { name: 'API keys' });
  await panel.getByLabel('Name').fill('CI pipeline');
  await panel.getByLabel('Type').selectOption('test');
  await panel.getByRole('button', { name: 'Create key' }).click();
  const key = page.getByTestId('new-api-key');
  await expect(key).toHaveText(/^pk_test_[a-z0-9]{24}$/);
  const row = page.getByRole('row', { name: /CI pipeline/ });
  await expect(row).toContainText('test');
  await shell.screenshot('settings-new-key');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(key).toHaveCount(0);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
});

test('switches theme and keeps it across reloads; Alt+number navigates', async ({ page, serve }) => {
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await shell.open('Settings');
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await shell.screenshot('shell-history-dark');
  await page.keyboard.press('Alt+6');
  await shell.screenshot('settings-dark');
});

test('offers MCP snippets with a freshly created key filled in', async ({ page, serve }) => {
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await shell.open('Settings');
  const snippet = page.getByTestId('mcp-snippet');
  await expect(snippet).toContainText(`claude mcp add --transport http parallax ${serve.url}/mcp`);
  await page.getByRole('button', { name: 'Create a key and fill it in' }).click();
  await expect(snippet).toContainText(/Bearer pk_live_[a-z0-9]{24}/);
  await page.getByRole('tab', { name: 'Cursor' }).click();
  await expect(snippet).toContainText('"url": "' + serve.url + '/mcp"');
  await shell.screenshot('settings-mcp');
});

test('adds a custom OpenAI-compatible endpoint and a price override in Settings', async ({ page, serve }) => {
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await shell.open('Settings');
  const form = page.getByRole('form', { name: 'Add an endpoint' });
  await form.getByLabel('Id').fill('company_gw');
  await form.getByLabel('Name').fill('Company gateway');
  await form.getByLabel('Base URL').fill('http://127.0.0.1:8000/v1');
  await form.getByLabel('Models (comma-separated)').fill('house-model, house-mini');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('table', { name: 'Custom endpoints' })).toContainText('house-model, house-mini');
  const price = page.getByRole('form', { name: 'Add a price' });
  await price.getByLabel('provider/model').fill('company_gw/house-model');
  await price.getByLabel('Input').fill('0.5');
  await price.getByLabel('Output').fill('1.5');
  await price.getByRole('button', { name: 'Set price' }).click();
  await expect(page.getByRole('table', { name: 'Price overrides' })).toContainText('in $0.5 · out $1.5');
  await expect(page.getByRole('region', { name: 'Provider keys' })).toContainText('Company gateway');
  // An endpoint needs no key: its models can be refreshed from it (nothing listens on that port here).
  await page.getByRole('button', { name: 'Refresh Company gateway models' }).click();
  await expect(page.getByRole('region', { name: 'Provider keys' })).toContainText(/connect|ECONNREFUSED|network|fetch failed/i);
  await shell.screenshot('settings-endpoints');
});
