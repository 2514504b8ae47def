import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { emulatorEnv } from '../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../test/support/providerEmulator/server';
import { startServe, type ServeHandle } from '../../test/support/serve';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

/** Each test gets its own `serve` process with a fresh data directory. */
export const test = base.extend<{ serve: ServeHandle }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  serve: async ({}, use) => {
    const serve = await startServe();
    await use(serve);
    await serve.stop();
  },
});

/** `serve` with every provider pointed at a provider emulator of the test's own. */
export const emulatedTest = base.extend<{ emulated: { serve: ServeHandle; emulator: Emulator } }>({
  // eslint-disable-next-line no-empty-pattern
  emulated: async ({}, use) => {
    const emulator = await startProviderEmulator();
    const serve = await startServe({ env: emulatorEnv(emulator) });
    await use({ serve, emulator });
    await serve.stop();
    await emulator.close();
  },
});

export { expect };

/** Page object for the app shell. */
export class Shell {
  constructor(readonly page: Page) {}

  nav(label: string) {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  async open(label: string) {
    await this.nav(label).click();
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
}
