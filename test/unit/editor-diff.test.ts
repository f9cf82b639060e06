import { beforeAll, describe, expect, it } from 'vitest';
import { migrateData } from '../../forms/core/drafts/migration';
import { diffPacks, formatDiff, parameterChangeText } from '../../forms/core/editor/pack-diff';
import { compareVersions, publishVersion } from '../../forms/core/editor/publish';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack, PackFiles } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

let files: PackFiles;
let old: Pack;
const changed = (mutate: (f: Record<string, any>) => void): Pack => {
  const f = structuredClone(files) as Record<string, any>;
  mutate(f);
  return parsePack(f);
};

beforeAll(() => {
  // a section of our own, so the test does not depend on how the shipped document evolves
  const base = readPackDir('schemas') as Record<string, any>;
  base['documents/filing-enterprise/schema.json'].properties.extra = {
    type: 'object',
    title: '附加信息',
    properties: {
      description: { type: 'string', title: '说明' },
      lastUpdated: { $ref: '#/definitions/date', title: '更新日期' },
      itemCount: { type: 'integer', title: '数量', maximum: 100 },
    },
  };
  base['documents/filing-enterprise/rules.json'].rules.push({
    id: 'test-extra-count',
    citation: { source: 'hrss-sh-2024-120', article: '3.2.2' },
    effective: { from: '2024-05-01' },
    documents: ['filing-enterprise'],
    severity: 'error',
    assert: { '<=': [{ var: 'data.extra.itemCount' }, 50] },
    paths: ['/extra/itemCount'],
    message: { zh: '数量不超过50', en: 'At most 50' },
    cases: [{ name: 'over', data: { extra: { itemCount: 60 } }, expect: ['test-extra-count'] }],
  });
  files = base;
  old = parsePack(files);
});

describe('diffPacks', () => {
  it('reports nothing between a pack and itself', () => {
    expect(diffPacks(old, old).empty).toBe(true);
  });

  it('names added, removed and changed fields by title, rules by id and message, catalogue entries by code', () => {
    const next = changed((f) => {
      const s = f['documents/filing-enterprise/schema.json'];
      s.properties.website = { type: 'string', title: '机构网站' };
      s.required.push('website');
      delete s.properties.extra.properties.description;
      s.properties.extra.properties.itemCount.maximum = 5000;
      f['documents/filing-enterprise/rules.json'].rules.find((r: { id: string }) => r.id === 'test-extra-count').severity = 'warning';
      f['reference/filing-catalog.json'].entries.push({ code: '4-04-05-01', name: '网约配送员', standardBasis: 'national-standard', levels: ['初级工'] });
    });
    const d = diffPacks(old, next);
    const doc = d.documents.find((x) => x.docId === 'filing-enterprise')!;
    expect(doc.fields).toEqual(
      expect.arrayContaining([
        { kind: 'added', pointer: '/website', title: '机构网站', details: ['required: yes'], detailsZh: ['必填'] },
        expect.objectContaining({ kind: 'removed', pointer: '/extra/description', title: '说明' }),
        expect.objectContaining({ kind: 'changed', pointer: '/extra/itemCount', title: '数量', details: ['maximum: 100 → 5000'], detailsZh: ['最大值：100 → 5000'] }),
      ]),
    );
    expect(d.rules).toEqual([expect.objectContaining({ kind: 'changed', id: 'test-extra-count', message: '数量不超过50', details: ['severity: error → warning'] })]);
    expect(d.reference).toEqual([expect.objectContaining({ file: 'reference/filing-catalog.json', added: ['4-04-05-01 网约配送员'] })]);
    const text = formatDiff(d, 'zh');
    expect(text).toContain('+ 机构网站 (/website)');
    expect(text).toContain('- 说明 (/extra/description)');
  });
});

describe('publishVersion', () => {
  it('refuses a version that does not go up, or a missing date or note', () => {
    const r = publishVersion(old, old, { version: '1.0.0', effective: '2025-13-01', changeNotes: { zh: '' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.where)).toEqual(['pack.json#/version', 'pack.json#/effective', 'pack.json#/changeNotes']);
  });

  it('writes version, date, notes and migration notes that carry drafts across a rename and show a removal', () => {
    const next = changed((f) => {
      const s = f['documents/filing-enterprise/schema.json'];
      s.properties.extra.properties.notes = s.properties.extra.properties.description;
      delete s.properties.extra.properties.description;
      delete s.properties.extra.properties.lastUpdated;
    });
    const r = publishVersion(old, next, {
      version: '9.1.0',
      effective: '2025-07-01',
      changeNotes: { zh: '题库说明改名', en: 'Question bank note renamed' },
      renames: { 'filing-enterprise': { '/extra/description': '/extra/notes' } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const published = parsePack(r.files);
    expect(published.manifest).toMatchObject({ version: '9.1.0', effective: '2025-07-01', changeNotes: { zh: '题库说明改名' } });
    const draft = { extra: { description: '自建题库', lastUpdated: '2025-01-02', itemCount: 3 } };
    const m = migrateData(published, 'filing-enterprise', old.manifest.version, draft);
    expect(m.kind).toBe('migrated');
    if (m.kind !== 'migrated') return;
    expect(m.data).toEqual({ extra: { notes: '自建题库', itemCount: 3 } });
    expect(m.notCarried).toEqual([expect.objectContaining({ path: '/extra/lastUpdated', value: '2025-01-02', reason: 'removed' })]);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
  });
});

describe('parameters and sources in the diff', () => {
  it('speaks in titles: 续期申请期限 3 → 6 个月, and names a new notice', async () => {
    const { readFileSync } = await import('node:fs');
    const { parsePack } = await import('../../forms/core/pack/parse-pack');
    const files = JSON.parse(readFileSync('generated/pack.json', 'utf8')).files;
    const params = structuredClone(files['rules/parameters.json']);
    params.parameters.renewalWindowMonths.value = 6;
    const manifest = structuredClone(files['pack.json']);
    manifest.sources.push({ id: 'hrss-sh-2025-8', file: 'sources/hrss-sh-2025-8.json' });
    const next = {
      ...files,
      'rules/parameters.json': params,
      'pack.json': manifest,
      'sources/hrss-sh-2025-8.json': { document: { id: 'hrss-sh-2025-8', number: '沪人社职〔2025〕8号', title: '关于调整续期申请期限的通知' }, articles: [{ id: '1', label: '一', text: '续期申请期限调整为六个月。' }] },
    };
    const d = diffPacks(parsePack(files), parsePack(next));
    expect(d.parameters.map((p) => parameterChangeText(p, 'zh'))).toEqual(['续期申请期限 3 → 6 个月']);
    expect(d.sources).toEqual([expect.objectContaining({ kind: 'added', label: '沪人社职〔2025〕8号 关于调整续期申请期限的通知', articles: 1 })]);
    expect(d.files).toEqual([]);
    expect(formatDiff(d, 'zh')).toContain('~ 参数 续期申请期限 3 → 6 个月');
  });
});
