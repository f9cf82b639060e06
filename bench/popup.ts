/**
 * Popup time to interactive: popup.html opened in a tab of the extension, from navigation start to
 * the first frame after its root shows a control (or, while the popup has none, any content).
 * Median of several fresh loads after one warm-up, with when the pack (fetched as data) arrived.
 */
import type { BrowserContext } from 'playwright-core';
import { summarize, type Summary } from './stats';

export const POPUP_READY = '#app button, #app input, #app select, #app a[href], #app > *';

export interface PopupTiming {
  interactive: Summary;
  /** when the pack's fetch started and ended (resource timing), medians — where the time goes */
  packFetchStart: number | null;
  packFetchEnd: number | null;
}

export async function benchPopupInteractive(context: BrowserContext, extensionId: string, loads = 12): Promise<PopupTiming> {
  const samples: number[] = [];
  const fetchStart: number[] = [];
  const fetchEnd: number[] = [];
  for (let i = 0; i <= loads; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForFunction(() => window.__bench?.ready !== null, undefined, { timeout: 30000, polling: 20 });
      const t = await page.evaluate(() => window.__bench.ready!);
      const pack = await page.evaluate(() => {
        const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.endsWith('/pack.json'));
        return e ? [e.startTime, e.responseEnd] : null;
      });
      if (i > 0) {
        samples.push(t); // the first load warms the disk and code caches
        if (pack) {
          fetchStart.push(pack[0]);
          fetchEnd.push(pack[1]);
        }
      }
    } finally {
      await page.close();
    }
  }
  return {
    interactive: summarize(samples),
    packFetchStart: fetchStart.length ? summarize(fetchStart).median : null,
    packFetchEnd: fetchEnd.length ? summarize(fetchEnd).median : null,
  };
}
