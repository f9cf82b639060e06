import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinParameter, pinReference } from '../../forms/core/editor/case-pinning';
import { checkPack } from '../../forms/core/editor/check-pack';
import { chineseNumber, fillParams } from '../../forms/core/pack/param-texts';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { tryCheck } from '../../forms/core/checks/run-check';

const files = (JSON.parse(readFileSync('generated/pack.json', 'utf8')) as { files: PackFiles }).files;
type Params = { parameters: Record<string, { value: unknown }> };

/** the pack with one parameter set to a value, as the parameters screen writes it */
function withParam(f: PackFiles, name: string, value: unknown): PackFiles {
  const pinned = pinParameter(f, name, (f['rules/parameters.json'] as Params).parameters[name].value).files;
  const file = pinned['rules/parameters.json'] as Params;
  return { ...pinned, 'rules/parameters.json': { ...file, parameters: { ...file.parameters, [name]: { ...file.parameters[name], value } } } };
}

const allTexts = (p: ReturnType<typeof parsePack>) => JSON.stringify([p.documents, Object.entries(p.files).filter(([k]) => /^(checks|rules)\//.test(k))]);

describe('texts follow the parameter they state', () => {
  it('writes numbers in Chinese and English words', () => {
    expect([1, 3, 6, 10, 12, 20, 36].map(chineseNumber)).toEqual(['一', '三', '六', '十', '十二', '二十', '三十六']);
    expect(fillParams('期满前{m|cn}个月 / last {m|en} months / {m} 个月 / {unknown} / \\d{2}', { m: 6 })).toBe('期满前六个月 / last six months / 6 个月 / {unknown} / \\d{2}');
  });

  it('renewal window 3 → 6: every text that stated 三个月 now says 六个月, the pack still passes every check and case', () => {
    const before = parsePack(files);
    expect(allTexts(before)).toContain('三个月');
    expect(allTexts(before)).not.toContain('{renewalWindowMonths');
    const edited = withParam(files, 'renewalWindowMonths', 6);
    expect(checkPack(edited)).toEqual([]);
    const after = parsePack(edited);
    const text = allTexts(after);
    expect(text).not.toContain('三个月');
    expect(text.match(/六个月/g)?.length).toBeGreaterThanOrEqual(6);
    expect(text).toContain('last six months');
    // the placeholders stay in the files that are edited and signed
    expect(JSON.stringify(after.sourceFiles)).toContain('{renewalWindowMonths|cn}');
    expect(after.documents['termination-automatic'].ui).toBeDefined();
  });

  it('the rules compute with the new value: an application five months before expiry is now in time', () => {
    const data = { expiryDate: '2026-12-31' };
    const three = tryCheck(parsePack(files), 'renewal', data, '2026-07-31');
    const six = tryCheck(parsePack(withParam(files, 'renewalWindowMonths', 6)), 'renewal', data, '2026-07-31');
    expect(three.ok && six.ok).toBe(true);
    if (three.ok && six.ok) {
      expect(three.result.outcome).not.toBe(six.result.outcome);
      expect(JSON.stringify(six.result)).toContain('2026-06-30');
    }
  });

  it('cases written for the old value keep it, and only cases of rules reading the parameter', () => {
    const { files: pinned, pinned: names } = pinParameter(files, 'renewalWindowMonths', 3);
    expect(names.length).toBeGreaterThan(0);
    const renewal = (pinned['documents/renewal/rules.json'] as { rules: { id: string; cases: { params?: Record<string, unknown> }[] }[] }).rules;
    const windowRule = renewal.find((r) => r.id === 'renewal-application-in-window')!;
    expect(windowRule.cases.every((c) => c.params?.renewalWindowMonths === 3)).toBe(true);
    expect(JSON.stringify(pinned['rules/filing.json'])).toBe(JSON.stringify(files['rules/filing.json']));
    // without the pin, a case written for three months fails against six
    const unpinned = { ...files, 'rules/parameters.json': (withParam(files, 'renewalWindowMonths', 6))['rules/parameters.json'] };
    expect(checkPack(unpinned).some((p) => p.where.startsWith('documents/renewal/rules.json'))).toBe(true);
  });

  it('a text naming an unknown parameter is refused in Chinese with the fix', () => {
    const schema = structuredClone(files['documents/renewal/schema.json']) as { title: string };
    schema.title = '续期（{renewalWindowMonth}个月）';
    const problems = checkPack({ ...files, 'documents/renewal/schema.json': schema }, { runCases: false });
    expect(problems.map((p) => p.zh)).toContain('文字“续期（{renewalWindowMonth}个月）”中的 {renewalWindowMonth} 不是参数名：请在“参数”中添加该参数，或改正拼写');
  });
});

describe('rule cases carry their own catalogue rows', () => {
  it('a catalogue replaced by another keeps every case passing', () => {
    const catalog = files['reference/filing-catalog.json'] as { entries: unknown[] };
    const replaced = { ...files, 'reference/filing-catalog.json': { ...catalog, entries: [{ code: '4-10-03-01', name: '美容师', standardBasis: 'national-standard', levels: ['初级工'] }] } };
    const broken = checkPack(replaced).filter((p) => /cases/.test(p.where) || /用例/.test(p.zh));
    expect(broken.length).toBeGreaterThan(0);
    const pinned = pinReference(replaced, 'filing-catalog', catalog);
    expect(pinned.pinned.length).toBeGreaterThan(0);
    expect(checkPack(pinned.files)).toEqual([]);
  });
});

describe('the English table follows the parameters too', () => {
  it('resolves keys and values of i18n/en.json so a resolved Chinese text finds its English', () => {
    const six = parsePack(withParam(files, 'renewalWindowMonths', 6));
    const en = six.files['i18n/en.json'] as Record<string, string>;
    expect(en['续期申请期起始日期（期满前六个月）']).toBe('Renewal window opens (six months before expiry)');
    const ta = JSON.stringify(six.documents['termination-automatic'].schema);
    expect(ta).toContain('续期申请期起始日期（期满前六个月）');
  });
});
