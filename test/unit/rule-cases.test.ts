import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { resolveCitation } from '../../forms/core/pack/citation';
import { allRules } from '../../forms/core/rules/pack-rules';
import { obligationsCoverage, rulesCoverage } from '../../forms/core/coverage/rules-coverage';
import { unresolvedParams } from '../../forms/core/rules/parameters';
import { runRuleCase } from '../../forms/core/rules/run-case';
import { readPackDir } from '../../forms/node/load-pack-dir';

// Every rule in the pack, run against the cases stored beside it (OpenFisca style).
const pack = parsePack(readPackDir('schemas'));
const rules = allRules(pack);


describe('pack rules', () => {
  it('rule ids are unique across the pack', () => {
    const ids = rules.map((r) => r.rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  for (const { rule, file } of rules) {
    describe(`${rule.id} (${file})`, () => {
      it('cites an article that resolves, is dated, names its documents, paths and messages', () => {
        expect(resolveCitation(pack, rule.citation), `citation ${JSON.stringify(rule.citation)}`).not.toBeNull();
        expect(rule.effective?.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['error', 'warning']).toContain(rule.severity);
        expect(rule.documents?.length).toBeGreaterThan(0);
        for (const d of rule.documents) if (d !== '*') expect(pack.manifest.documents, `document ${d}`).toContain(d);
        expect(rule.paths?.length).toBeGreaterThan(0);
        expect(rule.message?.zh).toBeTruthy();
        expect(rule.message?.en).toBeTruthy();
        expect(unresolvedParams(pack, rule.params)).toEqual([]);
      });

      it('has a case where it fires and one where it does not', () => {
        const cases = rule.cases ?? [];
        expect(cases.some((c) => c.expect.length > 0), 'a firing case').toBe(true);
        expect(cases.some((c) => c.expect.length === 0), 'a quiet case').toBe(true);
      });

      for (const c of rule.cases ?? []) {
        it(`case: ${c.name}`, () => {
          const result = runRuleCase(pack, rule, c);
          expect(result.problems).toEqual([]);
          expect({ fired: result.fired, ok: result.ok }).toEqual({ fired: result.fired, ok: true });
        });
      }
    });
  }
});

describe('coverage', () => {
  it('every article of the notice is cited by a rule or has a reason it cannot be checked', () => {
    const gaps = rulesCoverage(pack).filter((a) => a.rules.length === 0 && !a.notCheckable);
    expect(gaps.map((g) => g.label)).toEqual([]);
  });
  it('obligation by obligation: each names rules or fields that exist, or why no form can check it', () => {
    const obligations = obligationsCoverage(pack);
    expect(obligations.length).toBeGreaterThan(50);
    expect(obligations.filter((o) => o.unknown.length).map((o) => `${o.id}: ${o.unknown.join(', ')}`)).toEqual([]);
    expect(obligations.filter((o) => !o.notCheckable && !o.rules?.length && !o.fields?.length).map((o) => o.id)).toEqual([]);
    // every article of the notice carries at least one obligation
    const articles = pack.sources['hrss-sh-2024-120'].articles.map((a) => a.id);
    expect(articles.filter((a) => !obligations.some((o) => o.article === a))).toEqual([]);
  });
  it('a "not checkable" reason names an article that exists', () => {
    const nc = (pack.files['rules/not-checkable.json'] as { articles: Record<string, unknown> }).articles;
    for (const key of Object.keys(nc)) {
      const [source, article] = key.split('/');
      expect(resolveCitation(pack, { source, article }), key).not.toBeNull();
    }
  });
});
