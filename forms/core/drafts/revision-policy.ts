import type { Revision } from './types';

/**
 * How much history a draft keeps: the last 50 changes, plus one snapshot per calendar day
 * beyond that window (the last revision of each day), so a user can go back to "what I had on Monday"
 * without the history growing with every keystroke forever.
 */
export const KEEP_LAST_CHANGES = 50;

/** UTC day of an ISO timestamp: days are compared the same way on every machine. */
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * The revision numbers to keep, given all revisions of one draft (any order). Revisions marked as
 * carrying not-carried migration values (`reason: 'migration'`) are always kept: they are the only
 * place those values live.
 */
export function revisionsToKeep(revisions: readonly Revision[], keepLast = KEEP_LAST_CHANGES): Set<number> {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  const keep = new Set<number>();
  for (const r of sorted.slice(0, keepLast)) keep.add(r.revision);
  const seenDays = new Set<string>();
  for (const r of sorted) {
    const day = dayOf(r.at);
    if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(r.revision);
    }
    if (r.reason === 'migration') keep.add(r.revision);
  }
  return keep;
}

/** The revision numbers to delete (complement of revisionsToKeep). */
export function revisionsToPrune(revisions: readonly Revision[], keepLast = KEEP_LAST_CHANGES): number[] {
  const keep = revisionsToKeep(revisions, keepLast);
  return revisions.filter((r) => !keep.has(r.revision)).map((r) => r.revision);
}
