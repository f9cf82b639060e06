/**
 * Measurements of parts other engineers build (drafts, autofill).
 * - drafts: the drafts part's bench hooks (forms/ui/drafts/bench-hooks.ts) on the kit's IndexedDB
 *   store in real Chromium, on a plain local page (bench/pages/drafts-main.ts): autosave latency of
 *   the bench document, and opening the list with 5,000 drafts.
 * - autofill: the autofill part's own measurement (demo/bench/fill-speed.ts) on its demo portals
 *   (built into .bench/demo): 100 native fields in the page, and an Element Plus page end to end.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import type { Metrics } from './budgets';
import { BENCH_DIR } from './pages/build-pages';
import { serveDir } from './serve';
import { REPO } from './sizes';
import { summarize } from './stats';

export interface OptionalResult {
  name: string;
  /** figure lines for the report, or null when not measurable */
  figures: { label: string; value: string }[] | null;
  note: string;
}

export interface OptionalResults {
  results: OptionalResult[];
  metrics: Metrics;
}

/** The autofill part's speed measurement (its targets in bench/budgets.json) and the demo portals it fills. */
const AUTOFILL_HOOKS = 'demo/bench/fill-speed.ts';

interface DraftsBench {
  saves: number[];
  seedMs: number;
  list: number[];
  listed: number;
  error?: string;
}

export async function benchDrafts(context: BrowserContext, origin: string): Promise<{ result: OptionalResult; metrics: Metrics }> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/drafts/`);
    await page.waitForFunction(() => (window as { __draftsBench?: unknown }).__draftsBench !== undefined, undefined, {
      timeout: 300000,
      polling: 250,
    });
    const r = (await page.evaluate(() => (window as unknown as { __draftsBench: unknown }).__draftsBench)) as DraftsBench;
    if (r.error) return { result: { name: 'drafts', figures: null, note: `failed: ${r.error.split('\n')[0]}` }, metrics: {} };
    const s = summarize(r.saves);
    const l = summarize(r.list);
    return {
      metrics: { 'drafts.saveMs': s.median },
      result: {
        name: 'drafts',
        note: '',
        figures: [
          { label: `autosave write of the 50-row document (IndexedDB), median / p95 of ${s.n}`, value: `${s.median.toFixed(2)} ms / ${s.p95.toFixed(2)} ms` },
          { label: `opening the list with ${r.listed} drafts (summaries + default query), median of ${l.n}`, value: `${l.median.toFixed(0)} ms (drafts' own target ≤ 150 ms)` },
          { label: `seeding ${r.listed} drafts (batches of 500)`, value: `${r.seedMs.toFixed(0)} ms` },
        ],
      },
    };
  } finally {
    await page.close();
  }
}

interface FillSpeed {
  nativeFields: number;
  nativeInPageMs: number;
  elementControls: number;
  elementEndToEndMs: number;
  elementFilled: number;
}

async function benchAutofill(context: BrowserContext, extensionId: string, log: (m: string) => void): Promise<OptionalResult> {
  if (!existsSync(join(REPO, AUTOFILL_HOOKS))) return { name: 'autofill', figures: null, note: `not yet measurable: no ${AUTOFILL_HOOKS}` };
  const demoOut = join(BENCH_DIR, 'demo');
  log('  building the demo portals …');
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/build-demo.mjs')], {
    cwd: REPO,
    env: { ...process.env, FORMKIT_DEMO_OUT: demoOut },
    encoding: 'utf8',
  });
  if (r.status !== 0) return { name: 'autofill', figures: null, note: `demo build failed: ${(r.stderr || r.stdout).split('\n')[0]}` };
  const server = await serveDir(demoOut, {
    '/demo-config.js': { type: 'text/javascript; charset=utf-8', body: 'window.DEMO_FRAME_ORIGIN = location.origin;' },
  });
  try {
    const mod = (await import(join(REPO, AUTOFILL_HOOKS))) as {
      measureFillSpeed(c: BrowserContext, id: string, origin: string): Promise<FillSpeed>;
    };
    const s = await mod.measureFillSpeed(context, extensionId, server.origin);
    return {
      name: 'autofill',
      note: '',
      figures: [
        { label: `${s.nativeFields} native fields, time in the page`, value: `${s.nativeInPageMs.toFixed(0)} ms (target ≤ 100 ms)` },
        {
          label: `Element Plus page, ${s.elementControls} controls, end to end`,
          value: `${s.elementEndToEndMs} ms, ${s.elementFilled}/${s.elementControls} filled (target ≤ 2000 ms)`,
        },
      ],
    };
  } finally {
    await server.close();
  }
}

export async function benchOptional(
  context: BrowserContext,
  extensionId: string,
  origin: string,
  log: (m: string) => void,
): Promise<OptionalResults> {
  const failed = (name: string) => (e: unknown): OptionalResult => ({
    name,
    figures: null,
    note: `failed: ${(e as Error).message.split('\n')[0]}`,
  });
  const drafts = await benchDrafts(context, origin).catch((e: unknown) => ({ result: failed('drafts')(e), metrics: {} as Metrics }));
  const autofill = await benchAutofill(context, extensionId, log).catch(failed('autofill'));
  return { metrics: { 'drafts.saveMs': null, ...drafts.metrics }, results: [drafts.result, autofill] };
}
