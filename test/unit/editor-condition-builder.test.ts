import { describe, expect, it } from 'vitest';
import { builderOf, logicOf } from '../../forms/ui/editor/condition-builder';

describe('rule condition builder', () => {
  it('round-trips comparisons joined by all/any, with typed values', () => {
    const b = { join: 'or' as const, clauses: [{ path: 'data.staffCount', op: '>=' as const, value: '10' }, { path: 'data.ownership', op: 'in' as const, value: '["other","district-soe"]' }] };
    const logic = logicOf(b);
    expect(logic).toEqual({ or: [{ '>=': [{ var: 'data.staffCount' }, 10] }, { in: [{ var: 'data.ownership' }, ['other', 'district-soe']] }] });
    expect(builderOf(logic)).toEqual(b);
  });

  it('keeps plain text values as strings and a single comparison unwrapped', () => {
    expect(logicOf({ join: 'and', clauses: [{ path: 'data.name', op: '==', value: '上海' }] })).toEqual({ '==': [{ var: 'data.name' }, '上海'] });
  });

  it('leaves logic it cannot show to the raw view', () => {
    expect(builderOf({ date_on_or_after: [{ var: 'data.a' }, { var: 'params.b' }] })).toBeNull();
    expect(builderOf({ and: [{ '==': [{ var: 'a' }, 1] }, { '!': { var: 'b' } }] })).toBeNull();
    expect(builderOf(undefined)).toEqual({ join: 'and', clauses: [] });
  });
});
