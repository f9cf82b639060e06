/**
 * Measurements of parts other engineers are still building (drafts, autofill). Each runs when its
 * bench hooks exist in the repo; until then the report says "not yet measurable".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Metrics } from './budgets';
import { REPO } from './sizes';

export interface OptionalResult {
  name: string;
  /** figure lines for the report, or null when not yet measurable */
  figures: { label: string; value: string }[] | null;
  note: string;
}

export interface OptionalResults {
  results: OptionalResult[];
  metrics: Metrics;
}

const DRAFT_HOOKS = ['forms/ui/drafts/bench-hooks.ts', 'forms/core/drafts/bench-hooks.ts'];
const AUTOFILL_HOOKS = ['demo/bench-hooks.ts', 'forms/core/fill/bench-hooks.ts'];

const found = (paths: string[]) => paths.find((p) => existsSync(join(REPO, p))) ?? null;

export async function benchOptional(
  _context: BrowserContext,
  _extensionId: string,
  _origin: string,
  _log: (m: string) => void,
): Promise<OptionalResults> {
  const drafts = found(DRAFT_HOOKS);
  const autofill = found(AUTOFILL_HOOKS);
  return {
    metrics: { 'drafts.saveMs': null },
    results: [
      {
        name: 'drafts',
        figures: null,
        note: drafts
          ? `bench hooks found at ${drafts} but not wired into the bench yet`
          : `not yet measurable: no drafts bench hooks (${DRAFT_HOOKS.join(' or ')})`,
      },
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
