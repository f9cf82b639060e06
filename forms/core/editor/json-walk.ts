import { seg } from './problem';

/** Visits every value of a JSON tree with its pointer, depth and (for object members) key; stops descending past `maxDepth`. */
export function walkJson(
  value: unknown,
  visit: (node: unknown, pointer: string, depth: number, key: string | null) => void,
  maxDepth = Infinity,
): void {
  const go = (node: unknown, pointer: string, depth: number, key: string | null) => {
    visit(node, pointer, depth, key);
    if (depth >= maxDepth || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) node.forEach((v, i) => go(v, pointer + seg(i), depth + 1, null));
    // Object.keys, not for..in: own keys only, and `__proto__` read from JSON.parse is an own key
    else for (const k of Object.keys(node)) go((node as Record<string, unknown>)[k], pointer + seg(k), depth + 1, k);
  };
  go(value, '', 0, null);
}
