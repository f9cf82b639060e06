import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROME_PATH. Tests fail (not skip) without one unless E2E=0. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it with `sudo apt-get install chromium fonts-wqy-microhei` ' +
        '(or set CHROME_PATH), or run the unit tests alone with E2E=0 npm test.',
    );
  }
  return found;
}

/** Flags a CI container needs: no sandbox as root, no GPU, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];
