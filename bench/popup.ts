/**
 * Popup time to interactive: popup.html opened in a tab of the extension, from navigation start to
 * the first frame after its root shows a quick check's form control (an input or select the user can
 * type into). Median of several fresh loads after one warm-up, with, in the same run and alternated
 * with them, the floor: a blank page of the same extension whose script adds one button — what any
 * extension page costs on this machine before it does anything (the budget is 100 ms; the
 * ratio says how much of the popup's time is the popup's own).
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { summarize, type Summary } from './stats';

/** a control of the check form (not the shell or the autofill button): the popup is usable for its purpose */
export const POPUP_READY = '#app form.check input, #app form.check select';
/** the blank page: bench-only, added to a copy of the built extension (popupFloorExtension) */
export const BLANK_PAGE = 'bench-blank.html';
export const BLANK_READY = '#app button';

/**
 * Run as an init script with the probe (bench/probe.ts): when the popup's answer area first shows an
 * answer, a "please fill in" hint or a problem — the check engine and the pack have arrived.
 */
export const POPUP_ANSWER_PROBE = `(() => {
  if (!location.href.includes('/popup.html')) return;
  const b = (window.__popupAnswer = { at: null });
  const sel = '#app form.check .answer, #app form.check .hint, #app form.check .problem';
  const mo = new MutationObserver(() => {
    if (!document.querySelector(sel)) return;
    mo.disconnect();
    requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => { b.at = performance.now(); }; ch.port2.postMessage(0); });
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * A copy of the built extension with the blank page added, for the bench to load instead of the build:
 * the blank page then runs in the same extension (same process, same service worker) as the popup,
 * and the shipped build is never touched.
 */
export function popupFloorExtension(extDir: string, into: string): string {
  rmSync(into, { recursive: true, force: true });
  cpSync(extDir, into, { recursive: true });
  writeFileSync(
    join(into, BLANK_PAGE),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title><script type="module" src="/bench-blank.js"></script></head><body><div id="app"></div></body></html>\n',
  );
  writeFileSync(join(into, 'bench-blank.js'), "const b = document.createElement('button');\nb.textContent = 'button';\ndocument.getElementById('app').append(b);\n");
  return into;
}

export interface PopupTiming {
  interactive: Summary;
  /** the blank extension page with one button, same run, loads alternated with the popup's */
  blank: Summary | null;
  /** popup median ÷ blank page median */
  vsBlank: number | null;
  /** when the answer area first showed something (pack and check engine loaded), median */
  answered: Summary | null;
  /** when the app had mounted over the static first frame (its own handlers live), median */
  mounted: Summary | null;
  /** when the pack's fetch started and ended (resource timing), medians — where the time goes */
  packFetchStart: number | null;
  packFetchEnd: number | null;
}

async function readyAt(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__bench?.ready !== null, undefined, { timeout: 30000, polling: 20 });
  return page.evaluate(() => window.__bench.ready!);
}

/**
 * `withBlank`: also load the blank page (from popupFloorExtension) before or after each popup load,
 * alternating the order, so both see the same machine.
 */
export async function benchPopupInteractive(context: BrowserContext, extensionId: string, loads = 12, withBlank = false): Promise<PopupTiming> {
  const samples: number[] = [];
  const blank: number[] = [];
  const answered: number[] = [];
  const mounted: number[] = [];
  const fetchStart: number[] = [];
  const fetchEnd: number[] = [];
  const popupLoad = async (measured: boolean) => {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const t = await readyAt(page);
      const answer = await page
        .waitForFunction(() => (window as { __popupAnswer?: { at: number | null } }).__popupAnswer?.at ?? null, undefined, { timeout: 10000, polling: 20 })
        .then((h) => h.jsonValue() as Promise<number>, () => null);
      const pack = await page.evaluate(() => {
        const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.endsWith('/pack.json'));
        return e ? [e.startTime, e.responseEnd] : null;
      });
      const mount = await page.evaluate(() => performance.getEntriesByName('formkit:popup-mounted')[0]?.startTime ?? null);
      if (!measured) return; // the first load warms the disk and code caches
      samples.push(t);
      if (mount !== null) mounted.push(mount);
      if (answer !== null) answered.push(answer);
      if (pack) {
        fetchStart.push(pack[0]);
        fetchEnd.push(pack[1]);
      }
    } finally {
      await page.close();
    }
  };
  const blankLoad = async (measured: boolean) => {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/${BLANK_PAGE}`);
      const t = await readyAt(page);
      if (measured) blank.push(t);
    } finally {
      await page.close();
    }
  };
  for (let i = 0; i <= loads; i++) {
    const order = withBlank ? (i % 2 ? [popupLoad, blankLoad] : [blankLoad, popupLoad]) : [popupLoad];
    for (const load of order) await load(i > 0);
  }
  const interactive = summarize(samples);
  const floor = blank.length ? summarize(blank) : null;
  return {
    interactive,
    blank: floor,
    vsBlank: floor ? interactive.median / floor.median : null,
    answered: answered.length ? summarize(answered) : null,
    mounted: mounted.length ? summarize(mounted) : null,
    packFetchStart: fetchStart.length ? summarize(fetchStart).median : null,
    packFetchEnd: fetchEnd.length ? summarize(fetchEnd).median : null,
  };
}
