/**
 * Keywords that describe a value's own fault. Combinators (properties, items, allOf, if, $ref …)
 * only repeat their children's errors, and each engine reports them differently, so both engines'
 * output is reduced to these.
 */
export const LEAF_KEYWORDS = new Set([
  'type', 'required', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum',
  'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
]);

export function dedupe(issues: { path: string; keyword: string; params: Record<string, unknown> }[]) {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.keyword}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
