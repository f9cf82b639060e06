/**
 * Publishing a new pack version: version number, effective date and change notes in the manifest, and
 * migration notes for drafts (`migrations.json`, the format forms/core/drafts/migration.ts applies).
 */
import type { MigrationNote } from '../drafts/migration';
import { dateProblem } from '../formats/calendar-date';
import type { Localized, Pack, PackFiles, PackManifest } from '../pack/types';
import { schemaFields } from './schema-fields';
import type { PackProblem } from './problem';

export interface PublishInput {
  version: string;
  effective: string;
  changeNotes: Localized;
  /** field renames the editor recorded, per document: old data pointer → new */
  renames?: Record<string, Record<string, string>>;
  /** the highest version published so far (the publish history), when above the previous pack's */
  lastPublished?: string;
}

/** -1, 0, 1 for dotted numeric versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export function nextPatchVersion(v: string): string {
  const p = v.split('.').map(Number);
  return p.length === 3 && p.every(Number.isFinite) ? `${p[0]}.${p[1]}.${p[2] + 1}` : v;
}

/**
 * Migration notes from the previous version's documents to the new ones: recorded renames, and every
 * field that disappeared (so drafts show the value instead of dropping it silently).
 */
export function migrationNotesFor(previous: Pack, next: Pack, version: string, renames: PublishInput['renames'] = {}): MigrationNote[] {
  const notes: MigrationNote[] = [];
  for (const docId of previous.manifest.documents) {
    const before = previous.documents[docId];
    const after = next.documents[docId];
    if (!before || !after) continue;
    const nowFields = new Set(schemaFields(after.schema, next.definitions).map((f) => f.pointer));
    const docRenames = Object.fromEntries(Object.entries(renames[docId] ?? {}).filter(([from, to]) => from !== to && nowFields.has(to)));
    const renamed = new Set(Object.keys(docRenames));
    const removals = schemaFields(before.schema, previous.definitions)
      .map((f) => f.pointer)
      .filter((p) => !nowFields.has(p) && !renamed.has(p))
      // a removed parent covers its children
      .filter((p, _i, all) => !all.some((q) => q !== p && p.startsWith(`${q}/`)));
    if (!renamed.size && !removals.length) continue;
    notes.push({
      docId,
      fromVersion: previous.manifest.version,
      toVersion: version,
      ...(renamed.size ? { renames: docRenames } : {}),
      ...(removals.length ? { removals } : {}),
      note: { zh: `文书包 ${version} 调整了字段`, en: `Fields changed in pack ${version}` },
    });
  }
  return notes;
}

export type PublishResult = { ok: true; files: PackFiles; notes: MigrationNote[] } | { ok: false; problems: PackProblem[] };

export function publishVersion(previous: Pack, draft: Pack, input: PublishInput): PublishResult {
  const problems: PackProblem[] = [];
  const floor = input.lastPublished && compareVersions(input.lastPublished, previous.manifest.version) > 0 ? input.lastPublished : previous.manifest.version;
  if (!/^\d+\.\d+\.\d+$/.test(input.version)) {
    problems.push({ where: 'pack.json#/version', zh: `版本号须为“主.次.修订”三段数字，例如 ${nextPatchVersion(floor)}`, en: `the version must be three numbers, major.minor.patch, e.g. ${nextPatchVersion(floor)}` });
  } else if (compareVersions(input.version, floor) <= 0) {
    const published = floor === input.lastPublished;
    problems.push({
      where: 'pack.json#/version',
      zh: `版本号 ${input.version} 不高于${published ? '已发布的' : '当前的'} ${floor}：同一版本号不能发布两次，请改为 ${nextPatchVersion(floor)} 或更高`,
      en: `version ${input.version} is not above the ${published ? 'published' : 'current'} ${floor}: a version number is never published twice; use ${nextPatchVersion(floor)} or higher`,
    });
  }
  if (dateProblem(input.effective) !== null) problems.push({ where: 'pack.json#/effective', zh: '生效日期须为 YYYY-MM-DD', en: 'effective date must be YYYY-MM-DD' });
  if (!input.changeNotes.zh.trim()) problems.push({ where: 'pack.json#/changeNotes', zh: '请填写变更说明', en: 'change notes are required' });
  if (problems.length) return { ok: false, problems };
  const notes = migrationNotesFor(previous, draft, input.version, input.renames);
  const manifest: PackManifest = { ...draft.manifest, version: input.version, effective: input.effective, changeNotes: input.changeNotes };
  // the files as written: parameter placeholders in texts are published, not their values
  const source = draft.sourceFiles ?? draft.files;
  const existing = (source['migrations.json'] as { migrations?: MigrationNote[] } | undefined) ?? {};
  const files: PackFiles = {
    ...source,
    'pack.json': manifest,
    'migrations.json': { ...existing, migrations: [...(existing.migrations ?? []), ...notes] },
  };
  return { ok: true, files, notes };
}
