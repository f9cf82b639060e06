import type { Finding } from '../../core/findings/finding';

/**
 * JSON pointers of every filled value (scalars only), so a loaded draft shows problems where it
 * has values — and an empty block added for structure does not count as touched, nor does a box
 * stored unticked (`false` is what an untouched checkbox holds, often from a schema default).
 */
export function presentPointers(data: unknown, base = '', out = new Set<string>()): Set<string> {
  if (data === undefined || data === null || data === '' || data === false) return out;
  if (typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) presentPointers(v, `${base}/${k}`, out);
  } else out.add(base);
  return out;
}

/** Whether a document holds anything a user typed or chose (an unticked box and empty blocks do not count). */
export const hasContent = (data: unknown): boolean => presentPointers(data).size > 0;

/** `/occupations/3` for `/occupations/3/code`: the list row a pointer lies in, or null. */
const rowOf = (pointer: string): string | null => /^(.*\/\d+)(?:\/|$)/.exec(pointer)?.[1] ?? null;

/**
 * Which findings the user sees: all after submit; before that, those at or inside a field the
 * user touched — so an untouched form is not a wall of red. A finding about a whole list row (a
 * rule's 第N行) shows once any cell of that row was touched. Rows added since the last submit
 * (`fresh`) stay quiet until the user touches them or submits again.
 */
export function visibleFindings(
  findings: Finding[],
  touched: ReadonlySet<string>,
  submitted: boolean,
  fresh: ReadonlySet<string> = new Set(),
): Finding[] {
  const quietRow = (path: string): boolean => {
    for (const r of fresh) if (path === r || path.startsWith(`${r}/`)) return true;
    return false;
  };
  if (submitted) return fresh.size ? findings.filter((f) => !quietRow(f.path)) : findings;
  return findings.filter((f) => {
    if (quietRow(f.path)) return false;
    if (touched.has(f.path)) return true;
    for (const p of touched) {
      if (p !== '' && f.path.startsWith(`${p}/`)) return true;
      if (rowOf(p) === f.path) return true;
    }
    return false;
  });
}

export function groupByPath(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = m.get(f.path);
    if (list) list.push(f);
    else m.set(f.path, [f]);
  }
  return m;
}

/** Pointers of list rows `next` has beyond `prev` (rows just added with 添加 or pasted), at any depth. */
export function addedRows(prev: unknown, next: unknown, base = '', out: string[] = []): string[] {
  if (Array.isArray(next)) {
    const before = Array.isArray(prev) ? prev : [];
    next.forEach((item, i) => {
      if (i >= before.length) out.push(`${base}/${i}`);
      else addedRows(before[i], item, `${base}/${i}`, out);
    });
  } else if (next && typeof next === 'object') {
    const p = prev && typeof prev === 'object' ? (prev as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(next as Record<string, unknown>)) if (v !== p[k]) addedRows(p[k], v, `${base}/${k}`, out);
  }
  return out;
}
