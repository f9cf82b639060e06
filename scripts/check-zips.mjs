#!/usr/bin/env node
/**
 * `npm run check:zips [-- --from-sources]`: runs `npm run zip` twice from this checkout into two fresh
 * folders and fails unless every zip is byte-identical. With --from-sources it also unpacks the sources
 * zip elsewhere, runs the README's commands there (`npm ci`, `npm run zip`), as a store reviewer does,
 * and fails unless the Chrome and Firefox zips it makes are the same bytes as ours.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fromSources = process.argv.includes('--from-sources');

function sh(cmd, args, opts) {
  console.log(`▶ ${cmd} ${args.join(' ')}${opts.env?.FORMKIT_OUT_DIR ? `  (→ ${opts.env.FORMKIT_OUT_DIR})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts, env: { ...process.env, FORMKIT_TEST: '', ...opts.env } });
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

const zipsIn = (dir) => readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
function compare(a, b, names) {
  let same = true;
  for (const name of names) {
    const equal = Buffer.compare(readFileSync(join(a, name)), readFileSync(join(b, name))) === 0;
    console.log(`${equal ? '✔ same bytes' : '✖ DIFFERENT '}  ${name}`);
    same &&= equal;
  }
  return same;
}

const work = mkdtempSync(join(tmpdir(), 'formkit-zips-'));
const first = join(work, 'first');
const second = join(work, 'second');
sh('npm', ['run', '--silent', 'zip'], { cwd: root, env: { FORMKIT_OUT_DIR: first } });
sh('npm', ['run', '--silent', 'zip'], { cwd: root, env: { FORMKIT_OUT_DIR: second } });
const names = zipsIn(first);
if (names.length < 3 || names.join() !== zipsIn(second).join()) {
  console.error(`✖ expected the Chrome, Firefox and sources zips twice, got ${names.join(', ')} and ${zipsIn(second).join(', ')}`);
  process.exit(1);
}
let ok = compare(first, second, names);

if (fromSources) {
  const src = join(work, 'sources');
  const sourcesZip = names.find((n) => n.endsWith('-sources.zip'));
  sh('unzip', ['-q', join(first, sourcesZip), '-d', src], {});
  sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: src });
  const rebuilt = join(work, 'rebuilt');
  sh('npm', ['run', '--silent', 'zip'], { cwd: src, env: { FORMKIT_OUT_DIR: rebuilt } });
  ok = compare(first, rebuilt, names.filter((n) => !n.endsWith('-sources.zip'))) && ok;
}

rmSync(work, { recursive: true, force: true });
console.log(ok ? 'Reproducible: the zips are the same bytes.' : 'NOT reproducible: see the lines marked ✖.');
process.exit(ok ? 0 : 1);
