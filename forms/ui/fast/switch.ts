/**
 * The one switch for every fast path of the UI (forms/ui/fast/README.md lists them). On by default.
 * Off at build time with `FORMKIT_FAST=0 npm run build` (wxt.config.ts defines `__FORMKIT_FAST__`), or
 * in one browser profile with localStorage `formkit.fast` = `off`, or for one page load with `?fast=off`
 * in its address — so the bench can compare on and
 * off in the same build and the same run, and a user hitting a suspected fast-path bug can rule it out.
 * Read once per page: a trick must not change its mind half-way through a render.
 */
declare const __FORMKIT_FAST__: boolean | undefined;

export const FAST_PATHS_KEY = 'formkit.fast';

function readSwitch(): boolean {
  if (typeof __FORMKIT_FAST__ === 'boolean' && !__FORMKIT_FAST__) return false;
  try {
    // `?fast=off` in the page's address: the bench loads the same page with and without, alternated
    if (new URLSearchParams(globalThis.location?.search ?? '').get('fast') === 'off') return false;
    return globalThis.localStorage?.getItem(FAST_PATHS_KEY) !== 'off';
  } catch {
    return true; // no localStorage (a worker): the build decides
  }
}

let on: boolean | undefined;

/** Whether the fast paths are on for this page. */
export function fastPathsOn(): boolean {
  return (on ??= readSwitch());
}

/** Tests only: read the switch again (after changing localStorage). */
export function rereadFastSwitch(): void {
  on = undefined;
}
