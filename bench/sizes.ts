/**
 * Size measurements of the built extension, shared by `npm run bench` and the size-budget unit test:
 * the popup's JavaScript (every script popup.html loads, followed through static imports) gzipped,
 * and the Chrome zip (the `wxt zip` artifact, or a deflate estimate of chrome-mv3/ when no zip was made).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

export const REPO = resolve(import.meta.dirname, '..');

export function outputDir(): string {
  return resolve(REPO, process.env.FORMKIT_OUT_DIR ?? '.output');
}

export const chromeDir = (out = outputDir()) => join(out, 'chrome-mv3');

export interface ScriptSize {
  file: string;
  bytes: number;
  gzip: number;
  /** loaded after the page's first render: through a dynamic import(), or the popup's app (data-app) */
  lazy?: boolean;
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

/**
 * Every JS file a page loads up front: its script tags, modulepreloads, and their static imports.
 * `lazy`: also the chunks they import dynamically (and theirs), marked `lazy` — all the script the page
 * can load.
 */
export function pageScripts(dir: string, html: string, { lazy = false } = {}): ScriptSize[] {
  const page = readFileSync(join(dir, html), 'utf8');
  const queue: string[] = [];
  for (const m of page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) queue.push(m[1]);
  for (const m of page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) {
    queue.push(m[1] ?? m[2]);
  }
  const seen = new Map<string, ScriptSize>();
  const toFile = (src: string, from: string) =>
    src.startsWith('/') ? src.slice(1) : posix.normalize(posix.join(posix.dirname(from), src));
  const later: string[] = [];
  // the popup's app, added by its boot script after the first frame (extension/popup/index.html):
  // loaded after the first render, and counted in every total (it is not optional)
  const afterFirstFrame = [...page.matchAll(/<script[^>]*\sdata-app="([^"]+)"/g)].map((m) => m[1]);
  const visit = (pending: string[], isLazy: boolean) => {
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file) || !existsSync(join(dir, file))) continue;
      const buf = readFileSync(join(dir, file));
      seen.set(file, { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, ...(isLazy ? { lazy: true } : {}) });
      const code = buf.toString('utf8');
      for (const m of code.matchAll(STATIC_IMPORT)) pending.push(toFile(m[1], file));
      if (lazy) for (const m of code.matchAll(DYNAMIC_IMPORT)) later.push(toFile(m[1], file));
    }
  };
  visit(queue.map((s) => toFile(s, html)), false); // up front first: a chunk loaded both ways counts as up front
  visit(afterFirstFrame.map((s) => toFile(s, html)), true);
  visit(later, true);
  return [...seen.values()].sort((a, b) => Number(!!a.lazy) - Number(!!b.lazy) || b.gzip - a.gzip);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

export interface ZipSize {
  bytes: number;
  /** the zip measured, or null when estimated from chrome-mv3/ */
  file: string | null;
}

/**
 * The newest `*-chrome.zip` in the output folder when it is not older than chrome-mv3/, else
 * chrome-mv3/ deflated as a zip would store it (within a few hundred bytes of `wxt zip`'s output).
 */
export function chromeZipSize(out = outputDir()): ZipSize | null {
  const zips = existsSync(out)
    ? readdirSync(out)
        .filter((n) => n.endsWith('-chrome.zip'))
        .map((n) => join(out, n))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  const dir = chromeDir(out);
  const manifest = join(dir, 'manifest.json');
  // a zip older than the build it sits beside describes an earlier build: estimate instead
  if (zips.length && (!existsSync(manifest) || statSync(zips[0]).mtimeMs >= statSync(manifest).mtimeMs)) {
    return { bytes: statSync(zips[0]).size, file: zips[0] };
  }
  if (!existsSync(dir)) return null;
  let bytes = 22; // end of central directory
  for (const f of walk(dir)) {
    const name = relative(dir, f).length;
    const data = readFileSync(f);
    const stored = Math.min(data.length, deflateRawSync(data, { level: 9 }).length);
    bytes += 30 + name + stored + 46 + name; // local header + data + central directory entry
  }
  return { bytes, file: null };
}

/**
 * The popup's JavaScript, gzipped: every file it can load (the popup budget: "≤ 30 KB of gzipped JavaScript in
 * total"), with the part loaded up front (before its first render) apart.
 */
export function popupJs(out = outputDir()): { total: number; totalBytes: number; upFront: number; scripts: ScriptSize[] } | null {
  const dir = chromeDir(out);
  if (!existsSync(join(dir, 'popup.html'))) return null;
  const scripts = pageScripts(dir, 'popup.html', { lazy: true });
  return {
    total: scripts.reduce((s, x) => s + x.gzip, 0),
    totalBytes: scripts.reduce((s, x) => s + x.bytes, 0),
    upFront: scripts.filter((x) => !x.lazy).reduce((s, x) => s + x.gzip, 0),
    scripts,
  };
}

export const repoPath = (p: string) => relative(REPO, p) || '.';
export const dirOf = dirname;
