/** Order statistics for timing samples (nearest-rank, so p95 is a time that was actually measured). */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median, p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}

/** Runs `fn` for warm-up, then `n` timed times; each sample in ms. */
export function timeSync(fn: () => unknown, n: number, warmup = Math.min(50, n)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Like timeSync, but each sample is the CPU time the process spent (user + system, µs resolution):
 * on a shared, oversubscribed machine wall time mostly measures waiting for a core.
 */
export function timeCpu(fn: () => unknown, n: number, warmup = Math.min(50, n)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    out.push((c.user + c.system) / 1000);
  }
  return out;
}
