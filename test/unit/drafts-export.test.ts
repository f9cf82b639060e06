/** Export → import: lossless round trip, and every kind of bad file refused whole with where it is wrong. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { buildExport, checkImport, MAX_IMPORT_BYTES, planAttachments, planImport, serializeExport } from '../../forms/core/drafts/export-format';
import type { Draft } from '../../forms/core/drafts/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';

const pack = parsePack(readPackDir('schemas'));
const sample = JSON.parse(readFileSync('schemas/documents/filing-enterprise/samples/valid-central-soe.json', 'utf8')) as Record<string, unknown>;

function drafts(): Draft[] {
  const a = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案', data: sample, status: 'valid' });
  const b = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案', data: { institution: { name: '半成品公司' } } });
  b.notCarried = [{ path: '/old', value: 1, fromVersion: '0.9.0', toVersion: '1.0.0', reason: 'removed' }];
  b.revision = 7;
  return [a, b];
}

async function fileText(list = drafts()) {
  return serializeExport(await buildExport(pack, list));
}

async function resign(obj: Record<string, unknown>): Promise<string> {
  // a tampered file with a fresh checksum, so the check under test is the one that fails
  const { sha256Hex } = await import('../../forms/core/drafts/checksum');
  const { checksum: _c, ...rest } = obj;
  return JSON.stringify({ ...rest, checksum: await sha256Hex(rest) });
}

describe('drafts export and import', () => {
  it('round-trips all drafts exactly', async () => {
    const list = drafts();
    const check = await checkImport(pack, await fileText(list));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.file.drafts).toEqual(list);
    expect(check.file).toMatchObject({ format: 'formkit-drafts', formatVersion: 1, packId: pack.manifest.id, packVersion: pack.manifest.version });
    expect(check.file.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips attachments and follows a draft that is given a new id', async () => {
    const list = drafts();
    const bytes = 'JVBERi0xLjQK营业执照';
    const base64 = Buffer.from(bytes).toString('base64');
    const att = { id: 'b-1', draftId: list[0].id, name: '营业执照.pdf', type: 'application/pdf', size: Buffer.from(bytes).length, base64 };
    const text = serializeExport(await buildExport(pack, list, new Date(), [att]));
    const r = await checkImport(pack, text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.file.attachments).toEqual([att]);
    const planned = planImport(r.file, new Set([list[0].id]), () => 'renamed');
    expect(planAttachments(r.file, planned)).toEqual([{ ...att, draftId: 'renamed' }]);

    const bad = JSON.parse(text);
    bad.attachments[0].size = 1;
    bad.attachments.push({ ...att, id: 'b-2', draftId: 'nobody' });
    const refused = await checkImport(pack, await resign(bad));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.where)).toEqual(['/attachments/0/size', '/attachments/1/draftId']);
  });

  it('refuses malformed JSON', async () => {
    const r = await checkImport(pack, (await fileText()).slice(0, -10));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'malformed-json', where: 'file' }] });
  });

  it('refuses a wrong format version', async () => {
    const obj = JSON.parse(await fileText());
    const r = await checkImport(pack, await resign({ ...obj, formatVersion: 99 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ code: 'format-version', where: '/formatVersion' })]);
    expect(r.problems[0].zh).toContain('99');
  });

  it('refuses a checksum mismatch (one value changed by hand)', async () => {
    const obj = JSON.parse(await fileText());
    obj.drafts[0].title = '被改过';
    const r = await checkImport(pack, JSON.stringify(obj));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'checksum', where: '/checksum' }] });
  });

  it('refuses an unknown document and says which draft', async () => {
    const obj = JSON.parse(await fileText());
    obj.drafts[1].docId = 'no-such-document';
    const r = await checkImport(pack, await resign(obj));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'unknown-document', where: '/drafts/1/docId' }] });
    if (!r.ok) expect(r.problems[0].en).toContain('no-such-document');
  });

  it('refuses an oversized file before reading it', async () => {
    const r = await checkImport(pack, '{}', MAX_IMPORT_BYTES + 1);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'oversized', where: 'file' }] });
    if (!r.ok) expect(r.problems[0].zh).toContain('20.0 MB');
  });

  it('refuses values of wrong types, naming each place', async () => {
    const obj = JSON.parse(await fileText());
    obj.drafts[0].revision = '3';
    obj.drafts[0].data.institution = '一个字符串';
    obj.drafts[1].data.occupations = { code: 'x' };
    obj.drafts[1].status = 'done';
    const r = await checkImport(pack, await resign(obj));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.where).sort()).toEqual(['/drafts/0/data/institution', '/drafts/0/revision', '/drafts/1/data/occupations', '/drafts/1/status']);
    expect(r.problems.find((p) => p.where === '/drafts/0/data/institution')?.zh).toContain('应为 object');
  });

  it('an import never overwrites: a draft whose id is taken comes in as a copy', async () => {
    const list = drafts();
    const r = await checkImport(pack, await fileText(list));
    if (!r.ok) throw new Error('should pass');
    let n = 0;
    const planned = planImport(r.file, new Set([list[0].id]), () => `new-${++n}`);
    expect(planned.map((d) => d.id)).toEqual(['new-1', list[1].id]);
    expect(planned[0].data).toEqual(list[0].data);
  });
});
