/**
 * Size budgets (bench/budgets.json) checked against the built extension: the popup's
 * JavaScript gzipped and the Chrome zip. Reads FORMKIT_OUT_DIR (default .output); `npm test` builds
 * first. Without a build the size checks are skipped with a message saying how to build.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgets, judge } from '../../bench/budgets';
import { chromeDir, chromeZipSize, outputDir, pageScripts, popupJs } from '../../bench/sizes';

const out = outputDir();
const built = existsSync(join(chromeDir(out), 'manifest.json'));
const budget = (id: string) => {
  const b = budgets.find((x) => x.id === id);
  if (!b || !b.size || b.unit !== 'KB') throw new Error(`bench/budgets.json has no KB size budget "${id}"`);
  return b.max * 1000;
};

if (!built) {
  console.warn(
    `size budgets skipped: no built extension in ${out}/chrome-mv3 — run \`npm run build\` (or set FORMKIT_OUT_DIR to your build) first`,
  );
}

describe.skipIf(!built)('size budgets of the built extension', () => {
  it('popup JavaScript, gzipped, all it can load (dynamic imports too), is within the popup budget', () => {
    const popup = popupJs(out);
    expect(popup, 'popup.html missing from the build').not.toBeNull();
    const list = popup!.scripts.map((s) => `${s.file} ${(s.gzip / 1000).toFixed(1)} KB${s.lazy ? ' (lazy)' : ''}`).join(', ');
    expect(popup!.total, `popup JS gzipped: ${list}`).toBeLessThanOrEqual(budget('popup-js'));
  });

  it('the Chrome zip is within the package budget', () => {
    const zip = chromeZipSize(out);
    expect(zip).not.toBeNull();
    expect(zip!.bytes, `Chrome zip ${zip!.file ?? '(estimated from chrome-mv3/)'}`).toBeLessThanOrEqual(budget('chrome-zip'));
  });
});

describe('popup size measurement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'size-budgets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every script the page loads up front, through static imports, and not lazy chunks', () => {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(
      join(dir, 'popup.html'),
      '<script type="module" crossorigin src="/chunks/popup.js"></script><link rel="modulepreload" crossorigin href="/chunks/a.js">',
    );
    writeFileSync(join(dir, 'chunks/popup.js'), 'import{x as y}from"./a.js";import"./b.js";import("./lazy.js");');
    writeFileSync(join(dir, 'chunks/a.js'), 'export const x=1;' + 'q'.repeat(2000));
    writeFileSync(join(dir, 'chunks/b.js'), 'export{z}from"./c.js";');
    writeFileSync(join(dir, 'chunks/c.js'), 'export const z=2;');
    writeFileSync(join(dir, 'chunks/lazy.js'), 'export const big=1;');
    const files = pageScripts(dir, 'popup.html').map((s) => s.file).sort();
    expect(files).toEqual(['chunks/a.js', 'chunks/b.js', 'chunks/c.js', 'chunks/popup.js']);
  });

  it('with lazy, also counts what the page imports dynamically, marked lazy (the popup budget is all its script)', () => {
    writeFileSync(join(dir, 'chunks/lazy.js'), 'import{x}from"./a.js";import"./deep.js";export const big=import("./later.js");');
    writeFileSync(join(dir, 'chunks/deep.js'), 'export const d=1;');
    writeFileSync(join(dir, 'chunks/later.js'), 'export const l=1;');
    const files = pageScripts(dir, 'popup.html', { lazy: true }).map((s) => `${s.file}${s.lazy ? ' lazy' : ''}`).sort();
    expect(files).toEqual(['chunks/a.js', 'chunks/b.js', 'chunks/c.js', 'chunks/deep.js lazy', 'chunks/later.js lazy', 'chunks/lazy.js lazy', 'chunks/popup.js']);
  });
});

describe('budget verdicts (what `npm run bench -- --check` fails on)', () => {
  it('holds every issue-9 target, and a figure over its target is a failure while an unmeasured one is not', () => {
    expect(budgets.map((b) => b.id).sort()).toEqual(
      ['chrome-zip', 'draft-save', 'first-render-vs-rjsf', 'keystroke-vs-floor', 'keystroke-vs-rjsf', 'popup-interactive', 'popup-js', 'validation-interpreter', 'validation-precompiled'],
    );
    const zip = budgets.find((b) => b.id === 'chrome-zip')!;
    const verdicts = judge({ [zip.metric]: zip.max + 1, 'popup.gzipKB': 10 });
    expect(verdicts.find((v) => v.budget.id === 'chrome-zip')!.ok).toBe(false);
    expect(verdicts.find((v) => v.budget.id === 'popup-js')!.ok).toBe(true);
    expect(verdicts.find((v) => v.budget.id === 'draft-save')!.ok).toBeNull();
  });
});
