import type { Finding } from '../../core/findings/finding';

/**
 * JSON pointers of every filled value (scalars only), so a loaded draft shows problems where it
 * has values — and an empty block added for structure does not count as touched.
 */
export function presentPointers(data: unknown, base = '', out = new Set<string>()): Set<string> {
  if (data === undefined || data === null || data === '') return out;
  if (typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) presentPointers(v, `${base}/${k}`, out);
  } else out.add(base);
  return out;
}

/**
 * Which findings the user sees: all after submit; before that, those at or inside a field the
 * user touched — so an untouched form is not a wall of red.
 */
export function visibleFindings(findings: Finding[], touched: ReadonlySet<string>, submitted: boolean): Finding[] {
  if (submitted) return findings;
  return findings.filter((f) => {
    if (touched.has(f.path)) return true;
    for (const p of touched) if (p !== '' && f.path.startsWith(`${p}/`)) return true;
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
