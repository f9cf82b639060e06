/**
 * Nothing is shown as policy that is not: every rule and quick-check reason names a typed source (the notice,
 * a national document, or our own form design), every reference list says whether it is official or a sample,
 * and no Chinese message a user reads carries an English code or doubled title marks.
 */
import { describe, expect, it } from 'vitest';
import { packChecks } from '../../forms/core/checks/pack-checks';
import { check } from '../../forms/core/checks/run-check';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { casePack } from '../../forms/core/rules/case-pack';
import { interpolate } from '../../forms/core/rules/interpolate';
import { allRules } from '../../forms/core/rules/pack-rules';
import { sourceProblem } from '../../forms/core/rules/rule-source';
import { CASE_DEFAULT_TODAY } from '../../forms/core/rules/run-case';
import { runRule } from '../../forms/core/rules/run-rule';
import { readPackDir } from '../../forms/node/load-pack-dir';

const pack = parsePack(readPackDir('schemas'));
const rules = allRules(pack).map((r) => r.rule);
const checks = packChecks(pack);
const reasons = checks.flatMap((c) => c.reasons);

/** Every coded value the pack defines (enum codes of documents, definitions and check inputs). */
function packCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'enum' && Array.isArray(x)) for (const c of x) if (typeof c === 'string' && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(c) && c.length > 3) codes.add(c);
      walk(x);
    }
  };
  walk(pack.definitions);
  for (const d of Object.values(pack.documents)) walk(d.schema);
  for (const c of checks) walk(c.input);
  codes.add('illegal');
  return codes;
}
const CODES = packCodes();
const leaks = (zh: string) => [...CODES].filter((c) => new RegExp(`(^|[^A-Za-z0-9-])${c}($|[^A-Za-z0-9-])`).test(zh));

describe('typed sources', () => {
  it('every rule and every quick-check reason names a typed source that resolves', () => {
    const bad = [...rules, ...reasons].map((r) => [r.id, sourceProblem(pack, r.source, r.citation.source)?.en]).filter(([, p]) => p);
    expect(bad).toEqual([]);
  });

  it('a notice source is the article the rule cites', () => {
    for (const r of [...rules, ...reasons]) if (r.source?.type === 'notice') expect(r.source.article, r.id).toBe(r.citation.article);
  });

  it('items the notice does not impose are form requirements, not policy', () => {
    const kind = (id: string) => [...rules, ...reasons].find((r) => r.id === id)?.source?.type;
    expect(kind('quality-supervisor-not-sole-evaluator')).toBe('form-design');
    expect(kind('assessment-total-is-sum')).toBe('form-design');
    expect(kind('candidate-eligible-for-level')).toBe('national');
    // invented consequences are gone altogether
    expect(rules.map((r) => r.id)).not.toContain('expiry-assessment-unqualified-no-renewal');
  });

  it('every reference list says official or sample, names a typed source and a date', () => {
    for (const [stem, list] of Object.entries(pack.reference)) {
      const l = list as { status?: string; source?: unknown; date?: string };
      expect(['official', 'sample'], stem).toContain(l.status);
      expect(sourceProblem(pack, l.source), stem).toBeNull();
      expect(l.date, stem).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    expect((pack.reference['filing-catalog'] as { status: string }).status).toBe('sample');
  });
});

describe('Chinese messages', () => {
  const rendered: Array<{ id: string; zh: string }> = [];
  for (const rule of rules) {
    for (const c of rule.cases ?? []) {
      const run = runRule(casePack(pack, c), rule, { data: c.data }, c.today ?? CASE_DEFAULT_TODAY);
      for (const hit of run.hits) rendered.push({ id: `${rule.id} / ${c.name}`, zh: interpolate(rule.message.zh, hit.scope) });
    }
  }
  for (const def of checks) {
    for (const c of def.cases) {
      for (const r of check(casePack(pack, c), def.kind, c.input, c.today ?? CASE_DEFAULT_TODAY, 'zh').reasons) rendered.push({ id: `check:${def.kind} / ${c.name}`, zh: r.message });
    }
  }

  it('are rendered for every case that fires', () => {
    expect(rendered.length).toBeGreaterThan(100);
  });

  it('carry no English code (social-org, illegal, …) — codes are shown by their Chinese labels', () => {
    expect(rendered.map((m) => [m.id, leaks(m.zh)]).filter(([, l]) => (l as string[]).length)).toEqual([]);
  });

  it('never double the title marks', () => {
    expect(rendered.filter((m) => /《《|》》/.test(m.zh))).toEqual([]);
  });
});
