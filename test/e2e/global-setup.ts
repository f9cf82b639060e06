import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { EXTENSION_DIR } from './harness';

/**
 * Fails early with the install hint when Chromium is missing; makes the test build (demo portal maps,
 * loopback hosts; forms/build/build-mode.ts) unless `npm test` already did. With STRESS=1 every core is kept busy for the whole run (one spinning process per core), so
 * the suite shows whether its waits are for events rather than for time — as on a loaded CI machine.
 */
export default function setup(): () => void {
  chromiumPath();
  if (!process.env.FORMKIT_BUILT || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execSync('npm run build:test', { stdio: 'inherit' });
  }
  const burners: ChildProcess[] = [];
  if (process.env.STRESS === '1') {
    const n = Number(process.env.STRESS_CORES) || availableParallelism();
    for (let i = 0; i < n; i++) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    console.log(`STRESS=1: ${n} CPU burner(s) running for this e2e run`);
  }
  return () => {
    for (const b of burners) b.kill('SIGKILL'); // only the processes started above, by their handles
  };
}
