import { describe, expect, it } from 'vitest';
import { catalogFromRows, checkCatalog, parseCsv } from '../../forms/core/editor/catalog-import';

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
