/**
 * Production and test builds. What the stores get must not carry what only our tests need: the demo
 * portals' maps (they point at this machine) and host permissions for the loopback hosts. A test build
 * (`FORMKIT_TEST=1`, `npm run build:test`, what the end-to-end tests and `npm start` load) keeps both, and
 * is written to its own folder so it is never zipped for a store by mistake.
 *
 * A portal map is a test fixture when every origin it lists is a loopback host: no official portal is
 * served from the user's own machine, whatever the map is called or wherever its file sits.
 */
import type { PackFiles } from '../core/pack/types';

export const isTestBuild = (env: NodeJS.ProcessEnv = process.env): boolean => env.FORMKIT_TEST === '1';

/** Where a build is written: `.output` for production, `.output-test` for a test build (FORMKIT_OUT_DIR prefixes both). */
export function buildOutDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.FORMKIT_OUT_DIR ?? '.output';
  return isTestBuild(env) ? `${base}-test` : base;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host of an origin or match pattern (`http://127.0.0.1:*`, `http://localhost/*`, `*://[::1]/*`), lower case. */
function hostOf(pattern: string): string | null {
  const m = /^[a-z*]+:\/\/(\[[^\]]*\]|[^/:]*)/i.exec(pattern.trim());
  return m ? m[1].toLowerCase() : null;
}

/** True for a pattern that names a loopback host (`*.localhost` too). */
export function isLoopbackPattern(pattern: string): boolean {
  const host = hostOf(pattern);
  if (host === null) return false;
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface FixtureProblem {
  file: string;
  zh: string;
  en: string;
}

/**
 * The pack a store build ships: every file but the portal maps that are test fixtures. A map that
 * lists a real origin next to a loopback one is refused rather than trimmed: it is a mistake, and
 * trimming would quietly ship a map nobody tested in that form.
 */
export function withoutFixtures(files: PackFiles): { files: PackFiles; dropped: string[]; problems: FixtureProblem[] } {
  const out: PackFiles = {};
  const dropped: string[] = [];
  const problems: FixtureProblem[] = [];
  for (const [path, content] of Object.entries(files)) {
    const origins = path.startsWith('portals/') ? portalOrigins(content) : null;
    if (origins && origins.length && origins.every(isLoopbackPattern)) {
      dropped.push(path);
      continue;
    }
    const loopback = origins?.filter(isLoopbackPattern) ?? [];
    if (loopback.length) {
      problems.push({
        file: path,
        zh: `门户映射同时列出本机地址（${loopback.join('、')}）和正式地址：演示门户的映射须单独成文件`,
        en: `the portal map lists loopback origins (${loopback.join(', ')}) beside real ones: keep demo portal maps in a file of their own`,
      });
    }
    out[path] = content;
  }
  return { files: out, dropped, problems };
}

function portalOrigins(content: unknown): string[] | null {
  if (!content || typeof content !== 'object') return null;
  const origins = (content as { origins?: unknown }).origins;
  return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : null;
}

/** The manifest keys that grant hosts; a store build keeps none that names a loopback host. */
const HOST_KEYS = ['host_permissions', 'optional_host_permissions', 'permissions', 'optional_permissions'] as const;

/** Removes loopback hosts from a generated manifest (in place); returns what was removed. */
export function stripLoopbackHosts(manifest: Record<string, unknown>): string[] {
  const removed: string[] = [];
  for (const key of HOST_KEYS) {
    const list = manifest[key];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((p) => !(typeof p === 'string' && isLoopbackPattern(p) && removed.push(`${key}: ${p}`)));
    if (kept.length) manifest[key] = kept;
    else delete manifest[key];
  }
  const scripts = manifest.content_scripts;
  if (Array.isArray(scripts)) {
    const kept = scripts.filter((s: { matches?: unknown }) => {
      const matches = Array.isArray(s.matches) ? (s.matches as string[]) : [];
      if (matches.length && matches.every(isLoopbackPattern)) {
        removed.push(`content_scripts: ${matches.join(' ')}`);
        return false;
      }
      return true;
    });
    if (kept.length) manifest.content_scripts = kept;
    else delete manifest.content_scripts;
  }
  return removed;
}

/** Loopback hosts a manifest still grants (empty for a good store build). */
export function loopbackGrants(manifest: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const key of HOST_KEYS) {
    const list = manifest[key];
    if (Array.isArray(list)) for (const p of list) if (typeof p === 'string' && isLoopbackPattern(p)) found.push(`${key}: ${p}`);
  }
  for (const s of (manifest.content_scripts as { matches?: string[] }[] | undefined) ?? []) {
    for (const p of s.matches ?? []) if (isLoopbackPattern(p)) found.push(`content_scripts: ${p}`);
  }
  return found;
}

/** Portal maps in a pack's files that are test fixtures (empty for a good store build). */
export function fixtureMaps(files: PackFiles): string[] {
  return withoutFixtures(files).dropped;
}
