/**
 * Autofill on the corpus (demo/corpus/): a dozen portal pages on the real libraries government
 * portals use, none written for this extension's matcher. Each page is filled twice from the
 * bundled valid filing-enterprise sample through the built extension (the popup's message to the
 * background): with its test-only portal map (demo/maps/, imported as user maps), and with maps
 * turned off. The page's live model is scored against its expected.json; the budgets are
 * bench/budgets.json's `autofillCorpus`.
 *   CORPUS_PAGE=layui,vant npx vitest run -c vitest.e2e.config.ts test/e2e/autofill-corpus.e2e.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { sampleDraft } from './autofill-helpers';
import { corpusMapsFile, corpusPages, noMapsFile, pageFilter, runCorpusPage, importMaps, waitReady, type CorpusEnv, type PageScore } from './corpus-runner';
import { launchExtension, type ExtensionSession } from './harness';
// @ts-expect-error plain ESM script without types
import { serveDemo } from '../../scripts/serve-demo.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO_OUT = join(ROOT, '.output-demo-corpus');
// read as data, not imported: the bench imports this folder's runner, and folders must not import each other both ways
const budget = (JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as { autofillCorpus: { noMapAccuracyMin: number; withMapAccuracyMin: number; trapsTouchedMax: number; falseReportsMax: number; fillMsMax: number } }).autofillCorpus;
const draft = sampleDraft();
const pages = corpusPages(pageFilter());

let session: ExtensionSession;
let demo: { origin: string; frameOrigin: string; close(): Promise<void> };
let env: CorpusEnv;
const scores: PageScore[] = [];

beforeAll(async () => {
  // always built fresh: a stale demo folder would score yesterday's pages
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-demo.mjs')], { cwd: ROOT, env: { ...process.env, FORMKIT_DEMO_OUT: DEMO_OUT }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo build failed:\n${r.stderr || r.stdout}`);
  demo = await serveDemo({ dir: DEMO_OUT });
  session = await launchExtension();
  const ext = await session.open('popup.html');
  env = { ext, origin: demo.origin, frameOrigin: demo.frameOrigin, newPage: () => session.context.newPage() };
  mkdirSync('screenshots', { recursive: true });
}, 300000);

afterAll(async () => {
  const row = (s: PageScore) =>
    `${s.mode.padEnd(6)} ${s.id.padEnd(13)} ${(s.accuracy * 100).toFixed(0).padStart(3)}% (${s.correct}/${s.held})  traps ${s.trapsTouched.length}  false ${s.falseReports.length}  ${s.ms} ms${s.failure ? `  FAILED ${s.failure}` : ''}`;
  console.log(`autofill corpus scores\n${scores.map(row).join('\n')}`);
  await session?.close();
  await demo?.close();
});

/** What went wrong, in one message, so a failing budget says which fields and traps. */
const explain = (s: PageScore) =>
  JSON.stringify({ portalId: s.portalId, failure: s.failure, wrong: s.wrong, traps: s.trapsTouched, falseReports: s.falseReports }, null, 1);

/**
 * What must hold on every page: no trap touched (a hidden, covered, clipped or look-alike field a page uses
 * to harvest autofilled data) and no field reported filled that does not hold its value. How much is filled
 * is checked against the budgets of bench/budgets.json `autofillCorpus` (with and without a map); how fast
 * is a bench budget only (`npm run bench` writes the table to BENCHMARKS.md), since a loaded machine slows
 * every fill. The scores are printed after this file.
 */
function expectSafe(s: PageScore): void {
  expect(s.trapsTouched, explain(s)).toHaveLength(budget.trapsTouchedMax);
  // a field reported filled must hold its value: the report never claims what the page does not show
  expect(s.falseReports, explain(s)).toHaveLength(budget.falseReportsMax);
}

describe.each(pages)('corpus page $id ($title)', (p) => {
  it('with its portal map: every field the draft holds is filled, no trap touched, no false report', async () => {
    await importMaps(env, corpusMapsFile());
    const { score: s, page } = await runCorpusPage(env, p, 'map', draft);
    scores.push(s);
    await page.screenshot({ path: `screenshots/corpus-${p.id}-map.png` });
    await page.close();
    expect(s.failure, explain(s)).toBeUndefined();
    expect(s.portalId, 'the corpus map was the one applied').toBe(`corpus-${p.id}`);
    expectSafe(s);
    expect(s.accuracy, explain(s)).toBeGreaterThanOrEqual(budget.withMapAccuracyMin);
  });

  it('with maps turned off: at least the budgeted share filled, no trap touched, no false report', async () => {
    await importMaps(env, noMapsFile());
    const { score: s, page } = await runCorpusPage(env, p, 'no-map', draft);
    scores.push(s);
    await page.screenshot({ path: `screenshots/corpus-${p.id}-nomap.png` });
    await page.close();
    expect(s.failure, explain(s)).toBeUndefined();
    expect(s.portalId, 'no map applied').toBeNull();
    expectSafe(s);
    expect(s.accuracy, explain(s)).toBeGreaterThanOrEqual(budget.noMapAccuracyMin);
  });
});

/**
 * Materials: the pages that ask for an uploaded file (营业执照 …) get the draft's own file, put into the
 * page's upload control as a user's pick would be. The file is attached in the workbench, so it is the
 * drafts store's blob that travels, and the fill starts from that stored draft by its id.
 */
describe('materials from a stored draft', () => {
  const withUploads = pages.filter((p) => p.uploads && Object.keys(p.uploads).length);
  let draftId = '';
  const FILE = '营业执照副本.pdf';

  beforeAll(async () => {
    const wb = await session.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(draft)}`);
    await wb.waitForURL(/#\/draft\//);
    draftId = decodeURIComponent(new URL(wb.url()).hash.replace('#/draft/', ''));
    await wb.locator('#root_attachments_0_file').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 licence') });
    // the file is hashed and stored before the form holds it, and the draft is saved after that: wait until a
    // fresh tab opened on the stored draft shows the file (a 已保存 seen earlier may be the blank draft's)
    await wb.locator('.attachment-meta', { hasText: FILE }).waitFor({ timeout: 30000 });
    const deadline = Date.now() + 30000;
    for (;;) {
      const again = await session.open(`workbench.html#/draft/${encodeURIComponent(draftId)}`);
      const shown = await again.locator('.attachment-meta', { hasText: FILE }).waitFor({ timeout: 3000 }).then(() => true, () => false);
      await again.close();
      if (shown) break;
      if (Date.now() > deadline) throw new Error('the stored draft never held the attached file');
    }
    await wb.close();
  }, 120000);

  it.each(withUploads.map((p) => [p.id, p] as const))('%s: the stored file is in the page\'s upload control and reported', async (_id, p) => {
    await importMaps(env, noMapsFile());
    const page = await env.newPage();
    if (p.viewport) await page.setViewportSize(p.viewport);
    await page.goto(`${env.origin}${p.page}`);
    await waitReady(page);
    const r = await env.ext.evaluate(
      async ({ url, draftId }) => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
        const [tab] = await c.tabs.query({ url });
        return c.runtime.sendMessage({ type: 'bg:autofill', tabId: tab.id, draftId });
      },
      { url: page.url(), draftId },
    ) as { ok: boolean; report?: { outcomes: { path: string; status: string; title?: string }[] } };
    expect(r.ok, JSON.stringify(r).slice(0, 400)).toBe(true);
    const model = await page.evaluate(() => (window as unknown as { __portalModel: () => { fields: Record<string, unknown> } }).__portalModel());
    const said = JSON.stringify(r.report?.outcomes.filter((o) => o.path.includes('attach') || o.status !== 'filled').slice(0, 12));
    for (const key of Object.keys(p.uploads!)) expect(model.fields[key], `${p.id} ${key}: ${said}`).toEqual(expect.arrayContaining([FILE]));
    const uploads = r.report!.outcomes.filter((o) => o.path.includes('/attachments/') && o.status === 'filled');
    expect(uploads.length, JSON.stringify(r.report!.outcomes.filter((o) => o.path.includes('attach')))).toBeGreaterThan(0);
    await page.close();
  }, 60000);
});
