/**
 * Writes the two plain local pages the workbench is compared with into .bench/ (git-ignored):
 * - rjsf/: stock RJSF on real React 19, bundled with esbuild. `react` and `react-dom` are aliased
 *   to the `react-real` / `react-dom-real` installs here only; the extension's build aliases them
 *   to preact/compat, so real React never reaches the extension.
 * - floor/: as many bare inputs as the workbench renders, no script — the fastest a keystroke can paint.
 */
import { build } from 'esbuild';
import { RJSF_WIDGETS } from '../../forms/core/editor/ui-names';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
export const BENCH_DIR = resolve(here, '../../.bench');

/** RJSF's own widgets; anything else in a kit UI schema names a kit widget stock RJSF does not have. */
const STOCK_WIDGETS = new Set<string>(RJSF_WIDGETS);

export function stockUiSchema(ui: unknown): unknown {
  if (Array.isArray(ui)) return ui.map(stockUiSchema);
  if (!ui || typeof ui !== 'object') return ui;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ui)) {
    if (k === 'ui:field') continue;
    if (k === 'ui:widget' && (typeof v !== 'string' || !STOCK_WIDGETS.has(v))) continue;
    out[k] = stockUiSchema(v);
  }
  return out;
}

const PAGE = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:16px} input{display:block;margin:2px 0}</style>
</head><body>${body}</body></html>
`;

export interface RjsfFixture {
  schema: unknown;
  uiSchema: unknown;
  formData: unknown;
  /** the pack's occupation and district codes, for the kit's format checkers */
  occupations: string[];
  districts: string[];
}

export async function buildRjsfPage(fixture: RjsfFixture): Promise<string> {
  const dir = join(BENCH_DIR, 'rjsf');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify({ ...fixture, uiSchema: stockUiSchema(fixture.uiSchema) }));
  await build({
    entryPoints: [join(here, 'rjsf-main.mjs')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(dir, 'main.js'),
    alias: { react: 'react-real', 'react-dom': 'react-dom-real' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), PAGE('stock RJSF', '<div id="app"></div><script type="module" src="./main.js"></script>'));
  return dir;
}

/** The drafts page (bench/pages/drafts-main.ts) and its data. */
export async function buildDraftsPage(fixture: Record<string, unknown>): Promise<string> {
  const dir = join(BENCH_DIR, 'drafts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
  await build({
    entryPoints: [join(here, 'drafts-main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(dir, 'main.js'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), PAGE('drafts', '<script type="module" src="./main.js"></script>'));
  return dir;
}

/** `count` bare text inputs; the one keystrokes go to carries `targetId`, near the end like in the form. */
export function buildFloorPage(count: number, targetId: string): string {
  const dir = join(BENCH_DIR, 'floor');
  mkdirSync(dir, { recursive: true });
  const inputs: string[] = [];
  const at = Math.max(0, count - 10);
  for (let i = 0; i < count; i++) {
    inputs.push(i === at ? `<input id="${targetId}" value="电工国家职业技能标准">` : `<input id="f${i}" value="示例${i}">`);
  }
  writeFileSync(join(dir, 'index.html'), PAGE('floor', inputs.join('\n')));
  return dir;
}
