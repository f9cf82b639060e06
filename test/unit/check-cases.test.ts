import { describe, expect, it } from 'vitest';
import { check, CheckInputError, tryCheck } from '../../forms/core/checks/run-check';
import { packChecks } from '../../forms/core/checks/pack-checks';
import { prefillData, prefillDocument, prefillLink } from '../../forms/core/checks/prefill';
import { decodePrefill } from '../../forms/core/drafts/prefill-codec';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { resolveCitation } from '../../forms/core/pack/citation';
import { unresolvedParams } from '../../forms/core/rules/parameters';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { casePack } from '../../forms/core/rules/case-pack';

// The quick checks are pack data; these run every stored case and the input contract.
const pack = parsePack(readPackDir('schemas'));
const checks = packChecks(pack);

describe('pack checks', () => {
  it('has the seven checks, in order', () => {
    expect(checks.map((c) => c.kind)).toEqual(['route', 'occupation', 'renewal', 'candidate', 'sanction', 'termination', 'level']);
  });

  for (const def of checks) {
    describe(def.kind, () => {
      it('every reason cites a resolving article; parameters resolve; the target document exists', () => {
        for (const r of def.reasons) expect(resolveCitation(pack, r.citation), r.id).not.toBeNull();
        expect(unresolvedParams(pack, def.params)).toEqual([]);
        if (typeof def.document === 'string') expect(pack.manifest.documents.length === 1 || pack.manifest.documents.includes(def.document)).toBe(true);
      });

      const fired = new Set<string>();
      for (const c of def.cases) {
        it(`case: ${c.name}`, () => {
          const result = check(casePack(pack, c), def.kind, c.input, c.today ?? '2025-06-01');
          result.reasons.forEach((r) => fired.add(r.ruleId));
          expect(result.reasons.length, 'every answer cites at least one article').toBeGreaterThan(0);
          // a notice article (三（四）3), or the national document a reason rests on (《…规程（2023年版）》)
          for (const r of result.reasons) expect(r.citation.label).toMatch(r.basis.type === 'national' ? /^《.+》$/ : /[一二三四]/);
          for (const [field, want] of Object.entries(c.expect)) {
            if (field === 'reasons') expect(result.reasons.map((r) => r.ruleId).sort(), 'reasons').toEqual([...(want as string[])].sort());
            else expect(result[field], field).toEqual(want);
          }
        });
      }
      it('every reason is given by at least one case', () => {
        for (const c of def.cases) check(casePack(pack, c), def.kind, c.input, c.today ?? '2025-06-01').reasons.forEach((r) => fired.add(r.ruleId));
        expect(def.reasons.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
      });
    });
  }
});

describe('check contracts', () => {
  it('renewal: window, deadline, days left and the article label', () => {
    const r = check(pack, 'renewal', { expiryDate: '2025-08-31', today: '2025-08-21' });
    expect(r).toMatchObject({ outcome: 'open', windowOpens: '2025-05-31', deadline: '2025-08-31', daysLeft: 10 });
    expect(r.reasons[0].citation).toEqual({ source: 'hrss-sh-2024-120', article: '3.4.3', label: '三（四）3' });
    expect(r.reasons[0].message).toContain('还剩 10 天');
    expect(check(pack, 'renewal', { expiryDate: '2025-08-31', today: '2025-08-21' }, undefined, 'en').reasons[0].message).toContain('10 days left');
    expect(r).not.toHaveProperty('consequence');
  });

  it('level: names the conditions met and the set used', () => {
    const r = check(pack, 'level', { targetLevel: '四级', age: 30, yearsInOccupation: 6, certificates: [{ level: '五级', yearsAfter: 3 }] });
    expect(r.outcome).toBe('eligible');
    expect(r.conditionSet).toBe('2023');
    expect((r.conditionsMet as { id: string }[]).map((c) => c.id)).toEqual(['4-years-5', '4-cert5-years-3']);
  });

  it('bad input names the field and lists the allowed values', () => {
    const bad = (kind: string, input: unknown) => {
      const a = tryCheck(pack, kind, input);
      expect(a.ok).toBe(false);
      return a.ok ? '' : a.problems.map((p) => p.zh + ' / ' + p.en).join('\n');
    };
    expect(bad('sanction', { tier: 'severe' })).toMatch(/tier.*"severe".*minor, general, serious, especially-serious$/m);
    expect(bad('renewal', {})).toMatch(/expiryDate/);
    expect(bad('renewal', { expiryDate: '2025-02-30' })).toMatch(/YYYY-MM-DD/);
    expect(bad('route', { institutionType: 'enterprise' })).toMatch(/缺少必填字段 ownership/);
    expect(bad('termination', { renewalMissed: 'yes' })).toMatch(/renewalMissed.*true\/false/);
    expect(bad('level', { targetLevel: '九级', age: 20, yearsInOccupation: 1 })).toMatch(/targetLevel/);
    expect(bad('level', { targetLevel: '技师', age: 20, yearsInOccupation: 1, certificates: [{ level: '高级工' }] })).toMatch(/certificates\[0\]\.yearsAfter/);
    expect(bad('route', [])).toMatch(/JSON 对象/);
    expect(bad('nope', {})).toMatch(/unknown check kind "nope".*route/);
    expect(() => check(pack, 'sanction', { tier: 'x' })).toThrow(CheckInputError);
  });
});

describe('prefill', () => {
  const def = (kind: string) => checks.find((c) => c.kind === kind)!;
  it('carries the renewal answers into the renewal document', () => {
    const input = { expiryDate: '2025-08-31', renewalSubmittedOn: '2025-07-01' };
    const link = prefillLink(def('renewal'), input)!;
    expect(link).toMatch(/^workbench\.html#\/new\/renewal\?prefill=[A-Za-z0-9_-]+$/);
    expect(decodePrefill(link.split('prefill=')[1])).toEqual({ ok: true, data: { expiryDate: '2025-08-31', applicationDate: '2025-07-01' } });
  });
  it('picks the document from the answer', () => {
    const input = { institutionType: 'school', occupationCode: '6-31-01-03', level: '技师', standardBasis: 'national-standard' };
    const result = check(pack, 'occupation', input);
    expect(prefillDocument(def('occupation'), input, result)).toBe('filing-school');
    expect(prefillData(def('occupation'), input, result)).toEqual({ occupations: [{ code: '6-31-01-03', name: '电工', levels: ['技师'], standardBasis: 'national-standard' }] });
    const t = check(pack, 'termination', { renewalMissed: true });
    expect(prefillLink(def('termination'), { renewalMissed: true }, t)).toContain('#/new/termination-automatic?');
    expect(prefillDocument(def('termination'), {}, check(pack, 'termination', {}))).toBeNull();
  });
});
