/**
 * A greedy one-to-one assignment: pairs taken best score first, each key and each value used once
 * (lists to tables, lists to repeaters). Ties keep their given order.
 */
export function oneToOne<K, V>(pairs: ReadonlyArray<{ key: K; value: V; score: number }>): Map<K, V> {
  const placed = new Map<K, V>();
  const used = new Set<V>();
  for (const p of [...pairs].sort((a, b) => b.score - a.score)) {
    if (placed.has(p.key) || used.has(p.value)) continue;
    placed.set(p.key, p.value);
    used.add(p.value);
  }
  return placed;
}
