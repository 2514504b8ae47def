import { startServe, type ServeHandle } from '../test/support/serve';
import { Shell, expect, test as base } from './support/fixtures';

const test = base.extend<{ vaulted: ServeHandle }>({
  // eslint-disable-next-line no-empty-pattern
  vaulted: async ({}, use) => {
    const serve = await startServe({ env: { PARALLAX_VAULT_PASSPHRASE: 'e2e-passphrase' } });
    await use(serve);
    await serve.stop();
  },
});

test('adds a provider key (masked, last 4, from the vault), replaces and removes it', async ({ page, vaulted }) => {
  const shell = new Shell(page);
  await page.goto(vaulted.loginLink);
  await shell.open('Settings');
  const panel = page.getByRole('region', { name: 'Provider keys' });
  await panel.getByRole('button', { name: 'Add OpenAI key' }).click();
  await panel.getByLabel('OpenAI API key').fill('sk-proj-e2e-secret-ABCD');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByLabel('OpenAI key ending in ABCD')).toHaveText('••••ABCD');
  await expect(page.getByText('sk-proj-e2e-secret-ABCD')).toHaveCount(0);
  await shell.screenshot('settings-provider-keys');
  await panel.getByRole('button', { name: 'Remove OpenAI key' }).click();
  await expect(panel.getByRole('button', { name: 'Add OpenAI key' })).toBeVisible();
});

test('says plainly when keys are kept for this session only', async ({ page, serve }) => {
  await page.goto(serve.loginLink);
  await new Shell(page).open('Settings');
  await expect(page.getByRole('status').filter({ hasText: 'PARALLAX_VAULT_PASSPHRASE' })).toBeVisible();
});
