/** The console table and BENCHMARKS.md (figures of the last run + bench/notes.md, kept by hand). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from './budgets';
import type { Fixture } from './fixture';
import { FAST_PATH_PAGES, type FastPathPage } from './fast-paths';
import type { PageKind, PageResult } from './form';
import type { Machine } from './machine';
import type { OptionalResults } from './optional';
import type { ScriptSize, ZipSize } from './sizes';
import type { ValidationBench } from './validation';
import type { PopupTiming } from './popup';
import { REPO } from './sizes';

export interface BenchResults {
  machine: Machine;
  fixture: Omit<Fixture, 'data'> & { data: undefined };
  validation: ValidationBench;
  form: Record<PageKind, PageResult>;
  popup: { total: number; totalBytes: number; upFront?: number; scripts: ScriptSize[] } | null;
  popupTti: PopupTiming;
  zip: ZipSize | null;
  optional: OptionalResults;
  metrics: Record<string, number | null | undefined>;
  args: { rounds: number; keys: number; loads?: number };
}

const ms = (n: number | null | undefined, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? `${n.toFixed(d)} ms` : '—');
const x = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function textTable(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function verdictRows(verdicts: Verdict[]): string[][] {
  return verdicts.map((v) => [
    v.budget.label,
    v.value === null ? 'not measured' : `${v.value.toFixed(2)} ${v.budget.unit}`,
    `≤ ${v.budget.max} ${v.budget.unit}`,
    v.ok === null ? 'n/a' : v.ok ? 'ok' : 'OVER',
  ]);
}

export function writeReport(path: string, r: BenchResults, verdicts: Verdict[]): { table: string } {
  const f = r.form;
  const formRows = [
    ['first render (median)', ms(f.workbench.firstRender.median, 0), ms(f.rjsf.firstRender.median, 0), ms(f.floor.firstRender.median, 0), x(r.metrics['form.firstRenderVsRjsf']), '—'],
    // the same document carried in the address: the browser's handling of the long address comes first
    ...(f.prefill
      ? [['  the same document in the address (prefill route, median)', ms(f.prefill.firstRender.median, 0), '—', '—', x(r.metrics['form.firstRenderPrefillVsRjsf'] ?? null), '—']]
      : []),
    // the fast paths' gain: the same page with them off (all, then each alone), alternated in the same run
    ...(Object.entries(FAST_PATH_PAGES) as [FastPathPage, string][])
      .filter(([page]) => f[page])
      .map(([page, what]) => [`  the same page, ${what} off (median; keystroke p95 ${ms(f[page].keystroke.p95)})`, ms(f[page].firstRender.median, 0), '—', '—', '—', '—']),
    // (resource timing does not cover chrome-extension:// fetches, so only the RJSF page's data arrival is known)
    ['data file arrived (fixture.json, median)', '—', ms(f.rjsf.dataArrived, 0), '—', '—', '—'],
    // the workbench's own User Timing marks (extension/workbench/main.tsx): where its first render goes
    ['  workbench: its script starts (formkit:script, median)', ms(f.workbench.marks?.script ?? null, 0), '—', '—', '—', '—'],
    ['  workbench: pack parsed, render starts (formkit:pack, median)', ms(f.workbench.marks?.pack ?? null, 0), '—', '—', '—', '—'],
    ['  workbench: page rendered, before layout and paint (formkit:rendered, median)', ms(f.workbench.marks?.rendered ?? null, 0), '—', '—', '—', '—'],
    ['  workbench: the stored draft read and opened, the form’s render starts (formkit:draft, median)', ms(f.workbench.marks?.draft ?? null, 0), '—', '—', '—', '—'],
    ['keystroke → paint, median', ms(f.workbench.keystroke.median), ms(f.rjsf.keystroke.median), ms(f.floor.keystroke.median), x(f.workbench.keystroke.median / f.rjsf.keystroke.median), x(f.workbench.keystroke.median / f.floor.keystroke.median)],
    ['keystroke → paint, p95', ms(f.workbench.keystroke.p95), ms(f.rjsf.keystroke.p95), ms(f.floor.keystroke.p95), x(r.metrics['form.keystrokeP95VsRjsf']), x(r.metrics['form.keystrokeP95VsFloor'])],
    ['first keystroke after load (median)', ms(f.workbench.firstKeystroke.median), ms(f.rjsf.firstKeystroke.median), ms(f.floor.firstKeystroke.median), x(f.workbench.firstKeystroke.median / f.rjsf.firstKeystroke.median), '—'],
    ['blocked after typing pauses (long tasks, median)', ms(f.workbench.afterPause.median, 0), ms(f.rjsf.afterPause.median, 0), ms(f.floor.afterPause.median, 0), '—', '—'],
    ['form controls on the page', String(f.workbench.controls), String(f.rjsf.controls), String(f.floor.controls), '—', '—'],
  ];
  const formHead = ['form', 'workbench (kit)', 'stock RJSF', 'floor', 'kit ÷ RJSF', 'kit ÷ floor'];
  const v = r.validation;
  const valRows = [
    ['precompiled (generated/validators/<docId>.js)', ms(v.cpu.precompiled, 2), ms(v.precompiled.median, 2), ms(v.precompiled.p95, 2), ms(v.schemaOnly.precompiled, 3)],
    ['interpreter (@cfworker/json-schema)', ms(v.cpu.interpreter, 2), ms(v.interpreter.median, 2), ms(v.interpreter.p95, 2), ms(v.schemaOnly.interpreter, 3)],
    ['stock Ajv, compiled at run time', ms(v.cpu.ajvRuntime, 2), ms(v.ajvRuntime.median, 2), ms(v.ajvRuntime.p95, 2), ms(v.schemaOnly.ajvRuntime, 3)],
  ];
  const valHead = ['validation (schema + every rule)', 'CPU time, median', 'wall, median', 'wall, p95', 'schema part alone (wall median)'];
  const otherRows = [
    [
      'popup JS, gzipped (all it can load)',
      r.popup
        ? `${kb(r.popup.total)} (${kb(r.popup.totalBytes)} raw, ${r.popup.scripts.length} files${r.popup.upFront !== undefined ? `; ${kb(r.popup.upFront)} before the first render, the rest loaded after it` : ''})`
        : 'no popup.html',
    ],
    [
      `popup time to interactive (median of ${r.popupTti.interactive.n}: a check form's control usable)`,
      `${ms(r.popupTti.interactive.median, 0)}${
        r.popupTti.packFetchEnd != null
          ? ` (pack.json fetched ${ms(r.popupTti.packFetchStart, 0)} → ${ms(r.popupTti.packFetchEnd, 0)}, then parsed and rendered)`
          : ''
      }`,
    ],
    // the floor of any extension page on this machine, same run, loads alternated with the popup's (not a budget)
    ...(r.popupTti.blank
      ? [
          [
            `blank extension page with one button (median of ${r.popupTti.blank.n}, same run)`,
            `${ms(r.popupTti.blank.median, 0)} — popup ÷ blank page ${x(r.popupTti.vsBlank)}, popup − blank page ${ms(r.popupTti.interactive.median - r.popupTti.blank.median, 0)}`,
          ],
        ]
      : []),
    ...(r.popupTti.mounted ? [['popup app mounted over its static first frame (its own handlers live, median)', ms(r.popupTti.mounted.median, 0)] as [string, string]] : []),
    ...(r.popupTti.answered ? [['popup answer area filled (pack and check engine loaded, median)', ms(r.popupTti.answered.median, 0)]] : []),
    ['Chrome zip', r.zip ? `${kb(r.zip.bytes)}${r.zip.file ? '' : ' (estimated from chrome-mv3/, no zip found)'}` : 'no build output'],
    ...r.optional.results.flatMap((o) => (o.figures ? o.figures.map((g) => [`${o.name}: ${g.label}`, g.value]) : [[o.name, o.note]])),
  ];
  const budgetHead = ['budget', 'measured', 'target', 'status'];
  const table = [
    textTable(formHead, formRows),
    '',
    textTable(valHead, valRows),
    `rules alone: ${ms(v.rulesOnly, 2)} median; stock Ajv compile: ${ms(v.ajvCompileMs, 0)} once`,
    '',
    textTable(['', ''], otherRows),
    '',
    textTable(budgetHead, verdictRows(verdicts)),
  ].join('\n');

  const m = r.machine;
  const notesPath = join(REPO, 'bench/notes.md');
  const notes = existsSync(notesPath) ? readFileSync(notesPath, 'utf8').trim() : '';
  const md = `# Benchmarks

Generated by \`npm run bench\` (bench/, budgets in bench/budgets.json) — rerun it to refresh every figure below.
\`npm run bench -- --check\` exits non-zero when a budget is exceeded; the size budgets are also checked by
\`npm test\` (test/unit/size-budgets.test.ts).

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, ${m.cores} cores |
| memory | ${m.memoryGB} GB |
| OS | ${m.os} |
| Node | ${m.node} |
| Chromium | ${m.chromium} (headless, software rendering: \`--disable-gpu\`) |
| date | ${m.date} |
| load average at start | ${m.load} (the machine is shared; ratios are measured in the same run for that reason) |

## What was measured

Document **${r.fixture.docId}** (the pack's largest document with an occupation table: ${r.fixture.schemaFields} schema
fields, array items counted once), built from its valid sample with **${50} occupation rows** and every section filled,
one evaluator per occupation filed; the kit reports ${r.fixture.errors} errors on it. Typing goes into a text field of
the last occupation row.

- **workbench (kit)**: the built extension's workbench opening the document as staff open a filled document,
  from its stored draft: \`workbench.html#/draft/<id>\` (the draft is read from IndexedDB, then drawn). The
  bench stores it first through the prefill address below, as the CLI's links do.
- **prefill route** (first render only, not budgeted): the same document carried whole in the address,
  \`workbench.html#/new/${r.fixture.docId}?prefill=…\` (about 18 KB); the browser's handling of the long
  address delays the page's first request, before any of the kit's code runs (bench/notes.md).
- **stock RJSF**: React 19.3 (real React, bundled only into .bench/ by bench/pages/build-pages.ts) + @rjsf/core 6
  default theme + @rjsf/validator-ajv8 with \`liveValidate\`, same schema, data and format checkers, on a plain
  local page (kit-only widgets dropped from the UI schema; the default theme's Bootstrap 3 markup without
  Bootstrap's stylesheet, as RJSF ships it). Screenshots of the three pages: .bench/screens/.
- **floor**: a plain page with as many bare \`<input>\`s as the workbench renders controls, and no script.

${r.args.rounds} rounds; each round opens every page fresh, in alternating order (A B C D, D C B A, …), after one
unmeasured warm-up load each. First render: navigation start → first frame after the last row's field exists,
median over those ${r.args.rounds} loads and ${r.args.loads ?? 0} more per page that measure only it (alternated the same way).
Keystroke → paint: the keydown's timestamp → the first task after the next animation frame, ${r.args.keys}
keystrokes per load typed one at a time (\`page.keyboard.type\`), the first of each load reported on its own row;
median and p95 over ${f.workbench.keystroke.n} keystrokes per page. "Blocked after typing pauses" is the main-thread time in long
tasks (≥ 50 ms) during the 1.5 s after the last keystroke of a load: work a page defers while the user types (the
workbench commits typed text to the form — whole-form re-render and validation — after a pause; stock RJSF does
that work inside every keystroke instead).

## Form

${mdTable(formHead, formRows)}

## Validation (Node, ${v.precompiled.n} runs each after warm-up)

${mdTable(valHead, valRows)}

The budgets judge the CPU time (process.cpuUsage per call): on a shared machine the wall time mostly measures
waiting for a core. On an idle machine the two agree.

Rules alone: ${ms(v.rulesOnly, 2)} median. Stock Ajv needs ${ms(v.ajvCompileMs, 0)} to compile the schema once (eval,
which MV3 forbids in the extension).

## Popup, drafts, autofill, package

Popup: \`popup.html\` opened in a tab, navigation start → the first frame after a quick check's form control (input or
select) exists, after one warm-up load. Alternated with it in the same run: a blank page of the same extension whose
module script adds one button (bench-only, added to a copy of the build in .bench/extension) — what any extension
page costs on this machine; the budget judges the popup's own median. The popup's first frame is static markup (its
controls take typing at once; forms/ui/fast/popup-static-shell.ts): the rows below say when its app mounts over it and when
the answers arrive.

${mdTable(['', ''], otherRows)}

${r.popup ? `Popup scripts: ${r.popup.scripts.map((s) => `\`${s.file}\` ${kb(s.gzip)}${s.lazy ? ' (after the first render)' : ''}`).join(', ')}.` : ''}

## Budgets

${mdTable(budgetHead, verdictRows(verdicts))}

${notes ? `## Notes, profiling and changes\n\n${notes}\n` : ''}`;
  writeFileSync(path, md);
  return { table };
}
