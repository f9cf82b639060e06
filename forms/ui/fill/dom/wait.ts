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

/** Polls `probe` every frame until it returns a value or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 1500): Promise<T | null> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (performance.now() > end) return null;
    await nextFrame();
  }
}
