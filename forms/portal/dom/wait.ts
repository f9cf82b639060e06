/** Component libraries render popups and commit values asynchronously; fills wait for them, briefly. */
export const nextFrame = (): Promise<void> =>
  new Promise((r) => {
    // rAF does not run in background tabs; the timeout keeps fills moving there too
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        r();
      }
    };
    requestAnimationFrame(finish);
    setTimeout(finish, 50);
  });

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a value or `timeoutMs` passes: first on macrotasks (Vue and React
 * commit within one), then once a frame (popups that wait for layout or a transition).
 */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 1500): Promise<T | null> {
  const start = performance.now();
  const end = start + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    const now = performance.now();
    if (now > end) return null;
    if (now - start < 24) await sleep(0);
    else await nextFrame();
  }
}

/** How long a popup may take to show its options after the click that opens it. */
export const LIST_WAIT_MS = 1500;

/**
 * How long a select searched by typing may take to offer the option: remote selects wait out their
 * debounce (300 ms in Element) and a server round trip. Past it the field is reported failed.
 */
export const OPTIONS_WAIT_MS = 3000;
