/**
 * Regex safety of a pack: every pattern anywhere in it (document schemas, shared definitions, check
 * inputs) goes through a real ReDoS analyser, every string with a pattern is bounded by maxLength,
 * and the path globs of portal maps match in linear time.
 */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../forms/core/editor/check-pack';
import { checkPattern } from '../../forms/core/editor/regex-safety';
import { pathMatches } from '../../forms/core/fill/origin';
import type { PackFiles } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

const shipped = readPackDir('schemas');
const edit = (mutate: (f: Record<string, any>) => void): PackFiles => {
  const f = structuredClone(shipped) as Record<string, any>;
  mutate(f);
  return f;
};
const where = (files: PackFiles) => checkPack(files, { runCases: false }).map((p) => `${p.where}: ${p.en}`);

// the analyser may take seconds on a refused pattern on a loaded machine (its verdict counts steps, not time)
describe('the ReDoS analyser', { timeout: 60000 }, () => {
  it.each(['^.*.*.*.*.*.*=$', '^(a+)+$', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', '^(\\w+\\s?)*$', '^(a|a)*$', '^(\\d|\\w)+$', '^(.*,)*x$'])('refuses %s', (p) => {
    const v = checkPattern(p);
    expect(v.ok).toBe(false);
    expect(v.zh).toMatch(/回溯|复杂/);
  });
  it.each(['^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^1[3-9]\\d{9}$', '^\\d-\\d{2}-\\d{2}-\\d{2}$', '^(a|b)*$', '^\\d{4}-\\d{2}-\\d{2}$'])('accepts %s', (p) =>
    expect(checkPattern(p).ok).toBe(true),
  );
});

describe('a pattern the browser refuses', () => {
  // each says in Chinese what to change: no English from the engine in the Chinese message
  it.each([
    ['^(\\d+$', '右括号'],
    ['^\\d+)$', '多了一个右括号'],
    ['^*a$', '量词'],
    ['^[a-z$', '方括号'],
    ['^a{2$', '量词 {n,m} 不完整'],
    ['^a}$', '花括号'],
    ['^[9-0]$', '顺序颠倒'],
    ['^\\q$', '无效的转义'],
    ['^a\\', '反斜杠'],
    ['^\\p{Nope}$', 'Unicode 属性名'],
  ])('%s: says why in Chinese', (p, why) => {
    const v = checkPattern(p);
    expect(v.ok).toBe(false);
    expect(v.zh).toContain(why);
    expect(v.zh!.replace(/Unicode|\\p\{Script=Han\}/g, '')).not.toMatch(/[A-Za-z]{4,}/);
    expect(v.en).toMatch(/^invalid pattern: /);
  });
});

describe('pack check finds unsafe patterns everywhere', { timeout: 60000 }, () => {
  it('the shipped pack passes: every pattern safe and bounded', () => {
    expect(where(shipped)).toEqual([]);
  });

  it('refuses a catastrophic pattern in a document field, naming the place', () => {
    const files = edit((f) => {
      f['documents/filing-enterprise/schema.json'].properties.nickname = { type: 'string', title: '昵称', pattern: '^.*.*.*.*.*=$', maxLength: 45 };
    });
    expect(where(files).join('\n')).toMatch(/filing-enterprise\/schema\.json.*pattern/);
  });

  it("refuses a nested quantifier in a check's input schema", () => {
    const files = edit((f) => {
      const occ = f['checks/occupation.json'];
      occ.input.properties.occupationCode.pattern = '^(\\d+)+$';
    });
    expect(where(files).join('\n')).toMatch(/checks\/occupation\.json.*occupationCode\/pattern/);
  });

  it('refuses a string with a pattern and no maxLength (schemas and checks)', () => {
    const doc = edit((f) => {
      f['documents/filing-enterprise/schema.json'].properties.nickname = { type: 'string', title: '昵称', pattern: '^\\S+$' };
    });
    expect(where(doc).join('\n')).toMatch(/properties\/nickname\/pattern.*maxLength/);
    const check = edit((f) => {
      delete f['checks/occupation.json'].input.properties.occupationCode.maxLength;
    });
    expect(where(check).join('\n')).toMatch(/occupationCode.*maxLength/);
  });
});

describe('portal-map path globs', () => {
  it('match like before', () => {
    expect(pathMatches('/portal/*/apply', '/portal/x/y/apply')).toBe(true);
    expect(pathMatches('/portal/*/apply', '/portal/x/apply/more')).toBe(false);
    expect(pathMatches('*', '/')).toBe(true);
    expect(pathMatches('/a.b', '/axb')).toBe(false);
  });
  it('do not backtrack catastrophically on many stars against a long path', () => {
    // a backtracking regex needs ~C(60,12) steps here; a linear matcher answers at once
    expect(pathMatches('/' + '*a'.repeat(12) + 'b', '/' + 'a'.repeat(60))).toBe(false);
  });
});
