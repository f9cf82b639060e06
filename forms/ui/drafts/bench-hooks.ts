/**
 * Benchmark hooks for drafts — timed by `npm run bench`, not by tests.
 *
 *   import { seedDrafts, benchSaveLargest, benchOpenList } from 'forms/ui/drafts/bench-hooks';
 *   const store = new IdbDraftStore({ name: 'bench' });   // in Node: import 'fake-indexeddb/auto' first
 *   await seedDrafts(store, 5000, sampleData);             // 5,000 drafts
 *   const save = await benchSaveLargest(store, largestSampleData, 50); // { median, samples } in ms
 *   const list = await benchOpenList(store, docTitles, 20);            // { median, samples } in ms
 *
 * Targets: saving the largest draft ≤ 5 ms median; opening the list with 5,000 drafts ≤ 150 ms.
 * "Saving" is one autosave write (draft + revision + summary in one transaction, the stale check
 * included); "opening the list" is reading every summary and the default search/sort — what the
 * drafts page does before it renders its first 100 rows.
 */
import { createDraft, withEdit } from '../../core/drafts/draft-model';
import type { Draft, DraftData } from '../../core/drafts/types';
import type { DraftStore } from '../../core/drafts/draft-store';
import { queryDrafts } from './list-query';

export interface Timing {
  median: number;
  samples: number[];
}

const now = () => globalThis.performance.now();

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], samples };
}

/** Writes `n` drafts (titles vary, so search and sort do real work) in batches of 500. */
export async function seedDrafts(store: DraftStore, n: number, data: DraftData, docId = 'filing-enterprise'): Promise<void> {
  const batch: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const copy = { ...data, institution: { ...((data.institution as object) ?? {}), name: `机构${String(i).padStart(5, '0')}` } };
    batch.push(createDraft({ docId, packId: 'bench', packVersion: '1', docTitle: docId, data: copy, now: new Date(Date.UTC(2025, 0, 1) + i * 60_000) }));
    if (batch.length === 500 || i === n - 1) {
      await store.putDrafts(batch.splice(0), 'create');
    }
  }
}

/** Median time of `runs` autosave writes of one draft holding `data` (the largest sample). */
export async function benchSaveLargest(store: DraftStore, data: DraftData, runs = 50): Promise<Timing> {
  let d = createDraft({ docId: 'filing-enterprise', packId: 'bench', packVersion: '1', docTitle: 'bench', data });
  d = await store.saveDraft(d, { expectedRevision: null, reason: 'create' });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const next = withEdit(d, { ...data, benchRun: i }, 'bench', 'has-errors');
    const t0 = now();
    d = await store.saveDraft(next, { expectedRevision: d.revision, reason: 'edit' });
    samples.push(now() - t0);
  }
  return timing(samples);
}

/** Median time of `runs` list openings: all summaries read, then the default query applied. */
export async function benchOpenList(store: DraftStore, docTitles: Record<string, string> = {}, runs = 20): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const all = await store.listSummaries();
    queryDrafts(all, { text: '', status: 'all', sort: 'updated-desc' }, docTitles).slice(0, 100);
    samples.push(now() - t0);
  }
  return timing(samples);
}
