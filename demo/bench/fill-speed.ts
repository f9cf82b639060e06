/**
 * Speed targets of autofill, measured in real Chromium with the built extension, reusable
 * by the bench (scripts/bench.mjs) and asserted loosely by the e2e test:
 *   - 100 native fields filled in ≤ 100 ms (time inside the page, from the fill report);
 *   - an Element Plus page with 10 selects and 5 date pickers in ≤ 2 s end to end (injection,
 *     message, fill, read-back, report back in the extension).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { normalizeLabel } from '../../forms/core/fill/normalize-label';
import type { FillReport, PlanItem } from '../../forms/core/fill/types';

export interface FillSpeed {
  nativeFields: number;
  nativeInPageMs: number;
  elementControls: number;
  elementEndToEndMs: number;
  elementFilled: number;
}

const item = (i: number, label: string, value: string, kind: PlanItem['kind']): PlanItem => ({
  id: `/bench/${i}`,
  path: `/bench/${i}`,
  title: label,
  match: { labels: [normalizeLabel(label)] },
  value,
  kind,
});

/** Sends a plan straight to the content script from an extension page, as the background does. */
async function fillFromExtension(ext: Page, url: string, items: PlanItem[]): Promise<{ report: FillReport; ms: number }> {
  return ext.evaluate(
    async ({ url, items }) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ url });
      const t0 = performance.now();
      await c.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/content-scripts/autofill.js'] });
      const report = await c.tabs.sendMessage(tab.id, { type: 'cs:fill', fillId: 'bench', items, lang: 'zh', origins: [new URL(url).origin] }, { frameId: 0 });
      return { report, ms: performance.now() - t0 };
    },
    { url, items },
  );
}

export async function measureFillSpeed(context: BrowserContext, extensionId: string, demoOrigin: string): Promise<FillSpeed> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);

  const nativeUrl = `${demoOrigin}/plain/bench.html`;
  const native = await context.newPage();
  await native.goto(nativeUrl);
  const nativeItems = Array.from({ length: 100 }, (_, i) => item(i, `字段${i + 1}`, `值${i + 1}`, 'text'));
  // first run warms the injected script; the second is measured
  await fillFromExtension(ext, nativeUrl, nativeItems);
  await native.reload();
  const n = await fillFromExtension(ext, nativeUrl, nativeItems);

  const elUrl = `${demoOrigin}/element/index.html?bench=1`;
  const el = await context.newPage();
  await el.goto(elUrl);
  await el.waitForSelector('.el-select');
  const elItems = [
    ...Array.from({ length: 10 }, (_, i) => item(i, `选择${i + 1}`, `选项${(i % 20) + 1}`, 'choice')),
    ...Array.from({ length: 5 }, (_, i) => item(10 + i, `日期${i + 1}`, `2025-0${i + 1}-1${i}`, 'date')),
  ];
  const e = await fillFromExtension(ext, elUrl, elItems);
  await Promise.all([ext.close(), native.close(), el.close()]);
  return {
    nativeFields: nativeItems.length,
    nativeInPageMs: n.report.elapsedMs,
    elementControls: elItems.length,
    elementEndToEndMs: Math.round(e.ms),
    elementFilled: e.report.outcomes.filter((o) => o.status === 'filled').length,
  };
}
