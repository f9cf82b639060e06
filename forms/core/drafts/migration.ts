import type { Localized, Pack } from '../pack/types';
import type { DraftData, NotCarried } from './types';
import { getAt, isSafeSegment, joinPointer, pointerSegments, removeAt } from '../schema/json-pointer';

/**
 * Migration of a draft's data across pack versions, driven by the pack's migration notes
 * (`schemas/migrations.json`):
 *
 *   { "migrations": [ { "docId", "fromVersion", "toVersion",
 *                       "renames": { "/old/pointer": "/new/pointer" }, "removals": ["/pointer"],
 *                       "values": [ { "path": "/tier", "equals": "illegal", "set": { "/lawBreach": true } } ],
 *                       "note": { "zh", "en" } } ] }
 *
 * `values` retire a coded value: where the value at `path` equals `equals`, the pointers in `set` receive
 * their values and the old value is removed (and reported), since the new version has no such code.
 *
 * A pointer segment `*` means "every array item" (so sites' `addr` → `address` is one note). Values are
 * carried where possible; anything that cannot be carried (removed field, target already holding a
 * value, no place to put it) is returned in `notCarried` so the caller shows it and keeps it in the
 * draft's history — never dropped silently.
 */
export interface MigrationNote {
  docId: string;
  fromVersion: string;
  toVersion: string;
  renames?: Record<string, string>;
  removals?: string[];
  values?: ValueReplacement[];
  note?: Localized;
}

/** A coded value the new version no longer has: where `path` holds `equals`, write `set` and drop the old value. */
export interface ValueReplacement {
  path: string;
  equals: unknown;
  set?: Record<string, unknown>;
}

export type MigrationResult =
  | { kind: 'current'; data: DraftData }
  | { kind: 'migrated'; data: DraftData; notCarried: NotCarried[]; steps: MigrationNote[] }
  /** no chain of notes leads from the draft's version to the pack's: the data is left exactly as it was */
  | { kind: 'no-path'; data: DraftData };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function migrationNotes(pack: Pack): MigrationNote[] {
  const file = pack.files['migrations.json'];
  if (!isObj(file) || !Array.isArray((file as { migrations?: unknown }).migrations)) return [];
  return (file as { migrations: MigrationNote[] }).migrations;
}

// a migration's `/` means the whole draft, as `''` does
const split = pointerSegments; // `/` is the whole draft; a segment reaching the prototype throws (UnsafePointerError)
const join = joinPointer;
const get = getAt;
const remove = removeAt;

/** Sets a value, creating missing parent objects; false when a parent exists but is not an object. */
function set(data: Record<string, unknown>, segs: readonly string[], value: unknown): boolean {
  if (!segs.every(isSafeSegment)) return false;
  let cur: Record<string, unknown> = data;
  for (const s of segs.slice(0, -1)) {
    const next = cur[s];
    if (next === undefined) cur[s] = {};
    else if (!isObj(next)) return false;
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]] = value;
  return true;
}

/** Concrete paths matching a pattern with `*` segments, with the indices that filled the stars. */
function expand(data: unknown, pattern: readonly string[]): { segs: string[]; stars: string[] }[] {
  const out: { segs: string[]; stars: string[] }[] = [];
  const walk = (node: unknown, i: number, segs: string[], stars: string[]) => {
    if (i === pattern.length) {
      out.push({ segs, stars });
      return;
    }
    if (pattern[i] === '*') {
      if (Array.isArray(node)) node.forEach((child, k) => walk(child, i + 1, [...segs, String(k)], [...stars, String(k)]));
      return;
    }
    if (!isObj(node)) return;
    walk((node as Record<string, unknown>)[pattern[i]], i + 1, [...segs, pattern[i]], stars);
  };
  walk(data, 0, [], []);
  return out.filter((p) => get(data, p.segs) !== undefined);
}

function fill(pattern: readonly string[], stars: readonly string[]): string[] {
  let k = 0;
  return pattern.map((s) => (s === '*' ? (stars[k++] ?? '0') : s));
}

/** Applies one note to a copy of the data. */
export function applyNote(data: DraftData, note: MigrationNote): { data: DraftData; notCarried: NotCarried[] } {
  const out = structuredClone(data);
  const notCarried: NotCarried[] = [];
  const lost = (path: string, value: unknown, reason: NotCarried['reason']) =>
    notCarried.push({ path, value: structuredClone(value), fromVersion: note.fromVersion, toVersion: note.toVersion, reason });
  for (const [from, to] of Object.entries(note.renames ?? {})) {
    const fromPat = split(from);
    const toPat = split(to);
    for (const hit of expand(out, fromPat)) {
      const value = get(out, hit.segs);
      const target = fill(toPat, hit.stars);
      remove(out, hit.segs);
      if (get(out, target) !== undefined) lost(join(hit.segs), value, 'target-occupied');
      else if (!set(out, target, value)) lost(join(hit.segs), value, 'missing-parent');
    }
  }
  for (const v of note.values ?? []) {
    for (const hit of expand(out, split(v.path))) {
      if (JSON.stringify(get(out, hit.segs)) !== JSON.stringify(v.equals)) continue;
      lost(join(hit.segs), get(out, hit.segs), 'removed');
      remove(out, hit.segs);
      for (const [ptr, value] of Object.entries(v.set ?? {})) {
        // `set` pointers are relative to the document, `*` filled from the matched path
        const target = fill(split(ptr), hit.stars);
        if (target.length && get(out, target) === undefined) set(out, target, structuredClone(value));
      }
    }
  }
  for (const path of note.removals ?? []) {
    for (const hit of expand(out, split(path))) {
      lost(join(hit.segs), get(out, hit.segs), 'removed');
      remove(out, hit.segs);
    }
  }
  return { data: out, notCarried };
}

/** Finds the chain of notes from `fromVersion` to `toVersion` for one document (breadth-first). */
export function migrationPath(notes: readonly MigrationNote[], docId: string, fromVersion: string, toVersion: string): MigrationNote[] | null {
  if (fromVersion === toVersion) return [];
  const mine = notes.filter((n) => n.docId === docId);
  const queue: { at: string; path: MigrationNote[] }[] = [{ at: fromVersion, path: [] }];
  const seen = new Set([fromVersion]);
  while (queue.length) {
    const { at, path } = queue.shift()!;
    for (const n of mine.filter((m) => m.fromVersion === at && !seen.has(m.toVersion))) {
      const next = [...path, n];
      if (n.toVersion === toVersion) return next;
      seen.add(n.toVersion);
      queue.push({ at: n.toVersion, path: next });
    }
  }
  return null;
}

/** Brings a draft's data from the version it was made with to the pack's current version. */
export function migrateData(pack: Pack, docId: string, fromVersion: string, data: DraftData): MigrationResult {
  const to = pack.manifest.version;
  if (fromVersion === to) return { kind: 'current', data };
  const steps = migrationPath(migrationNotes(pack), docId, fromVersion, to);
  if (!steps) return { kind: 'no-path', data };
  let cur = data;
  const notCarried: NotCarried[] = [];
  for (const step of steps) {
    const r = applyNote(cur, step);
    cur = r.data;
    notCarried.push(...r.notCarried);
  }
  return { kind: 'migrated', data: cur, notCarried, steps };
}
