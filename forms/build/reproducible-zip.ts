/**
 * Zips that are the same bytes whenever they are made from the same files: entries sorted by name, one
 * fixed date on every entry, the same compression. `wxt zip` adds entries in file-system order stamped
 * with the time of zipping, so two zips of one commit differed; addons.mozilla.org reviewers rebuild
 * the extension from the sources zip and compare (https://extensionworkshop.com/documentation/publish/source-code-submission/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

/** SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) when set, else 2000-01-01 UTC. */
export function zipDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 315532800 ? new Date(epoch * 1000) : new Date(Date.UTC(2000, 0, 1));
}

export interface ZipEntry {
  name: string;
  content: Uint8Array | string;
}

/** The zip of these entries, in name order, each dated `date`, deflated at level 9. */
export async function reproducibleZip(entries: ZipEntry[], date = zipDate()): Promise<Uint8Array> {
  const zip = new JSZip();
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of sorted) zip.file(e.name, e.content, { date, createFolders: false, binary: typeof e.content !== 'string' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

/** Rewrites a zip in place with the same files, made reproducible. */
export async function normalizeZip(path: string, date = zipDate()): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.push({ name: file.name, content: await file.async('uint8array') });
  }
  writeFileSync(path, await reproducibleZip(entries, date));
}

/**
 * The files git tracks under `root` (what a commit holds), or null outside a git checkout. The sources
 * zip is made from these, so it holds exactly what the build needs (the lock included) and
 * nothing a developer left lying in the folder.
 */
export function trackedFiles(root: string): string[] | null {
  if (!existsSync(join(root, '.git'))) return null;
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout.split('\0').filter((f) => f && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
}

/** Writes the sources zip from git's tracked files; false when `root` is not a git checkout. */
export async function writeSourcesZip(root: string, path: string, date = zipDate()): Promise<boolean> {
  const files = trackedFiles(root);
  if (!files) return false;
  writeFileSync(path, await reproducibleZip(files.map((name) => ({ name, content: readFileSync(join(root, name)) })), date));
  return true;
}
