/** Hash routes of workbench.html — a contract other parts link to. */
export type Route =
  | { name: 'documents' }
  | { name: 'new'; docId: string; prefill?: string }
  | { name: 'drafts' }
  | { name: 'draft'; draftId: string }
  | { name: 'print'; draftId: string }
  | { name: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const [path, query = ''] = h.split('?');
  const params = new URLSearchParams(query);
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found', hash }; // a malformed escape (`%ZZ`) is an address we do not know, not a crash
  }
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'documents')) return { name: 'documents' };
  if (parts[0] === 'new' && parts.length === 2) {
    const prefill = params.get('prefill') ?? undefined;
    return { name: 'new', docId: parts[1], ...(prefill ? { prefill } : {}) };
  }
  if (parts[0] === 'drafts' && parts.length === 1) return { name: 'drafts' };
  if (parts[0] === 'draft' && parts.length === 2) return { name: 'draft', draftId: parts[1] };
  if (parts[0] === 'print' && parts.length === 2) return { name: 'print', draftId: parts[1] };
  return { name: 'not-found', hash };
}
