/**
 * The form benchmark in one browser run: the extension's workbench, stock RJSF and the floor page,
 * each opened fresh per round, in alternating order (A B C, C B A, …) so drift on a shared machine
 * hits all three alike. Per load: first render, then keystrokes typed one at a time into the same
 * text field (a field of the last occupation row). The first keystroke after a load is reported on
 * its own (stock RJSF compiles its Ajv validator there), the rest go into median / p95.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { FastPathPage } from './fast-paths';
import type { ProbeState } from './probe';
import { summarize, type Summary } from './stats';

/**
 * - workbench: the document opened as staff open a filled document, from its stored draft (`#/draft/<id>`);
 * - prefill: the same document carried whole in the address (`#/new/<docId>?prefill=…`, links from the CLI);
 * - rjsf: stock RJSF; floor: bare inputs, no script;
 * - the workbench page with one fast path or all of them off (bench/fast-paths.ts).
 */
export type PageKind = 'workbench' | FastPathPage | 'prefill' | 'rjsf' | 'floor';

export interface PageResult {
  firstRender: Summary;
  keystroke: Summary;
  firstKeystroke: Summary;
  /** inputs, selects and textareas on the page once rendered */
  controls: number;
  /** main thread blocked (long tasks) in the 1.5 s after typing stops, per load */
  afterPause: Summary;
  /** when the page's data file (pack.json, fixture.json) had arrived, median ms from navigation start */
  dataArrived: number | null;
  /** when the page changed its hash route before the form showed (workbench: draft stored), median ms */
  routed: number | null;
  /** the page's own User Timing marks (workbench: formkit:script / formkit:pack / formkit:rendered), median ms by name */
  marks: Record<string, number>;
}

export interface FormBenchOptions<K extends string = PageKind> {
  rounds: number;
  keysPerRound: number;
  /** the pages, in the order of the first round */
  urls: Record<K, string>;
  /** id of the text field typed into (same id on all three pages) */
  targetId: string;
  /** more loads per page, alternated the same way, that measure the first render only (its median needs more than a few) */
  renderOnlyLoads?: number;
  /** selector that exists once the whole form is rendered (the probe must have been installed with it) */
  readySelector: string;
  log(msg: string): void;
  /** where the warm-up loads leave a screenshot of each page (to look at what was measured) */
  screenshotDir?: string;
  /** after the warm-up load of the workbench: how many controls it rendered (the floor page is built from it) */
  onWorkbenchControls?(count: number): void;
}

declare global {
  interface Window {
    __bench: ProbeState;
  }
}

const TYPED = 'abcdefghijklmnopqrstuvwxyz';

async function measureLoad(context: BrowserContext, url: string, o: FormBenchOptions<string>, kind: string) {
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'load' });
    const sel = kind === 'floor' ? `#${o.targetId}` : o.readySelector;
    await page.waitForFunction(() => window.__bench?.ready !== null, undefined, { timeout: 60000, polling: 50 }).catch(() => {
      throw new Error(`${kind}: the form never finished rendering (${sel} not found) ${problems.join('; ')}`);
    });
    const firstRender = await page.evaluate(() => window.__bench.ready!);
    // pages that fetch their data (the workbench's pack.json): when it had arrived
    const routed = await page.evaluate(() => window.__bench.hash);
    const dataArrived = await page.evaluate(() => {
      const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => /\/(pack|fixture)\.json$/.test(r.name));
      return e ? e.responseEnd : null;
    });
    const controls = await page.evaluate(() => document.querySelectorAll('input, select, textarea').length);
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('formkit:')).map((m) => [m.name.slice(8), m.startTime])),
    );
    if (o.keysPerRound === 0) return { firstRender, keys: [], controls, problems, afterPause: 0, dataArrived, routed, marks };
    if (o.screenshotDir) await page.screenshot({ path: `${o.screenshotDir}/${kind}.png` });
    const target = page.locator(`[id="${o.targetId}"]`);
    await target.scrollIntoViewIfNeeded();
    await target.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(200);
    const base = await page.evaluate(() => window.__bench.keys.length);
    for (let i = 0; i < o.keysPerRound; i++) {
      await page.keyboard.type(TYPED[i % TYPED.length]);
      // each typed key is one keydown, so one sample
      await page.waitForFunction((n) => window.__bench.keys.length >= n, base + i + 1, { polling: 'raf' });
      await page.waitForTimeout(40);
    }
    const keys = await page.evaluate((b) => window.__bench.keys.slice(b), base);
    // work deferred until typing pauses (e.g. a buffered commit re-rendering and re-validating)
    const typedEnd = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1500);
    const afterPause = await page.evaluate(
      (t) => window.__bench.long.filter(([start]) => start >= t).reduce((s, [, d]) => s + d, 0),
      typedEnd,
    );
    const value = await target.inputValue();
    if (!value.endsWith(TYPED.slice(0, o.keysPerRound))) {
      o.log(`  warning: ${kind} field value after typing is "${value.slice(-20)}"`);
    }
    return { firstRender, keys, controls, problems, afterPause, dataArrived, routed, marks };
  } finally {
    await page.close();
  }
}

/**
 * Stores the document as a draft the way the workbench does for a prefilled address (it moves to
 * `#/draft/<id>` once stored) and returns the draft's address.
 */
export async function storeAsDraft(context: BrowserContext, prefillUrl: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(prefillUrl);
    await page.waitForFunction(() => location.hash.startsWith('#/draft/'), undefined, { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('.save-status')?.getAttribute('data-status') === 'saved', undefined, { timeout: 60000 });
    return page.url();
  } finally {
    await page.close();
  }
}

export async function benchForm<K extends string>(context: BrowserContext, o: FormBenchOptions<K>): Promise<Record<K, PageResult>> {
  const kinds = Object.keys(o.urls) as K[];
  const acc = {} as Record<K, { first: number[]; keys: number[]; firstKeys: number[]; controls: number; pause: number[]; data: number[]; routed: number[]; marks: Record<string, number[]> }>;
  for (const k of kinds) acc[k] = { first: [], keys: [], firstKeys: [], controls: 0, pause: [], data: [], routed: [], marks: {} };
  // one unmeasured load each: disk cache, bytecode cache and the extension's service worker warm up
  for (const k of kinds) {
    const m = await measureLoad(context, o.urls[k], { ...o, keysPerRound: 1 }, k);
    if (k === 'workbench') o.onWorkbenchControls?.(m.controls);
  }
  for (let r = 0; r < o.rounds; r++) {
    const order = r % 2 === 0 ? kinds : [...kinds].reverse();
    for (const k of order) {
      const m = await measureLoad(context, o.urls[k], { ...o, screenshotDir: undefined }, k);
      acc[k].first.push(m.firstRender);
      acc[k].firstKeys.push(m.keys[0]);
      acc[k].keys.push(...m.keys.slice(1));
      acc[k].controls = m.controls;
      acc[k].pause.push(m.afterPause);
      if (m.dataArrived !== null) acc[k].data.push(m.dataArrived);
      if (m.routed !== null) acc[k].routed.push(m.routed);
      for (const [name, t] of Object.entries(m.marks)) (acc[k].marks[name] ??= []).push(t);
      o.log(`  round ${r + 1} ${k}: first render ${m.firstRender.toFixed(0)} ms, keys median ${summarize(m.keys.slice(1)).median.toFixed(1)} ms, after pause ${m.afterPause.toFixed(0)} ms`);
    }
  }
  for (let r = 0; r < (o.renderOnlyLoads ?? 0); r++) {
    const order = r % 2 === 0 ? kinds : [...kinds].reverse();
    for (const k of order) {
      const m = await measureLoad(context, o.urls[k], { ...o, keysPerRound: 0, screenshotDir: undefined }, k);
      acc[k].first.push(m.firstRender);
      if (m.dataArrived !== null) acc[k].data.push(m.dataArrived);
      for (const [name, t] of Object.entries(m.marks)) (acc[k].marks[name] ??= []).push(t);
    }
  }
  const out = {} as Record<K, PageResult>;
  for (const k of kinds) {
    out[k] = {
      firstRender: summarize(acc[k].first),
      keystroke: summarize(acc[k].keys),
      firstKeystroke: summarize(acc[k].firstKeys),
      controls: acc[k].controls,
      afterPause: summarize(acc[k].pause),
      dataArrived: acc[k].data.length ? summarize(acc[k].data).median : null,
      routed: acc[k].routed.length ? summarize(acc[k].routed).median : null,
      marks: Object.fromEntries(Object.entries(acc[k].marks).map(([name, ts]) => [name, summarize(ts).median])),
    };
  }
  return out;
}
