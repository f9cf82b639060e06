/**
 * The one switch for every fast path of the UI (forms/ui/fast/README.md lists them). On by default.
 * Off at build time with `FORMKIT_FAST=0 npm run build` (wxt.config.ts defines `__FORMKIT_FAST__`), or
 * in one browser profile with localStorage `formkit.fast` = `off`, or for one page load with `?fast=off`
 * in its address. `off:` followed by trick names (`?fast=off:table-rows`) turns only those off, so the
 * bench can measure each trick's gain in the same build and the same run, and a user hitting a suspected
 * fast-path bug can rule one out. Read once per page: a trick must not change its mind half-way through a render.
 */
declare const __FORMKIT_FAST__: boolean | undefined;

export const FAST_PATHS_KEY = 'formkit.fast';

/** The fast paths that can be turned off at run time (the build-time ones follow `__FORMKIT_FAST__` only). */
export const RUNTIME_FAST_PATHS = ['table-rows'] as const;
export type RuntimeFastPath = (typeof RUNTIME_FAST_PATHS)[number];

/** `off` → every trick off; `off:a,b` → those; anything else (or nothing) → none. */
function parseOff(value: string | null | undefined): ReadonlySet<string> | 'all' {
  if (!value) return new Set();
  if (value === 'off') return 'all';
  return value.startsWith('off:') ? new Set(value.slice(4).split(',').map((s) => s.trim())) : new Set();
}

function readSwitch(): ReadonlySet<string> | 'all' {
  if (typeof __FORMKIT_FAST__ === 'boolean' && !__FORMKIT_FAST__) return 'all';
  try {
    // `?fast=…` in the page's address wins: the bench loads the same page with and without, alternated
    const fromAddress = new URLSearchParams(globalThis.location?.search ?? '').get('fast');
    return parseOff(fromAddress ?? globalThis.localStorage?.getItem(FAST_PATHS_KEY));
  } catch {
    return new Set(); // no localStorage (a worker): the build decides
  }
}

let off: ReadonlySet<string> | 'all' | undefined;

/** Whether this fast path is on for this page. */
export function fastPathOn(trick: RuntimeFastPath): boolean {
  off ??= readSwitch();
  return off !== 'all' && !off.has(trick);
}

/** Whether every fast path is on for this page (none turned off). */
export function fastPathsOn(): boolean {
  off ??= readSwitch();
  return off !== 'all' && off.size === 0;
}

/** Tests only: read the switch again (after changing localStorage). */
export function rereadFastSwitch(): void {
  off = undefined;
}
