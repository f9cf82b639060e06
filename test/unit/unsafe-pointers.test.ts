/** Pointers read from pack data never reach an object's prototype: refused by pack check, never written. */
import { afterEach, describe, expect, it } from 'vitest';
import { prefillData } from '../../forms/core/checks/prefill';
import type { CheckDef } from '../../forms/core/checks/types';
import { migrateData, type MigrationNote } from '../../forms/core/drafts/migration';
import { checkPack } from '../../forms/core/editor/check-pack';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

const shipped = readPackDir('schemas');
afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).isAdmin;
});

const note = (renames: Record<string, string>, removals: string[] = []): MigrationNote => ({
  docId: 'filing-enterprise',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  renames,
  removals,
  note: { zh: '改', en: 'changed' },
});
const withNotes = (notes: MigrationNote[]): PackFiles => ({ ...shipped, 'pack.json': { ...(shipped['pack.json'] as object), version: '1.1.0' }, 'migrations.json': { migrations: notes } });

describe('prototype pointers', () => {
  it('a migration note renaming into /__proto__/isAdmin is refused by pack check and sets nothing when applied', () => {
    const files = withNotes([note({ '/contact/mobile': '/__proto__/isAdmin' }), note({ '/constructor/prototype/isAdmin': '/x' }, ['/prototype/y'])]);
    const problems = checkPack(files, { runCases: false });
    expect(problems.filter((p) => p.where.startsWith('migrations.json')).map((p) => p.where)).toEqual([
      'migrations.json#/migrations/0',
      'migrations.json#/migrations/1',
      'migrations.json#/migrations/1',
    ]);
    const pack = parsePack(files);
    let err: unknown;
    try {
      migrateData(pack, 'filing-enterprise', '1.0.0', { contact: { mobile: 'true' } });
    } catch (e) {
      err = e;
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((err as { zh?: string } | undefined)?.zh).toContain('__proto__');
  });

  it('a check prefill target /__proto__/isAdmin is refused by pack check and never written', () => {
    const files = structuredClone(shipped) as Record<string, any>;
    files['checks/route.json'].prefill = { '/__proto__/isAdmin': 'ownership' };
    expect(checkPack(files, { runCases: false }).map((p) => p.where)).toContain('checks/route.json#/prefill/~1__proto__~1isAdmin');
    const def = { ...files['checks/route.json'] } as CheckDef;
    const data = prefillData(def, { ownership: 'yes' });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(data).toEqual({});
  });
});
