/**
 * Injected into every measured page before its own scripts (CDP init script, so it runs on
 * extension pages and plain pages alike and needs no change to either). Times are in the page's
 * clock (performance.now(), origin = navigation start).
 * - keystroke-to-next-paint: from the keydown event's timestamp to the first task after the next
 *   animation frame, i.e. after the frame that shows the keystroke's effect has been produced;
 * - first render: when the page's ready selector (e.g. the last occupation row's field) exists, the same
 *   after-next-frame point.
 */
export interface ProbeState {
  keys: number[];
  ready: number | null;
  /** long tasks (≥ 50 ms) as [startTime, duration] */
  long: [number, number][];
  /** first hash change (the workbench moves from #/new/… to #/draft/<id> once the draft is stored) */
  hash: number | null;
}

/** `ready`: per page, the first selector whose URL fragment occurs in location.href. */
export function probeScript(ready: { urlIncludes: string; selector: string }[], variantCss = ''): string {
  return `(() => {
  // bench/experiment.ts: pages whose URL carries bench-variant get a candidate stylesheet
  if (${JSON.stringify(variantCss)} && location.href.includes('bench-variant')) {
    // module scripts (and so the form) run after parsing; the style is in before they render
    document.addEventListener('DOMContentLoaded', () => {
      const st = document.createElement('style');
      st.textContent = ${JSON.stringify(variantCss)};
      document.head.appendChild(st);
    });
  }
  const b = (window.__bench = { keys: [], ready: null, long: [], hash: null });
  addEventListener('hashchange', () => { if (b.hash === null) b.hash = performance.now(); });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = cb;
    ch.port2.postMessage(0);
  });
  addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    afterPaint(() => b.keys.push(performance.now() - t0));
  }, true);
  const rule = ${JSON.stringify(ready)}.find((r) => location.href.includes(r.urlIncludes));
  if (!rule) return;
  const sel = rule.selector;
  const check = () => {
    if (b.ready !== null || b.pending || !document.querySelector(sel)) return;
    b.pending = true;
    mo.disconnect();
    afterPaint(() => { b.ready = performance.now(); });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('DOMContentLoaded', check);
})();`;
}
