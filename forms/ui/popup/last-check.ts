import { browser } from 'wxt/browser';

/** The popup remembers the last check used and its answers, so reopening it picks up where the user was. */
const KEY = 'formkit.popup.lastCheck';

export interface LastCheck {
  kind: string;
  answers: Record<string, unknown>;
}

export async function loadLastCheck(): Promise<LastCheck | null> {
  try {
    const v = (await browser.storage.local.get(KEY))[KEY] as LastCheck | undefined;
    return v && typeof v.kind === 'string' && v.answers && typeof v.answers === 'object' ? v : null;
  } catch {
    return null; // storage unavailable: start fresh rather than fail to open
  }
}

export function saveLastCheck(value: LastCheck): void {
  browser.storage.local.set({ [KEY]: value }).catch(() => {
    /* not remembering is not worth an error in a popup */
  });
}
