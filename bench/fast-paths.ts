/**
 * Each fast path's gain, on vs off in the same run (forms/ui/fast/README.md): the workbench's draft page
 * is loaded as shipped, with every trick off, and with one trick off at a time, alternated with the
 * bench's other pages. Run-time tricks are turned off by the page's address (`?fast=off:<trick>`,
 * forms/ui/fast/switch.ts); the build-time one (stylesheets inlined into the page) by a copy of the
 * page, added to the bench's copy of the build, that links its stylesheets as Vite would have.
 * The popup's static shell has no off state (popup.html is made by it): the popup's budget is measured
 * against a blank extension page instead (bench/popup.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** the workbench with its stylesheets linked, bench-only, added to the bench's copy of the build */
const LINKED_WORKBENCH = 'bench-linked-workbench.html';

export type FastPathPage = 'fastOff' | 'tableRowsOff' | 'settledSchemasOff' | 'stylesheetsLinked';

/** The trick each page turns off, as the report and the README name it. */
export const FAST_PATH_PAGES: Record<FastPathPage, string> = {
  fastOff: 'every fast path',
  tableRowsOff: 'table rows drawn as markup first (table-rows)',
  settledSchemasOff: 'RJSF retrieveSchema skipped for settled subschemas (settled-schemas)',
  stylesheetsLinked: 'stylesheets inlined into the page (build time)',
};

/** Writes the linked-stylesheets copy of workbench.html into `extDir` (the bench's copy of the build). */
export function addLinkedStylesheetsPage(extDir: string): void {
  let n = 0;
  const html = readFileSync(join(extDir, 'workbench.html'), 'utf8').replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => {
    const file = `bench-linked-${n++}.css`;
    writeFileSync(join(extDir, file), css);
    return `<link rel="stylesheet" crossorigin href="/${file}">`;
  });
  if (n === 0) throw new Error('workbench.html has no inlined stylesheet: built with FORMKIT_FAST=0?');
  writeFileSync(join(extDir, LINKED_WORKBENCH), html);
}

/** The pages that turn the tricks off, from the workbench's draft address (`…/workbench.html#/draft/<id>`). */
export function fastPathUrls(draftUrl: string): Record<FastPathPage, string> {
  const linked = draftUrl.replace('/workbench.html', `/${LINKED_WORKBENCH}`);
  const off = (url: string, what: string) => url.replace('#', `?fast=${what}#`);
  return {
    fastOff: off(linked, 'off'),
    tableRowsOff: off(draftUrl, 'off:table-rows'),
    settledSchemasOff: off(draftUrl, 'off:settled-schemas'),
    stylesheetsLinked: linked,
  };
}

/** Each trick's gain in ms (off − on; positive = the trick saves that much), first render median and keystroke p95. */
type Timing = { firstRender: { median: number }; keystroke: { p95: number } };
export function fastPathGains(form: Record<'workbench' | FastPathPage, Timing>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const page of Object.keys(FAST_PATH_PAGES) as FastPathPage[]) {
    out[`fast.${page}.firstRenderGainMs`] = form[page].firstRender.median - form.workbench.firstRender.median;
    out[`fast.${page}.keystrokeP95GainMs`] = form[page].keystroke.p95 - form.workbench.keystroke.p95;
  }
  return out;
}
