/** Rule evaluation has a step budget: nested loops fail the rule with a message instead of hanging. */
import { describe, expect, it } from 'vitest';
import { compileLogic } from '../../forms/core/rules/compile-logic';
import { checkPack } from '../../forms/core/editor/check-pack';
import { evaluateRule } from '../../forms/core/rules/evaluate-rules';
import { StepBudgetError, withStepBudget } from '../../forms/core/rules/step-budget';
import type { Rule } from '../../forms/core/rules/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';

const files = readPackDir('schemas');
const pack = parsePack(files);
const list = Array.from({ length: 40 }, (_, i) => i);
/** 40^depth steps: about 2.5 billion at depth 6, a few kilobytes of JSON */
const nestedMaps = (depth: number): unknown => (depth === 0 ? { '+': [1, 1] } : { map: [list, nestedMaps(depth - 1)] });
const bomb = (wrap = (x: unknown) => x): Rule =>
  ({
    id: 'bomb',
    documents: ['filing-enterprise'],
    severity: 'error',
    citation: { source: 'hrss-2024-120', article: '三（一）' },
    message: { zh: '炸弹', en: 'bomb' },
    effective: { from: '2024-05-01' },
    assert: wrap(nestedMaps(6)),
    cases: [{ name: 'x', data: {}, expect: [] }],
  }) as unknown as Rule;

describe('rule step budget', () => {
  it('a rule of nested loops fails with a clear message at once', () => {
    const findings = evaluateRule(pack, bomb(), {}, { today: '2025-01-01', lang: 'zh' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'bomb', severity: 'error' });
    expect(findings[0].message).toContain('步数上限');
  });

  it('loops hidden under an operator json-logic-js evaluates (cat, reduce) are budgeted too', () => {
    for (const wrap of [(x: unknown) => ({ cat: [x] }), (x: unknown) => ({ reduce: [list, { map: [list, x] }, 0] })]) {
      const findings = evaluateRule(pack, bomb(wrap), {}, { today: '2025-01-01', lang: 'en' });
      expect(findings.map((f) => f.message).join()).toContain('step budget');
    }
  });

  it('pack check reports the rule instead of hanging', () => {
    const f = structuredClone(files) as Record<string, any>;
    const file = Object.keys(f).find((k) => k.startsWith('rules/') && Array.isArray(f[k]?.rules))!;
    f[file].rules.push({ ...bomb(), id: 'bomb-rule', citation: f[file].rules[0].citation });
    const problems = checkPack(f).filter((p) => p.zh.includes('bomb-rule'));
    expect(problems.map((p) => p.en).join()).toMatch(/step budget/);
  });

  it('ordinary logic is unaffected (json-logic-js semantics kept under the budget)', () => {
    const logic = { reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 10] };
    expect(withStepBudget(1000, () => compileLogic(logic)({ xs: [1, 2, 3] }))).toBe(16);
    expect(compileLogic({ cat: [{ map: [[1, 2], { '*': [{ var: '' }, 2] }] }] })({})).toBe('2,4');
    expect(() => withStepBudget(10, () => compileLogic({ map: [list, 1] })({}))).toThrow(StepBudgetError);
  });
});
