import type { Localized, Pack } from '../pack/types';
import { pointerSegments } from '../pack/json-pointer';
import type { DraftData, NotCarried } from './types';

/**
 * Migration of a draft's data across pack versions, driven by the pack's migration notes
 * (`schemas/migrations.json`):
 *
 *   { "migrations": [ { "docId", "fromVersion", "toVersion",
 *                       "renames": { "/old/pointer": "/new/pointer" }, "removals": ["/pointer"],
 *                       "note": { "zh", "en" } } ] }
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
  note?: Localized;
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

const split = pointerSegments; // refuses __proto__ / constructor / prototype segments
const join = (segs: readonly string[]) => (segs.length ? `/${segs.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '');

function get(data: unknown, segs: readonly string[]): unknown {
  let cur = data;
  for (const s of segs) {
    if (!isObj(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

function remove(data: unknown, segs: readonly string[]): void {
  const parent = get(data, segs.slice(0, -1));
  if (isObj(parent) && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[segs[segs.length - 1]];
}

/** Sets a value, creating missing parent objects; false when a parent exists but is not an object. */
function set(data: Record<string, unknown>, segs: readonly string[], value: unknown): boolean {
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
