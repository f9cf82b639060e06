import type { Draft } from './types';

/**
 * A write was made against a revision that is no longer the stored one: another tab (or window)
 * saved in between. Nothing was written; the caller lets the user choose (keep mine / take theirs /
 * see both) — no silent overwrite.
 */
export class StaleRevisionError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly expected: number,
    readonly stored: Draft,
  ) {
    super(`stale revision: expected ${expected}, stored ${stored.revision}`);
    this.name = 'StaleRevisionError';
    this.zh = `此草稿已在其他标签页中修改（第 ${stored.revision} 版，你编辑的是第 ${expected} 版）。`;
    this.en = `This draft was changed in another tab (revision ${stored.revision}; you were editing revision ${expected}).`;
  }
}
