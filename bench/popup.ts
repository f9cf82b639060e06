/**
 * Popup time to interactive: popup.html opened in a tab of the extension, from navigation start to
 * the first frame after its root shows a control (or, while the popup has none, any content).
 * Median of several fresh loads after one warm-up.
 */
import type { BrowserContext } from 'playwright-core';
import { summarize, type Summary } from './stats';

export const POPUP_READY = '#app button, #app input, #app select, #app a[href], #app > *';

export async function benchPopupInteractive(context: BrowserContext, extensionId: string, loads = 12): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i <= loads; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForFunction(() => window.__bench?.ready !== null, undefined, { timeout: 30000, polling: 20 });
      const t = await page.evaluate(() => window.__bench.ready!);
      if (i > 0) samples.push(t); // the first load warms the disk and code caches
    } finally {
      await page.close();
    }
  }
  return summarize(samples);
}
