/**
 * Each fast path's gain, on vs off in the same run (forms/ui/fast/README.md): the workbench's draft page
 * is loaded as shipped, with every trick off, and with one trick off at a time, alternated with the
 * bench's other pages. The tricks are turned off by the page's address (`?fast=off:<trick>`,
 * forms/ui/fast/switch.ts). The popup's static shell has no off state (popup.html is made by it): the
 * popup's budget is measured against a blank extension page instead (bench/popup.ts).
 */

export type FastPathPage = 'fastOff' | 'tableRowsOff';

/** The trick each page turns off, as the report and the README name it. */
export const FAST_PATH_PAGES: Record<FastPathPage, string> = {
  fastOff: 'every fast path',
  tableRowsOff: 'table rows drawn as markup first (table-rows)',
};

/** The pages that turn the tricks off, from the workbench's draft address (`…/workbench.html#/draft/<id>`). */
export function fastPathUrls(draftUrl: string): Record<FastPathPage, string> {
  const off = (what: string) => draftUrl.replace('#', `?fast=${what}#`);
  return {
    fastOff: off('off'),
    tableRowsOff: off('off:table-rows'),
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
