import { browser } from 'wxt/browser';
import { LAST_CHECK_KEY } from '../../../shared/local-keys';

/**
 * The popup remembers the last check used and its answers, so reopening it picks up where the user was.
 * Kept in the extension's localStorage, read synchronously so the first frame already shows that check
 * (a storage.local round trip is ~30 ms before anything can render); storage.local keeps a copy and is
 * asked only when localStorage has none (remembered by an earlier version, or localStorage cleared).
 */

export interface LastCheck {
  kind: string;
  answers: Record<string, unknown>;
}

const valid = (v: unknown): v is LastCheck =>
  !!v && typeof (v as LastCheck).kind === 'string' && !!(v as LastCheck).answers && typeof (v as LastCheck).answers === 'object';

/** The remembered check, or null when none; undefined when localStorage has nothing (ask loadLastCheck). */
export function readLastCheck(): LastCheck | null | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(LAST_CHECK_KEY);
    if (raw === null || raw === undefined) return undefined;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : null;
  } catch {
    return undefined;
  }
}

/** From storage.local, copied to localStorage (a remembered "none" too): later openings need no round trip. */
export async function loadLastCheck(): Promise<LastCheck | null> {
  let v: unknown;
  try {
    v = (await browser.storage.local.get(LAST_CHECK_KEY))[LAST_CHECK_KEY];
  } catch {
    return null; // storage unavailable: start fresh rather than fail to open
  }
  const last = valid(v) ? v : null;
  writeLocal(last);
  return last;
}

function writeLocal(value: LastCheck | null): void {
  try {
    globalThis.localStorage?.setItem(LAST_CHECK_KEY, JSON.stringify(value));
  } catch {
    /* full or unavailable: storage.local still has it */
  }
}

export function saveLastCheck(value: LastCheck): void {
  writeLocal(value);
  browser.storage.local.set({ [LAST_CHECK_KEY]: value }).catch(() => {
    /* not remembering is not worth an error in a popup */
  });
}
