import { beforeAll, describe, expect, it } from 'vitest';
import { checkPack } from '../../forms/core/editor/check-pack';
import { checkPattern } from '../../forms/core/editor/regex-safety';
import type { PackFiles } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

let shipped: PackFiles;
const edit = (mutate: (f: Record<string, any>) => void): PackFiles => {
  const f = structuredClone(shipped) as Record<string, any>;
  mutate(f);
  return f;
};
const schemaOf = (f: Record<string, any>) => f['documents/filing-enterprise/schema.json'];
/** A rule of our own, so the tests do not depend on how the shipped rules evolve. */
const fixtureRule = () => ({
  id: 'test-item-count',
  citation: { source: 'hrss-sh-2024-120', article: '3.2.3' },
  effective: { from: '2024-05-01' },
  documents: ['filing-enterprise'],
  severity: 'error',
  assert: { '<=': [{ var: 'data.testCount' }, 50] },
  paths: ['/testCount'],
  message: { zh: '不超过50', en: 'At most 50' },
  cases: [
    { name: 'over', data: { testCount: 60 }, expect: ['test-item-count'] },
    { name: 'within', data: { testCount: 5 }, expect: [] },
  ],
});
const withFixture = (mutate: (rule: Record<string, any>) => void) =>
  edit((f) => {
    const rule = fixtureRule() as Record<string, any>;
    // the field the fixture rule reads
    schemaOf(f).properties.testCount = { type: 'integer', title: '测试题数' };
    mutate(rule);
    f['rules/test-fixture.json'] = { rules: [rule] };
  });

beforeAll(() => {
  shipped = readPackDir('schemas');
});

describe('checkPack', () => {
  it('accepts the shipped pack', () => {
    expect(checkPack(shipped)).toEqual([]);
  });

  it('refuses a catastrophic pattern and says where it is', () => {
    const files = edit((f) => {
      schemaOf(f).properties.nickname = { type: 'string', title: '昵称', pattern: '^(a+)+$', maxLength: 20 };
    });
    const problems = checkPack(files);
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('documents/filing-enterprise/schema.json#/properties/nickname/pattern');
    expect(problems[0].zh).toContain('灾难性回溯');
    expect(problems[0].en).toContain('catastrophic backtracking');
  });

  it('refuses a __proto__ key anywhere, before reading anything else', () => {
    const text = JSON.stringify(shipped['reference/synonyms.json']).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const files = { ...shipped, 'reference/synonyms.json': JSON.parse(text) };
    const problems = checkPack(files);
    expect(problems.map((p) => p.where)).toEqual(['reference/synonyms.json#/__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses constructor and prototype keys with their location', () => {
    const files = edit((f) => {
      schemaOf(f).properties.contact.constructor = { type: 'string' };
      f['reference/levels.json'].prototype = 1;
    });
    expect(checkPack(files).map((p) => p.where).sort()).toEqual([
      'documents/filing-enterprise/schema.json#/properties/contact/constructor',
      'reference/levels.json#/prototype',
    ]);
  });

  it('refuses what the engines would judge differently: oneOf, additionalProperties:false, keywords beside $ref, unknown formats', () => {
    const files = edit((f) => {
      const s = schemaOf(f);
      s.properties.a = { oneOf: [{ type: 'string' }, { type: 'number' }] };
      s.properties.b = { type: 'object', additionalProperties: false };
      s.properties.c = { $ref: '#/definitions/date', minLength: 3 };
      s.properties.d = { type: 'string', format: 'email' };
      s.properties.e = { $ref: '#/definitions/nope' };
    });
    const wheres = checkPack(files).map((p) => p.where);
    expect(wheres).toEqual(
      expect.arrayContaining([
        'documents/filing-enterprise/schema.json#/properties/a/oneOf',
        'documents/filing-enterprise/schema.json#/properties/b/additionalProperties',
        'documents/filing-enterprise/schema.json#/properties/c',
        'documents/filing-enterprise/schema.json#/properties/d/format',
        'documents/filing-enterprise/schema.json#/properties/e/$ref',
      ]),
    );
  });

  it('refuses a schema that breaks the draft-07 meta-schema', () => {
    const files = edit((f) => {
      schemaOf(f).properties.count = { type: 'integr', minimum: 'zero' };
    });
    const problems = checkPack(files);
    expect(problems.some((p) => p.where.startsWith('documents/filing-enterprise/schema.json#/properties/count') && p.en.includes('draft-07'))).toBe(true);
  });

  it('accepts a well-formed rule with passing cases', () => {
    expect(checkPack(withFixture(() => {}))).toEqual([]);
  });

  it('refuses a rule whose citation does not resolve, and a failing case, naming the rule', () => {
    const problems = checkPack(
      withFixture((r) => {
        r.citation = { source: 'hrss-sh-2024-120', article: '9.9.9' };
        r.cases[1].expect = ['test-item-count'];
      }),
    );
    expect(problems.find((p) => p.where === 'rules/test-fixture.json#/rules/0/citation')?.zh).toContain('9.9.9');
    expect(problems.find((p) => p.where === 'rules/test-fixture.json#/rules/0/cases/1')?.en).toMatch(/case "within" fails/);
  });

  it('refuses a rule that reads a field the document does not have, naming the variable in Chinese', () => {
    const problems = checkPack(
      withFixture((r) => {
        r.assert = JSON.parse(JSON.stringify(r.assert).replace('data.testCount', 'data.testCont'));
        r.cases.forEach((c: { data: Record<string, unknown> }) => (c.data = { testCont: c.data.testCount }));
      }),
      { runCases: false },
    );
    expect(problems).toEqual([
      expect.objectContaining({ where: 'rules/test-fixture.json#/rules/0/assert', zh: expect.stringMatching(/^规则 test-item-count 读取的字段 data\.testCont .*中不存在：请检查拼写/) }),
    ]);
    const noCitation = checkPack(withFixture((r) => (r.citation = { source: '', article: '' })), { runCases: false });
    expect(noCitation.map((p) => p.zh)).toEqual(['规则 test-item-count 尚未选择依据条文：请在“依据条文”中选择本规则所依据的条款']);
  });

  it('refuses a rule without cases', () => {
    expect(checkPack(withFixture((r) => delete r.cases))).toEqual([expect.objectContaining({ where: 'rules/test-fixture.json#/rules/0/cases' })]);
  });

  it('states size limits', () => {
    const files = edit((f) => {
      f['reference/huge.json'] = { text: 'x'.repeat(300_000) };
    });
    expect(checkPack(files)[0]).toMatchObject({ where: 'reference/huge.json#/text' });
  });
});

describe('checkPattern', () => {
  it.each(['^(a+)+$', '(\\w+\\s?)*$', '(a|a)*', '(\\d|\\w)+$'])('refuses %s', (p) => expect(checkPattern(p).ok).toBe(false));
  it.each(['^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^1[3-9]\\d{9}$', '^(a|b)*$', '^\\d{1}-\\d{2}-\\d{2}-\\d{2}$'])('accepts %s', (p) =>
    expect(checkPattern(p).ok).toBe(true),
  );
  it('refuses a pattern it cannot prove safe within its budget, and says so', () => {
    const v = checkPattern('^(\\w+\\s?)+$');
    expect(v.ok).toBe(false);
    expect(v.zh).toContain('无法确认不会发生灾难性回溯，因此不予采用');
    expect(v.en).toContain('so it is refused');
  });
  it('refuses an overlong or invalid pattern with the reason', () => {
    expect(checkPattern('a'.repeat(301)).en).toContain('too long');
    expect(checkPattern('([a').en).toContain('invalid pattern');
  });
});
