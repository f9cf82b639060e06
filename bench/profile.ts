/**
 * `npx tsx bench/profile.ts [--out DIR] [--keys N]`: CPU profile of keystrokes in the workbench on the
 * bench document, printed as the functions with the most self time and the most total time. Build
 * the unminified extension first: `npx wxt build -c bench/wxt.profile.config.ts` (→ .output-bench-profile).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parsePack } from '../forms/core/pack/parse-pack';
import { createPrecompiledEngine, type PrecompiledValidate } from '../forms/core/validation/precompiled-engine';
import { readPackDir } from '../forms/node/load-pack-dir';
import { encodePrefill } from '../forms/core/drafts/prefill-codec';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/chromium-path';
import { buildFixture } from './fixture';
import { REPO } from './sizes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const extDir = resolve(REPO, opt('--out', '.output-bench-profile'), 'chrome-mv3');
const keys = Number(opt('--keys', '10'));
/** profile the first render (navigation → form shown) instead of keystrokes */
const firstRender = argv.includes('--first-render');

const pack = parsePack(readPackDir(join(REPO, 'schemas')));
const byDocument: Record<string, PrecompiledValidate> = await (await import('../generated/validators.js')).loadAllValidators();
const fixture = buildFixture(pack, createPrecompiledEngine(byDocument));
const rows = fixture.data[fixture.tableKey] as unknown[];
const userDataDir = mkdtempSync(join(tmpdir(), 'formkit-profile-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
});
try {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  const url = `chrome-extension://${id}/workbench.html#/new/${fixture.docId}?prefill=${encodePrefill(fixture.data)}`;
  const warm = await context.newPage(); // disk and code caches, as in the bench
  await warm.goto(url);
  await warm.locator(`[id="root_${fixture.tableKey}_${rows.length - 1}_standardName"]`).waitFor({ timeout: 60000 });
  await warm.close();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const target = page.locator(`[id="root_${fixture.tableKey}_${rows.length - 1}_standardName"]`);
  if (!firstRender) {
    await page.goto(url);
    await target.waitFor({ timeout: 60000 });
    await target.click();
    await page.keyboard.type('x'); // first keystroke: one-off work, not profiled
    await page.waitForTimeout(500);
  }
  await cdp.send('Performance.enable');
  type Metric = { name: string; value: number };
  const metrics = async () =>
    Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: Metric[] }).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  if (firstRender) {
    await page.goto(url);
    await target.waitFor({ timeout: 60000 });
  } else {
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type('abcdefghij'[i % 10]);
      await page.waitForTimeout(100);
    }
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const after = await metrics();
  const div = firstRender ? 1 : keys;
  const per = (k: string) => `${(((after[k] ?? 0) - (before[k] ?? 0)) * 1000 / div).toFixed(1)} ms`;
  console.log(
    `per ${firstRender ? 'load' : 'keystroke'}: task ${per('TaskDuration')}, script ${per('ScriptDuration')}, style ${per('RecalcStyleDuration')} ` +
      `(${((after.RecalcStyleCount - before.RecalcStyleCount) / div).toFixed(1)}×), layout ${per('LayoutDuration')} ` +
      `(${((after.LayoutCount - before.LayoutCount) / div).toFixed(1)}×); DOM nodes ${after.Nodes}`,
  );
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/chunks\//, '')}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((sid, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(sid)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = sid; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / div).toFixed(1).padStart(8)} ms/${firstRender ? 'load' : 'key'}  ${k}`);
  console.log(`self time ${firstRender ? 'of the load' : `per keystroke (${keys} keys)`}:\n${top(self, 30).join('\n')}`);
  console.log(`\ntotal time ${firstRender ? 'of the load' : 'per keystroke'}:\n${top(total, 45).join('\n')}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
