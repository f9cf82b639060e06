/**
 * Label normalisation for matching portal labels against schema titles and synonyms. Portals write
 * the same label as `* 法定代表人：`, `法定代表人:` or `法定代表人（必填）`; all of them must compare
 * equal, so width, required-markers, colons, spaces and brackets are dropped.
 */

/** Full-width ASCII to half-width, ideographic space to space (NFKC does both and more). */
const toHalfWidth = (s: string): string => s.normalize('NFKC');

export function normalizeLabel(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[*＊]/g, '')
    .replace(/[:：]/g, '')
    .replace(/[()（）[\]【】]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The keys under which one label may match: the whole label, and the label without a bracketed
 * remark (`行业主管部门（或上级主管部门）` is also `行业主管部门`).
 */
export function labelKeys(raw: string): string[] {
  const whole = normalizeLabel(raw);
  const bare = normalizeLabel(toHalfWidth(raw).replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ''));
  return bare && bare !== whole ? [whole, bare] : [whole];
}
