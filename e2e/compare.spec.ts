import type { Page } from '@playwright/test';
import { Shell, emulatedTest, expect } from './support/fixtures';

/** Types into the Monaco prompt editor once it has loaded. */
async function typeInEditor(page: Page, text: string): Promise<void> {
  const lines = page.getByTestId('editor-prompt').locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible();
  await lines.click();
  await page.keyboard.type(text);
  await expect(lines).toContainText(text.slice(0, 12));
}

const test = emulatedTest;

test('types a prompt with a variable, runs three models side by side, diffs two answers and rates one', async ({ page, emulated }) => {
  const { serve } = emulated;
  const shell = new Shell(page);
  await page.goto(serve.loginLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();

  await typeInEditor(page, 'Explain {{topic}} to a new engineer in three sentences.');
  await page.getByLabel('Value for topic').fill('tail latency');
  // The exact o200k_base count (13) from the tokenizer worker replaces the characters/4 stand-in (14).
  await expect(page.getByTestId('token-estimate')).toContainText(/\b13 input tokens/);

  const picker = page.getByRole('combobox');
  for (const model of ['gpt-4o-mini', 'claude-haiku-4-5', 'gemini-2.5-flash']) {
    await picker.fill(model);
    await page
      .getByRole('option', { name: new RegExp(model) })
      .first()
      .click();
  }
  await expect(page.getByTestId('result-column')).toHaveCount(3);
  await shell.screenshot('compare-ready');

  await page.keyboard.press('Control+Enter');
  const columns = page.getByTestId('result-column');
  for (let i = 0; i < 3; i++) {
    await expect(columns.nth(i).locator('.status-pill')).toHaveText('Done', { timeout: 15_000 });
    await expect(columns.nth(i).locator('[data-metric="ttft"]')).not.toHaveText('—');
    await expect(columns.nth(i).locator('[data-metric="cost"]')).toContainText('$');
  }
  await shell.screenshot('compare-settled');
  await expect(page.locator('.badge-cheapest')).toHaveCount(1);
  await shell.screenshot('compare-settled');

  await page.getByRole('button', { name: 'Diff answers' }).click();
  await expect(page.getByTestId('diff-editor').locator('.monaco-diff-editor')).toBeVisible();
  await shell.screenshot('compare-diff');

  await columns.first().getByRole('button', { name: 'Good answer' }).click();
  await expect(columns.first().getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true');
  await columns
    .first()
    .getByRole('button', { name: /^Note on/ })
    .click();
  await columns
    .first()
    .getByRole('textbox', { name: /^Note on/ })
    .fill('Clearest of the three');
  await page.getByRole('heading', { level: 1, name: 'Compare' }).click();
  await expect(columns.first().locator('.column-note-text')).toHaveText('Clearest of the three');
  const runs = await (await fetch(`${serve.url}/v1/runs?limit=1`, { headers: { authorization: `Bearer ${serve.token}` } })).json();
  expect(runs.data[0].source).toBe('ui');
  expect(runs.data[0].results.some((r: { rating: number | null }) => r.rating === 1)).toBe(true);
  expect(runs.data[0].results.some((r: { note: string | null }) => r.note === 'Clearest of the three')).toBe(true);
});

test('a failing provider shows its own error card while the others finish', async ({ page, emulated }) => {
  const { serve } = emulated;
  await page.goto(serve.loginLink);
  await typeInEditor(page, 'Say hello');
  const picker = page.getByRole('combobox');
  for (const model of ['openai/gpt-4o-mini', 'anthropic/claude-haiku-4-5~error=529']) {
    await picker.fill(model);
    await page.getByRole('option').first().click();
  }
  await page.getByRole('button', { name: /^Run/ }).click();
  const columns = page.getByTestId('result-column');
  await expect(columns.nth(0).locator('.status-pill')).toHaveText('Done', { timeout: 15_000 });
  await expect(columns.nth(1).getByRole('alert')).toContainText('Overloaded', { timeout: 15_000 });
  await expect(columns.nth(1).getByRole('button', { name: 'Retry' })).toBeVisible();
  await new Shell(page).screenshot('compare-error');
});

test('refreshes a provider model list in Settings and offers the new model in the picker', async ({ page, emulated }) => {
  const shell = new Shell(page);
  await page.goto(emulated.serve.loginLink);
  await shell.open('Settings');
  await page.getByRole('button', { name: 'Refresh OpenAI models' }).click();
  await expect(page.getByText('1 models listed · 1 new in the picker')).toBeVisible();
  await shell.open('Compare');
  await page.getByRole('combobox').fill('emu-model');
  await expect(page.getByRole('option', { name: /emu-model/ }).first()).toBeVisible();
});
