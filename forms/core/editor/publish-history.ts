/**
 * The bureau's record of what it published: one entry per signed version, newest last. It is what the
 * next version number is checked against, so a reload of the editor (which starts again from the
 * installed or bundled pack) cannot offer, or sign, a version that was already published.
 */
import type { Localized } from '../pack/types';
import { compareVersions } from './publish';

export interface PublishedVersion {
  version: string;
  /** ISO date-time of the signing */
  at: string;
  effective: string;
  notes: Localized;
  /** SHA-256 of the pack's files, as in the signed file */
  hash: string;
  keyId: string;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** Entries that read as published versions; anything else (a damaged record) is left out. */
export function readHistory(raw: unknown): PublishedVersion[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((e): e is PublishedVersion => {
    const o = e as Record<string, unknown>;
    return typeof e === 'object' && e !== null && isStr(o.version) && isStr(o.at) && isStr(o.hash) && typeof o.notes === 'object' && o.notes !== null;
  });
}

/** The highest version among the pack the edits started from and everything published. */
export function highestVersion(baseVersion: string, history: readonly PublishedVersion[]): string {
  return history.reduce((hi, e) => (compareVersions(e.version, hi) > 0 ? e.version : hi), baseVersion);
}
