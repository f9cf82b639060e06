import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { EXTENSION_DIR } from './harness';

/**
 * Fails early with the install hint when Chromium is missing; makes the test build (demo portal maps,
 * loopback hosts; forms/build/build-mode.ts) unless `npm test` already did.
 */
export default function setup(): void {
  chromiumPath();
  if (!process.env.FORMKIT_BUILT || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execSync('npm run build:test', { stdio: 'inherit' });
  }
}
