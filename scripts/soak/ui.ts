/** The soak's browser: Debian's Chromium on the served UI, going round the screens until stopped. */
import { chromium } from '@playwright/test';

export interface UiWalker {
  /** Screens shown, and page errors or failed waits seen, so far. */
  counts(): { views: number; errors: number };
  stop(): Promise<void>;
}

const SCREENS = ['History', 'Schedules', 'Usage', 'Prompts', 'Compare'];

export async function startUiWalker(loginLink: string): Promise<UiWalker> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  let views = 0;
  let errors = 0;
  let stopping = false;
  page.on('pageerror', () => (errors += 1));
  await page.goto(loginLink);
  const walk = (async () => {
    for (let n = 0; !stopping; n++) {
      const screen = SCREENS[n % SCREENS.length] as string;
      try {
        await page.locator('.nav-item', { hasText: screen }).click({ timeout: 10_000 });
        await page.getByRole('heading', { level: 1, name: screen }).waitFor({ timeout: 10_000 });
        views += 1;
      } catch {
        if (!stopping) errors += 1;
      }
      await page.waitForTimeout(3_000);
    }
  })();
  return {
    counts: () => ({ views, errors }),
    async stop() {
      stopping = true;
      await walk;
      await browser.close();
    },
  };
}
