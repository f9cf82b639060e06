/**
 * `npx tsx bench/experiment.ts --css candidate.css [--rounds N] [--keys N] [--out DIR]`: A/B of a
 * stylesheet change against the built workbench in one run (pages alternated), before proposing it
 * to the owner of the styles. The variant is the same page with the CSS injected at DOMContentLoaded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parsePack } from '../forms/core/pack/parse-pack';
import { createPrecompiledEngine, type PrecompiledValidate } from '../forms/core/validation/precompiled-engine';
import { readPackDir } from '../forms/node/load-pack-dir';
import { encodePrefill } from '../forms/core/drafts/prefill-codec';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/chromium-path';
import { buildFixture } from './fixture';
import { benchForm } from './form';
import { probeScript } from './probe';
import { REPO } from './sizes';

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const css = readFileSync(opt('--css', ''), 'utf8');
const extDir = resolve(REPO, opt('--out', process.env.FORMKIT_OUT_DIR ?? '.output-bench'), 'chrome-mv3');

const pack = parsePack(readPackDir(join(REPO, 'schemas')));
const byDocument: Record<string, PrecompiledValidate> = await (await import('../generated/validators.js')).loadAllValidators();
const fixture = buildFixture(pack, createPrecompiledEngine(byDocument));
const rows = fixture.data[fixture.tableKey] as unknown[];
const targetId = `root_${fixture.tableKey}_${rows.length - 1}_standardName`;
const userDataDir = mkdtempSync(join(tmpdir(), 'formkit-exp-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  viewport: { width: 1280, height: 900 },
});
try {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  await context.addInitScript({ content: probeScript([{ urlIncludes: '', selector: `[id="${targetId}"]` }], css) });
  const url = `chrome-extension://${id}/workbench.html#/new/${fixture.docId}?prefill=${encodePrefill(fixture.data)}`;
  const r = await benchForm(context, {
    rounds: Number(opt('--rounds', '4')),
    keysPerRound: Number(opt('--keys', '12')),
    targetId,
    readySelector: `[id="${targetId}"]`,
    urls: { before: url, after: `${url}&bench-variant=1` },
    log: (m) => console.error(m),
  });
  for (const k of ['before', 'after'] as const) {
    const x = r[k];
    console.log(
      `${k}: first render ${x.firstRender.median.toFixed(0)} ms, keystroke median ${x.keystroke.median.toFixed(1)} / p95 ${x.keystroke.p95.toFixed(1)} ms, blocked after pause ${x.afterPause.median.toFixed(0)} ms`,
    );
  }
  console.log(
    `after ÷ before: first render ${(r.after.firstRender.median / r.before.firstRender.median).toFixed(2)}×, keystroke p95 ${(r.after.keystroke.p95 / r.before.keystroke.p95).toFixed(2)}×`,
  );
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
