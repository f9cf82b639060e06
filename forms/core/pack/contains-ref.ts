const known = new WeakMap<object, boolean>();

/**
 * Whether a `$ref` occurs anywhere in a schema node (definitions included). Remembered per object:
 * schema objects are not changed once parsed, and validation asks this of the same subschemas again.
 */
export function containsRef(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const hit = known.get(node);
  if (hit !== undefined) return hit;
  const found = Array.isArray(node)
    ? node.some(containsRef)
    : Object.entries(node).some(([k, v]) => k === '$ref' || containsRef(v));
  known.set(node, found);
  return found;
}
