import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { evaluateRules, evaluateRule } from '../../forms/core/rules/evaluate-rules';
import { interpolate } from '../../forms/core/rules/interpolate';
import { OPERATIONS } from '../../forms/core/rules/operations';
import { withPack } from '../../forms/core/rules/pack-context';
import { runRuleCase } from '../../forms/core/rules/run-case';
import type { Rule } from '../../forms/core/rules/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

const pack = parsePack(readPackDir('schemas'));
const ctx = { today: '2025-06-01', lang: 'zh' as const };

const rule = (over: Partial<Rule>): Rule => ({
  id: 'test-rule',
  citation: { source: 'hrss-sh-2024-120', article: '3.4.3' },
  effective: { from: '2024-05-01' },
  documents: ['filing-enterprise'],
  severity: 'error',
  paths: ['/expiryDate'],
  message: { zh: '续期窗口 {params.windowMonths} 个月，{let.opens} 起', en: 'Window {params.windowMonths} months from {let.opens}' },
  ...over,
});

describe('date operations', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(OPERATIONS.add_months('2025-05-31', -3)).toBe('2025-02-28');
    expect(OPERATIONS.add_months('2024-05-31', -3)).toBe('2024-02-29');
    expect(OPERATIONS.add_months('2025-08-15', -3)).toBe('2025-05-15');
    expect(OPERATIONS.add_months('2025-13-01', 1)).toBeNull();
  });
  it('counts days and compares only real dates', () => {
    expect(OPERATIONS.days_between('2025-06-01', '2025-06-30')).toBe(29);
    expect(OPERATIONS.date_before('2025-06-01', '2025-06-02')).toBe(true);
    expect(OPERATIONS.date_before('2025-06-02', '2025-06-02')).toBe(false);
    expect(OPERATIONS.date_on_or_before('2025-06-02', '2025-06-02')).toBe(true);
    expect(OPERATIONS.date_before('2025-02-30', '2025-06-02')).toBe(false);
    expect(OPERATIONS.date_before(undefined, '2025-06-02')).toBe(false);
  });
});

describe('data-shaping operations', () => {
  it('counts whole years, reads a birth date from a resident ID, and reshapes lists without losing rows', () => {
    expect(OPERATIONS.years_between('2022-08-05', '2025-08-05')).toBe(3);
    expect(OPERATIONS.years_between('2022-08-06', '2025-08-05')).toBe(2);
    expect(OPERATIONS.birth_date('11010519491231002X')).toBe('1949-12-31');
    expect(OPERATIONS.birth_date('110105194913310021')).toBeNull();
    expect(OPERATIONS.object('a', 1, 'b', [2])).toEqual({ a: 1, b: [2] });
    expect(OPERATIONS.with_years([{ d: '2020-01-01' }, 'junk'], 'd', '2025-06-01', 'y')).toEqual([{ d: '2020-01-01', y: 5 }, { y: null }]);
    expect(OPERATIONS.relabel([{ kind: 'bachelor' }, { kind: 'junior-high' }], 'kind', { bachelor: 'undergraduate' })).toEqual([{ kind: 'undergraduate' }, { kind: null }]);
  });
});

describe('reference lookups', () => {
  it('finds catalogue entries, occupation names and ladder aliases in the pack', () => {
    withPack(pack, () => {
      expect((OPERATIONS.catalog_entry('3-01-02-07') as { standardBasis: string }).standardBasis).toBe('evaluation-spec');
      expect(OPERATIONS.catalog_entry('9-99-99-99')).toBeNull();
      expect(OPERATIONS.occupation_name('6-31-01-03')).toBe('电工');
      expect(OPERATIONS.level_name('五级')).toBe('初级工');
      expect(OPERATIONS.level_rank('一级')).toBe(5);
      expect(OPERATIONS.level_enterprise_only('首席技师')).toBe(true);
      expect(OPERATIONS.district_name('310115')).toBe('浦东新区');
    });
  });
});

describe('rule evaluation', () => {
  const window = rule({
    params: { windowMonths: { $param: 'renewalWindowMonths' } },
    let: { opens: { add_months: [{ var: 'data.expiryDate' }, { '-': [0, { var: 'params.windowMonths' }] }] } },
    assert: { date_on_or_after: [{ var: 'data.submittedOn' }, { var: 'let.opens' }] },
  });

  it('fires with a message built from data, shared parameters and computed values', () => {
    const f = evaluateRule(pack, window, { expiryDate: '2025-08-31', submittedOn: '2025-05-01' }, ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: '/expiryDate', severity: 'error', ruleId: 'test-rule', message: '续期窗口 3 个月，2025-05-31 起' });
    expect(f[0].citation).toEqual({ source: 'hrss-sh-2024-120', article: '3.4.3', label: '三（四）3' });
    expect(evaluateRule(pack, window, { expiryDate: '2025-08-31' }, { ...ctx, lang: 'en' })).toEqual([]);
  });

  it('does not apply when its inputs are absent, and never throws on odd data', () => {
    expect(evaluateRule(pack, window, {}, ctx)).toEqual([]);
    expect(evaluateRule(pack, window, { expiryDate: '', submittedOn: '2025-05-01' }, ctx)).toEqual([]);
    expect(evaluateRules(pack, 'filing-enterprise', { occupations: 'not a list', sites: [null, 3], scope: 7 }, ctx)).toEqual([]);
    expect(evaluateRules(pack, 'filing-enterprise', null, ctx)).toEqual([]);
    expect(evaluateRules(pack, 'no-such-document', {}, ctx)).toEqual([]);
  });

  it('evaluates per row and attaches to the row path', () => {
    const perRow = rule({ forEach: 'data.rows', assert: { '>': [{ var: 'row.n' }, 0] }, paths: ['/rows/{index}/n'], message: { zh: '第{rowNumber}行', en: 'row {rowNumber}' } });
    const f = evaluateRule(pack, perRow, { rows: [{ n: 1 }, { n: 0 }, {}] }, ctx);
    expect(f.map((x) => [x.path, x.message])).toEqual([['/rows/1/n', '第2行']]);
  });

  it('respects its validity window', () => {
    const dated = rule({ effective: { from: '2024-05-01', until: '2024-12-31' } });
    expect(evaluateRule(pack, dated, {}, ctx)).toEqual([]);
    expect(evaluateRule(pack, dated, {}, { ...ctx, today: '2024-06-01' })).toHaveLength(1);
    expect(evaluateRule(pack, dated, {}, { ...ctx, today: '2024-04-30' })).toEqual([]);
  });

  it('a case whose expectation is wrong fails', () => {
    const r = rule({ assert: { '==': [{ var: 'data.x' }, 1] } });
    expect(runRuleCase(pack, r, { name: 'fires', data: { x: 2 }, expect: [] }).ok).toBe(false);
    expect(runRuleCase(pack, r, { name: 'quiet', data: { x: 1 }, expect: ['test-rule'] }).ok).toBe(false);
    expect(runRuleCase(pack, r, { name: 'right', data: { x: 2 }, expect: ['test-rule'] }).ok).toBe(true);
  });
});

describe('interpolation', () => {
  it('fills placeholders from the scope, joins lists, leaves absent values empty', () => {
    expect(interpolate('{a.b}：{list}；{missing}。', { a: { b: '电工' }, list: ['初级工', '中级工'] })).toBe('电工：初级工、中级工；。');
  });
});

describe('shared rules', () => {
  it('warns that a document dated before 2024-05-01 predates the notice', () => {
    const f = evaluateRules(pack, 'filing-enterprise', { applicationDate: '2024-03-01' }, ctx);
    expect(f.find((x) => x.ruleId === 'notice-not-yet-in-force')).toMatchObject({ severity: 'warning', path: '/applicationDate' });
    expect(f.find((x) => x.ruleId === 'notice-not-yet-in-force')?.citation?.label).toBe('四（一）');
  });
});
