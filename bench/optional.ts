/**
 * Measurements of parts other engineers build (drafts, autofill).
 * - drafts: the kit's IndexedDB draft store in real Chromium on a plain local page (bench/pages/
 *   drafts-main.ts): save latency of the bench document, and reading the list of 5,000 drafts.
 * - autofill: runs when its bench hooks exist; until then the report says "not yet measurable".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Metrics } from './budgets';
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

const AUTOFILL_HOOKS = ['demo/bench-hooks.ts', 'forms/core/fill/bench-hooks.ts'];
const found = (paths: string[]) => paths.find((p) => existsSync(join(REPO, p))) ?? null;

interface DraftsBench {
  saves: number[];
  importMs: number;
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
          { label: `save (50-row document, IndexedDB), median / p95 of ${s.n}`, value: `${s.median.toFixed(2)} ms / ${s.p95.toFixed(2)} ms` },
          { label: `list of ${r.listed} drafts: open store + read summaries + sort, median of ${l.n}`, value: `${l.median.toFixed(0)} ms` },
          { label: `import of ${r.listed} drafts in one transaction`, value: `${r.importMs.toFixed(0)} ms` },
        ],
      },
    };
  } finally {
    await page.close();
  }
}

export async function benchOptional(context: BrowserContext, origin: string): Promise<OptionalResults> {
  const drafts = await benchDrafts(context, origin).catch((e: unknown) => ({
    result: { name: 'drafts', figures: null, note: `failed: ${(e as Error).message.split('\n')[0]}` } as OptionalResult,
    metrics: {} as Metrics,
  }));
  const autofill = found(AUTOFILL_HOOKS);
  return {
    metrics: { 'drafts.saveMs': null, ...drafts.metrics },
    results: [
      drafts.result,
      {
        name: 'autofill',
        figures: null,
        note: autofill
          ? `bench hooks found at ${autofill} but not wired into the bench yet`
          : `not yet measurable: no autofill bench hooks (${AUTOFILL_HOOKS.join(' or ')})`,
      },
    ],
  };
}
