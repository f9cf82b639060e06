/**
 * `npm run bench [-- --check] [--no-build] [--report-only] [--rounds N] [--keys N] [--loads N]`: builds the extension (a test build) into its
 * own output folder, measures it in headless Chromium against stock RJSF and a bare-input floor,
 * times validation in Node, prints a table, writes BENCHMARKS.md and, with --check, exits 1 when
 * a budget in bench/budgets.json is exceeded.
 */
import { buildOutDir } from '../forms/build/build-mode';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { documentSchema } from '../forms/core/pack/document-schema';
import { parsePack } from '../forms/core/pack/parse-pack';
import { referenceOf } from '../forms/core/reference/reference-context';
import type { PrecompiledValidate } from '../forms/core/validation/precompiled-engine';
import { createPrecompiledEngine } from '../forms/core/validation/precompiled-engine';
import { readPackDir } from '../forms/node/load-pack-dir';
import { encodePrefill } from '../forms/core/drafts/prefill-codec';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/chromium-path';
import { judge, type Metrics } from './budgets';
import { buildFixture, OCCUPATION_ROWS } from './fixture';
import { benchForm, storeAsDraft } from './form';
import { describeMachine } from './machine';
import { BENCH_DIR, buildDraftsPage, buildFloorPage, buildRjsfPage } from './pages/build-pages';
import { BLANK_PAGE, BLANK_READY, benchPopupInteractive, POPUP_ANSWER_PROBE, POPUP_READY, popupFloorExtension } from './popup';
import { probeScript } from './probe';
import { writeReport, type BenchResults } from './report';
import { serveDir } from './serve';
import { chromeZipSize, popupJs, REPO } from './sizes';
import { benchValidation } from './validation';
import { benchOptional } from './optional';
import { benchAutofillCorpus, corpusOverBudget, writeCorpusSection } from './autofill-corpus';
import { fastPathGains, fastPathUrls } from './fast-paths';

interface Args {
  check: boolean;
  /** rewrite BENCHMARKS.md from the last run's .bench/results.json (after editing bench/notes.md) */
  reportOnly: boolean;
  build: boolean;
  rounds: number;
  keys: number;
  /** extra loads per page measuring the first render only */
  loads: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { check: false, reportOnly: false, build: true, rounds: 4, keys: 16, loads: 8 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--check') a.check = true;
    else if (k === '--no-build') a.build = false;
    else if (k === '--report-only') a.reportOnly = true;
    else if (k === '--rounds') a.rounds = Math.max(2, Number(argv[++i]) || a.rounds);
    else if (k === '--keys') a.keys = Math.max(3, Number(argv[++i]) || a.keys);
    else if (k === '--loads') a.loads = Math.max(0, Number(argv[++i]) || 0);
    else throw new Error(`unknown option ${k} (known: --check --no-build --report-only --rounds N --keys N --loads N)`);
  }
  return a;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: REPO, env: process.env, encoding: 'utf8', shell: false });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  }
}

/** A text field of the last occupation row that users type into (no format, no enum, not read-only). */
function typingField(schema: Record<string, unknown>, ui: Record<string, unknown>, tableKey: string, row: Record<string, unknown>): string {
  const defs = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
  const deref = (n: Record<string, unknown>): Record<string, unknown> =>
    typeof n.$ref === 'string' ? deref(defs[n.$ref.replace('#/definitions/', '')] ?? {}) : n;
  const table = deref(((schema.properties as Record<string, Record<string, unknown>>)[tableKey]) ?? {});
  const items = deref((table.items ?? {}) as Record<string, unknown>);
  const props = (items.properties ?? {}) as Record<string, Record<string, unknown>>;
  const rowUi = (((ui[tableKey] ?? {}) as Record<string, unknown>).items ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(row)) {
    const p = deref(props[key] ?? {});
    if (typeof value !== 'string' || p.type !== 'string' || p.enum || p.format) continue;
    if (rowUi[key]?.['ui:readonly'] || rowUi[key]?.['ui:widget']) continue;
    return key;
  }
  throw new Error(`no plain text field in a ${tableKey} row to type into`);
}

function finish(results: BenchResults, check: boolean): number {
  const verdicts = judge(results.metrics);
  writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify({ ...results, verdicts }, null, 2));
  const { table } = writeReport(join(REPO, 'BENCHMARKS.md'), results, verdicts);
  // the autofill corpus's no-map table (bench/autofill-corpus.ts), from its last run
  writeCorpusSection(join(REPO, 'BENCHMARKS.md'));
  process.stdout.write(`${table}\n`);
  const over = verdicts.filter((v) => v.ok === false).map((v) => `${v.budget.id} ${v.value?.toFixed(2)} > ${v.budget.max} ${v.budget.unit}`);
  // the corpus pages are budgets too (accuracy, traps, false reports, fill time)
  over.push(...corpusOverBudget());
  if (check && over.length) {
    log(`\nover budget: ${over.join(', ')}`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.reportOnly) {
    const file = join(BENCH_DIR, 'results.json');
    if (!existsSync(file)) throw new Error(`no ${file}: run \`npm run bench\` first`);
    return finish(JSON.parse(readFileSync(file, 'utf8')) as BenchResults, args.check);
  }
  process.env.FORMKIT_OUT_DIR ??= '.output-bench';
  // the autofill figures fill the demo portals: a test build carries their maps and loopback hosts
  // (forms/build/build-mode.ts); its zip is a few KB larger than the store's, so the size budget errs safe
  process.env.FORMKIT_TEST ??= '1';
  const outDir = resolve(REPO, buildOutDir());
  const extDir = join(outDir, 'chrome-mv3');
  if (args.build) {
    log(`building the extension into ${process.env.FORMKIT_OUT_DIR} (pack:build + wxt build) …`);
    run('npm', ['run', '--silent', 'pack:build']);
    // a test build is never zipped (wxt.config.ts refuses): the zip's size is estimated from the build (bench/sizes.ts)
    run('npx', ['wxt', 'build']);
  }
  const browserPath = chromiumPath();
  const machine = describeMachine(browserPath);
  const metrics: Metrics = {};

  // ---- Node: the data, and validation
  const pack = parsePack(readPackDir(join(REPO, 'schemas')));
  const { occupations, districts } = referenceOf(pack);
  const byDocument: Record<string, PrecompiledValidate> = await (await import('../generated/validators.js')).loadAllValidators();
  const fixture = buildFixture(pack, createPrecompiledEngine(byDocument));
  log(`document ${fixture.docId}: ${fixture.schemaFields} schema fields, ${OCCUPATION_ROWS} ${fixture.tableKey} rows, ${fixture.errors} errors`);
  log('validation (Node) …');
  const validation = benchValidation(pack, byDocument, fixture.docId, fixture.data);
  metrics['validation.precompiledMs'] = validation.cpu.precompiled;
  metrics['validation.interpreterMs'] = validation.cpu.interpreter;

  // ---- sizes
  const popup = popupJs(outDir);
  const zip = chromeZipSize(outDir);
  metrics['popup.gzipKB'] = popup ? popup.total / 1000 : null;
  metrics['package.chromeZipKB'] = zip ? zip.bytes / 1000 : null;

  // ---- browser
  const schema = documentSchema(pack, fixture.docId);
  const ui = pack.documents[fixture.docId].ui;
  const rows = fixture.data[fixture.tableKey] as Record<string, unknown>[];
  const field = typingField(schema, ui, fixture.tableKey, rows[rows.length - 1]);
  const targetId = `root_${fixture.tableKey}_${rows.length - 1}_${field}`;
  const readySelector = `[id="${targetId}"]`;
  mkdirSync(join(BENCH_DIR, 'screens'), { recursive: true });
  log('bundling stock RJSF (React 19) …');
  await buildRjsfPage({ schema, uiSchema: ui, formData: fixture.data, occupations: [...occupations.keys()], districts: [...districts.keys()] });
  const sampleKey = Object.keys(pack.documents[fixture.docId].samples).filter((k) => k.startsWith('valid-')).sort()[0];
  await buildDraftsPage({
    docId: fixture.docId,
    docTitle: String(schema.title ?? fixture.docId),
    data: fixture.data,
    small: pack.documents[fixture.docId].samples[sampleKey],
    saves: 60,
    listSize: 5000,
    listRuns: 10,
  });
  const server = await serveDir(BENCH_DIR);
  // the build plus a bench-only blank page (the popup's floor), so the build itself is left as shipped
  const loadDir = popupFloorExtension(extDir, join(BENCH_DIR, 'extension'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'formkit-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${loadDir}`, `--load-extension=${loadDir}`],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  let results: BenchResults;
  try {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30000 });
    const extensionId = new URL(worker.url()).host;
    await context.addInitScript({
      content: probeScript([
        { urlIncludes: '/popup.html', selector: POPUP_READY },
        { urlIncludes: `/${BLANK_PAGE}`, selector: BLANK_READY },
        { urlIncludes: '/floor/', selector: readySelector },
        { urlIncludes: '', selector: readySelector },
      ]),
    });
    await context.addInitScript({ content: POPUP_ANSWER_PROBE });
    const prefillUrl = `chrome-extension://${extensionId}/workbench.html#/new/${fixture.docId}?prefill=${encodePrefill(fixture.data)}`;
    log('storing the document as a draft …');
    const draftUrl = await storeAsDraft(context, prefillUrl);
    log(`form: ${args.rounds} rounds × ${args.keys} keystrokes per page, pages alternated …`);
    const form = await benchForm(context, {
      rounds: args.rounds,
      keysPerRound: args.keys,
      renderOnlyLoads: args.loads,
      targetId,
      readySelector,
      urls: {
        workbench: draftUrl,
        // the same page with every fast path off, and with each off alone, alternated in the same run
        ...fastPathUrls(draftUrl),
        prefill: prefillUrl,
        rjsf: `${server.origin}/rjsf/`,
        floor: `${server.origin}/floor/`,
      },
      log,
      screenshotDir: join(BENCH_DIR, 'screens'),
      onWorkbenchControls: (count) => buildFloorPage(count, targetId),
    });
    metrics['form.keystrokeP95VsFloor'] = form.workbench.keystroke.p95 / form.floor.keystroke.p95;
    metrics['form.keystrokeP95VsRjsf'] = form.workbench.keystroke.p95 / form.rjsf.keystroke.p95;
    metrics['form.firstRenderVsRjsf'] = form.workbench.firstRender.median / form.rjsf.firstRender.median;
    // reported, not budgeted: the same document arriving in the address instead of from its draft
    metrics['form.firstRenderPrefillVsRjsf'] = form.prefill.firstRender.median / form.rjsf.firstRender.median;
    // reported, not budgeted: what the fast paths earn, on vs off in this run (forms/ui/fast/README.md)
    Object.assign(metrics, fastPathGains(form));
    log('popup, alternated with a blank page of the extension …');
    const popupTti = await benchPopupInteractive(context, extensionId, 24, true);
    metrics['popup.interactiveMs'] = popupTti.interactive.median;
    // context for the budget, not judged: the same run's floor for any extension page
    metrics['popup.blankMs'] = popupTti.blank?.median ?? null;
    metrics['popup.interactiveVsBlank'] = popupTti.vsBlank;
    log('drafts, autofill …');
    const optional = await benchOptional(context, extensionId, server.origin, log);
    Object.assign(metrics, optional.metrics);
    results = { machine, fixture: { ...fixture, data: undefined }, validation, form, popup, popupTti, zip, optional, metrics, args };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await server.close();
  }
  log('autofill corpus, maps turned off …');
  await benchAutofillCorpus(extDir, log).catch((e: unknown) => log(`  autofill corpus failed: ${(e as Error).message.split('\n')[0]}`));
  return finish(results, args.check);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`bench failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(2);
  },
);
