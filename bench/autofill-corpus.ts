/**
 * The autofill corpus benchmark: every page of demo/corpus/ filled with maps turned off (the
 * extension meeting a portal it has no map for), scored as test/e2e/autofill-corpus.e2e.ts scores
 * it (test/e2e/corpus-runner.ts). `npm run bench` runs it after the other measurements and writes
 * the table into BENCHMARKS.md between the markers below; alone:
 *   npx tsx bench/autofill-corpus.ts [--no-build]      (CORPUS_PAGE=a,b for some pages only)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import budgetsFile from './budgets.json';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/chromium-path';
import { corpusPages, noMapsFile, pageFilter, runCorpusPage, importMaps, type PageScore } from '../test/e2e/corpus-runner';
// @ts-expect-error plain ESM script without types
import { serveDemo } from '../scripts/serve-demo.mjs';

const REPO = resolve(import.meta.dirname, '..');
const BENCH_DIR = join(REPO, '.bench');
export const CORPUS_RESULTS = join(BENCH_DIR, 'autofill-corpus.json');
const START = '<!-- autofill-corpus:start -->';
const END = '<!-- autofill-corpus:end -->';
const budget = budgetsFile.autofillCorpus;
/** the draft the corpus's expected.json answers are for: the pack's bundled valid sample */
const SAMPLE_DRAFT = join(REPO, 'schemas/documents/filing-enterprise/samples/valid-central-soe.json');

export interface CorpusResults {
  at: string;
  commit: string;
  scores: PageScore[];
}

/** Fills every corpus page with maps turned off in Chromium with the extension in `extDir`; saves the scores. */
export async function benchAutofillCorpus(extDir: string, log: (m: string) => void): Promise<CorpusResults> {
  const demoOut = join(BENCH_DIR, 'demo-corpus');
  log('autofill corpus: building the corpus pages …');
  const b = spawnSync(process.execPath, [join(REPO, 'scripts/build-demo.mjs')], { cwd: REPO, env: { ...process.env, FORMKIT_DEMO_OUT: demoOut }, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`demo build failed: ${(b.stderr || b.stdout).split('\n')[0]}`);
  const demo = await serveDemo({ dir: demoOut });
  const userDataDir = mkdtempSync(join(tmpdir(), 'formkit-corpus-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  try {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30000 });
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    const env = { ext, origin: demo.origin as string, frameOrigin: demo.frameOrigin as string, newPage: () => context.newPage() };
    await importMaps(env, noMapsFile());
    const draft = JSON.parse(readFileSync(SAMPLE_DRAFT, 'utf8')) as unknown;
    const scores: PageScore[] = [];
    for (const p of corpusPages(pageFilter())) {
      log(`  ${p.id} …`);
      const { score, page } = await runCorpusPage(env, p, 'no-map', draft);
      await page.close();
      scores.push(score);
    }
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
    const results: CorpusResults = { at: new Date().toISOString(), commit, scores };
    mkdirSync(BENCH_DIR, { recursive: true });
    writeFileSync(CORPUS_RESULTS, JSON.stringify(results, null, 2));
    return results;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await demo.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Whether one page's no-map fill is within every budget of `autofillCorpus`. */
export function pageWithinBudget(s: PageScore): boolean {
  return s.accuracy >= budget.noMapAccuracyMin && s.trapsTouched.length <= budget.trapsTouchedMax && s.falseReports.length <= budget.falseReportsMax && s.ms <= budget.fillMsMax && !s.failure;
}

/** The pages of the last corpus run that break a budget, each said in one line (none when it never ran). */
export function corpusOverBudget(): string[] {
  if (!existsSync(CORPUS_RESULTS)) return ['autofill corpus: no run on record (.bench/autofill-corpus.json)'];
  const r = JSON.parse(readFileSync(CORPUS_RESULTS, 'utf8')) as CorpusResults;
  return r.scores
    .filter((s) => !pageWithinBudget(s))
    .map((s) => `corpus ${s.id}: ${pct(s.accuracy)}, traps ${s.trapsTouched.length}, false reports ${s.falseReports.length}, ${s.ms} ms${s.failure ? `, ${s.failure}` : ''}`);
}

/** The no-map table as Markdown, each figure against its budget. */
export function corpusTable(r: CorpusResults): string {
  const lines = [
    START,
    '### Autofill corpus, maps turned off',
    '',
    `Every page of \`demo/corpus/\` filled from the bundled valid filing-enterprise sample with no portal map (run ${r.at.slice(0, 16).replace('T', ' ')} UTC at ${r.commit}; ` +
      `\`npx tsx bench/autofill-corpus.ts\` reruns it alone). Budgets (bench/budgets.json \`autofillCorpus\`): accuracy ≥ ${pct(budget.noMapAccuracyMin)}, ` +
      `traps touched ≤ ${budget.trapsTouchedMax}, false reports ≤ ${budget.falseReportsMax}, longest fill ≤ ${budget.fillMsMax} ms. ` +
      'Accuracy = fields holding the expected value ÷ fields the draft holds that the page asks for.',
    '',
    '| page | accuracy | traps touched | false reports | longest fill | within budget |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of r.scores) {
    const ok = pageWithinBudget(s);
    lines.push(`| ${s.title} (\`${s.id}\`) | ${pct(s.accuracy)} (${s.correct}/${s.held}) | ${s.trapsTouched.length} | ${s.falseReports.length} | ${s.ms} ms | ${mark(ok)}${s.failure ? ` ${s.failure}` : ''} |`);
  }
  const n = r.scores.length;
  const met = r.scores.filter((s) => s.accuracy >= budget.noMapAccuracyMin).length;
  lines.push('', `${met} of ${n} pages reach the no-map accuracy budget.`, END);
  return lines.join('\n');
}

/** Puts the last corpus run's table into BENCHMARKS.md (replacing the previous one, or at the end). */
export function writeCorpusSection(file: string): boolean {
  if (!existsSync(CORPUS_RESULTS) || !existsSync(file)) return false;
  const table = corpusTable(JSON.parse(readFileSync(CORPUS_RESULTS, 'utf8')) as CorpusResults);
  const md = readFileSync(file, 'utf8');
  const at = md.indexOf(START);
  const end = md.indexOf(END);
  const next = at >= 0 && end > at ? md.slice(0, at) + table + md.slice(end + END.length) : `${md.trimEnd()}\n\n${table}\n`;
  writeFileSync(file, next);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const outDir = resolve(REPO, process.env.FORMKIT_OUT_DIR ?? '.output-bench');
  if (!process.argv.includes('--no-build')) {
    log(`building the extension into ${outDir} …`);
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, env: { ...process.env, FORMKIT_OUT_DIR: outDir }, stdio: 'inherit' });
    if (r.status !== 0) process.exit(2);
  }
  benchAutofillCorpus(join(outDir, 'chrome-mv3'), log).then(
    (r) => {
      writeCorpusSection(join(REPO, 'BENCHMARKS.md'));
      process.stdout.write(`${corpusTable(r)}\n`);
    },
    (e: unknown) => {
      log(`autofill corpus bench failed: ${(e as Error).stack ?? String(e)}`);
      process.exit(2);
    },
  );
}
