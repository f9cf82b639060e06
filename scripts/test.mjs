#!/usr/bin/env node
/**
 * `npm test`: the layer rules (dependency-cruiser), lint, Chrome and Firefox store builds and their checks (no fixture, least privilege, Mozilla's
 * linter), typecheck, unit tests, then the test builds (demo portal maps, loopback hosts) and
 * end-to-end tests in real Chromium and Firefox. E2E fails (it is not skipped) when Chromium or
 * Firefox is missing, unless E2E=0 is set. The last line is "N passed, N failed" so CI can read the
 * count whatever the runner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'formkit-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args, env) {
  const ok = run(label, cmd, args, env);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

/** Vitest run whose per-test counts are added to the total. */
function vitest(label, args, env) {
  const out = join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    if (!ok && (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) === 0) failed++;
  } else if (!ok) failed++;
  if (!ok) failures.push(label);
  return ok;
}

const e2e = process.env.E2E !== '0';
if (e2e) {
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
  const missing = [!chrome && 'Chromium', !firefox && 'Firefox'].filter(Boolean);
  if (missing.length) {
    console.error(
      `\n✖ No ${missing.join(' and no ')} found for the end-to-end tests.\n` +
        '  Install them:  sudo apt-get install chromium firefox-esr fonts-wqy-microhei   (or set CHROME_PATH / FIREFOX_PATH)\n' +
        '  or run without them:  E2E=0 npm test\n',
    );
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// the store builds first (FORMKIT_TEST unset even if the caller's shell has it)
const store = { FORMKIT_TEST: '' };
step('pack: precompile validators (store build)', 'npm', ['run', '--silent', 'pack:build'], store);
step('build: firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox'], store);
step('build: chrome-mv3', 'npx', ['wxt', 'build'], store);
vitest('store packages: no fixture, least privilege, locales, icons, web-ext lint', ['-c', 'vitest.package.config.ts'], store);
step('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('layers and cycles (dependency-cruiser)', 'npm', ['run', '--silent', 'lint:deps']);
step('lint (eslint)', 'npm', ['run', '--silent', 'lint']);
vitest('unit tests', []);
if (e2e) {
  // the end-to-end tests load the test build: the demo portals' maps and loopback hosts (forms/build/build-mode.ts)
  step('build: test builds (chrome-mv3, firefox-mv3 → .output-test)', 'npm', ['run', '--silent', 'build:test']);
  vitest('end-to-end tests (Chromium and Firefox)', ['-c', 'vitest.e2e.config.ts'], { FORMKIT_BUILT: '1' });
  // leave generated/ as a store build, as `npm run build` would
  run('pack: back to the store build', 'npm', ['run', '--silent', 'pack:build'], store);
} else console.log('\nE2E=0: end-to-end tests not run.');

console.log(failures.length ? `\nFailed: ${failures.join('; ')}` : '\nAll steps passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
