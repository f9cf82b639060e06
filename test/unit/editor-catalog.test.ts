import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalogChange, catalogFromRows, catalogRows, checkCatalog, decodeCsvBytes, normalizeLevels, parseCsv, toCsv } from '../../forms/core/editor/catalog-import';

const occupations = [
  { code: '6-31-01-03', name: '电工' },
  { code: '6-18-02-04', name: '焊工' },
];
const levels = ['初级工', '中级工', '高级工', '技师', '高级技师'];

describe('filing catalogue import', () => {
  it('reads a CSV with Chinese headings, quotes and a BOM', () => {
    const csv = '\uFEFF职业编码,职业名称,评价依据,等级\r\n6-31-01-03,电工,国家职业标准,"初级工、中级工,高级工"\r\n6-18-02-04,"焊工",评价规范,技师\r\n';
    const r = catalogFromRows(parseCsv(csv), 'catalog.csv');
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([
      { code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工', '中级工', '高级工'] },
      { code: '6-18-02-04', name: '焊工', standardBasis: 'evaluation-spec', levels: ['技师'] },
    ]);
  });

  it('names missing columns and unreadable rows', () => {
    expect(catalogFromRows([['code', 'name']], 'x.csv').problems[0].zh).toContain('缺少列');
    const r = catalogFromRows([['code', 'name', 'standardBasis', 'levels'], ['6-31-01-03', '电工', '随便', '初级工']], 'x.xlsx');
    expect(r.problems).toEqual([expect.objectContaining({ where: 'x.xlsx 第2行' })]);
  });

  it('checks codes and names against the 2022 classification and levels against the level list', () => {
    const problems = checkCatalog(
      [
        { code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工'] },
        { code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工'] },
        { code: '9-99-99-99', name: '不存在', standardBasis: 'national-standard', levels: ['五星'] },
        { code: '6-18-02-04', name: '电焊工', standardBasis: 'evaluation-spec', levels: ['技师'] },
      ],
      occupations,
      levels,
    );
    expect(problems.map((p) => p.where)).toEqual([
      'reference/filing-catalog.json#/entries/1/code',
      'reference/filing-catalog.json#/entries/2/code',
      'reference/filing-catalog.json#/entries/2/levels',
      'reference/filing-catalog.json#/entries/3/name',
    ]);
    expect(problems[3].zh).toContain('“焊工”');
  });
});

describe('catalogue files from Chinese Windows, merge or replace, export', () => {
  const ladder = [
    { name: '初级工', grade: '五级', aliases: ['五级'] },
    { name: '中级工', grade: '四级', aliases: ['四级'] },
    { name: '高级工', grade: '三级', aliases: ['三级'] },
  ];
  it('reads a GBK CSV as Excel/WPS write it, and takes 五级/四级 as level names', () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/editor/catalog-gbk.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('gb18030');
    const r = catalogFromRows(parseCsv(text), 'gbk.csv');
    expect(r.problems).toEqual([]);
    const entries = normalizeLevels(r.entries, ladder);
    expect(entries[0]).toEqual({ code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工', '中级工', '高级工'] });
    expect(checkCatalog(entries, [...occupations, { code: '4-10-03-01', name: '美容师' }], ['初级工', '中级工', '高级工'])).toEqual([]);
    // UTF-8 with and without BOM still reads as UTF-8
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFF职业编码')).text).toBe('职业编码');
  });

  it('merge keeps the rest and updates in place; replace shows what goes', () => {
    const current = [
      { code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工'] },
      { code: '6-18-02-04', name: '焊工', standardBasis: 'national-standard', levels: ['技师'] },
    ];
    const incoming = [
      { code: '4-10-03-01', name: '美容师', standardBasis: 'national-standard', levels: ['初级工'] },
      { code: '6-31-01-03', name: '电工', standardBasis: 'national-standard', levels: ['初级工', '中级工'] },
    ];
    const merged = catalogChange(current, incoming, 'merge');
    expect(merged.entries.map((e) => e.code)).toEqual(['6-31-01-03', '6-18-02-04', '4-10-03-01']);
    expect([merged.added.length, merged.changed.length, merged.removed.length]).toEqual([1, 1, 0]);
    const replaced = catalogChange(current, incoming, 'replace');
    expect(replaced.removed.map((e) => e.code)).toEqual(['6-18-02-04']);
    expect(replaced.entries).toEqual(incoming);
  });

  it('exports a CSV the import reads back exactly', () => {
    const entries = [{ code: '6-31-01-03', name: '电工, "维修"', standardBasis: 'evaluation-spec', levels: ['初级工', '中级工'] }];
    const csv = toCsv(catalogRows(entries));
    expect(csv.startsWith('\uFEFF职业编码,职业名称,评价依据,等级\r\n')).toBe(true);
    expect(catalogFromRows(parseCsv(csv)).entries).toEqual(entries);
  });
});
