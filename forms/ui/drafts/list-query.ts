import type { DraftStatus, DraftSummary } from '../../core/drafts/types';

/** Search, status filter and sort of the drafts list — pure, so the benchmark times exactly this. */
export type SortKey = 'updated-desc' | 'updated-asc' | 'title' | 'created-desc';

export interface ListQuery {
  text: string;
  status: DraftStatus | 'all';
  sort: SortKey;
}

const collator = new Intl.Collator('zh-CN');

export function queryDrafts(all: readonly DraftSummary[], q: ListQuery, docTitles: Record<string, string>): DraftSummary[] {
  const needle = q.text.trim().toLowerCase();
  const rows = all.filter(
    (d) =>
      (q.status === 'all' || d.status === q.status) &&
      (!needle ||
        d.title.toLowerCase().includes(needle) ||
        d.institution.toLowerCase().includes(needle) ||
        d.docId.toLowerCase().includes(needle) ||
        (docTitles[d.docId] ?? '').toLowerCase().includes(needle)),
  );
  const by: Record<SortKey, (a: DraftSummary, b: DraftSummary) => number> = {
    'updated-desc': (a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0),
    'updated-asc': (a, b) => (a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : 0),
    'created-desc': (a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0),
    title: (a, b) => collator.compare(a.title, b.title),
  };
  return rows.sort(by[q.sort]);
}
