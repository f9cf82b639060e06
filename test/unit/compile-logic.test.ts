import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { packChecks } from '../../forms/core/checks/pack-checks';
import { compileLogic } from '../../forms/core/rules/compile-logic';
import { registerOperations } from '../../forms/core/rules/operations';
import { withPack } from '../../forms/core/rules/pack-context';
import { resolveParams } from '../../forms/core/rules/parameters';
import { allRules } from '../../forms/core/rules/pack-rules';
import { readPackDir } from '../../forms/node/load-pack-dir';

// The rules run compiled (forms/core/rules/compile-logic.ts) for speed; json-logic-js is the meaning.
// Every node of every rule and check of the pack, on every sample and case, must give what json-logic-js
// gives — values, and exceptions alike.
const pack = parsePack(readPackDir('schemas'));
registerOperations();

type Outcome = { ok: true; value: unknown } | { ok: false };
const attempt = (f: () => unknown): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
};

/** every logic node inside a rule part (itself included) */
function nodes(logic: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(logic)) {
    for (const l of logic) nodes(l, out);
  } else if (jsonLogic.is_logic(logic)) {
    out.push(logic);
    const op = Object.keys(logic as object)[0];
    nodes((logic as Record<string, unknown>)[op], out);
  }
  return out;
}

function compare(logics: unknown[], scopes: Record<string, unknown>[], where: string): number {
  let n = 0;
  for (const scope of scopes) {
    for (const node of logics.flatMap((l) => nodes(l))) {
      // filter/map/… bodies are evaluated against items, not the scope: both sides see the same input either way
      const want = attempt(() => jsonLogic.apply(node as never, scope as never));
      const got = attempt(() => compileLogic(node)(scope));
      expect(got, `${where}: ${JSON.stringify(node).slice(0, 200)}`).toEqual(want);
      n++;
    }
  }
  return n;
}

describe('compiled JSON Logic', () => {
  it('gives what json-logic-js gives on every node of every document rule, for every sample and row', () => {
    let compared = 0;
    withPack(pack, () => {
      for (const { rule } of allRules(pack)) {
        const params = resolveParams(pack, rule.params);
        const docs = rule.documents ?? Object.keys(pack.documents);
        const datas = docs.flatMap((id) => Object.values(pack.documents[id]?.samples ?? {}));
        const cases = (rule.cases ?? []).map((c) => (c as { data?: unknown }).data);
        for (const data of [...datas, ...cases, {}, null]) {
          const base = { data, today: '2025-06-01', params, let: {} as Record<string, unknown> };
          const rows = rule.forEach ? (jsonLogic.apply({ var: rule.forEach } as never, { data } as never) as unknown[]) : null;
          const scopes = Array.isArray(rows) && rows.length ? rows.slice(0, 3).map((row, index) => ({ ...base, row, index, rowNumber: index + 1 })) : [base];
          // the `let` values as the engine computes them, so when/assert see realistic inputs
          for (const scope of scopes) {
            for (const [name, logic] of Object.entries(rule.let ?? {})) {
              const v = attempt(() => jsonLogic.apply(logic as never, scope as never));
              scope.let = { ...scope.let, [name]: v.ok ? v.value : null };
            }
          }
          compared += compare([...Object.values(rule.let ?? {}), rule.when, rule.assert], scopes, rule.id);
        }
      }
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives what json-logic-js gives on every node of every quick check, for every case', () => {
    let compared = 0;
    withPack(pack, () => {
      for (const check of packChecks(pack)) {
        const params = resolveParams(pack, check.params);
        for (const c of check.cases) {
          const scope = { input: c.input, out: {}, today: c.today ?? '2025-06-01', params, let: {} };
          const logics = [...check.outputs.map((o) => o.logic), ...check.reasons.flatMap((r) => [...Object.values(r.let ?? {}), r.when, r.assert])];
          compared += compare(logics, [scope], check.kind);
        }
      }
    });
    expect(compared).toBeGreaterThan(500);
  });

  it('compiles a rule once: the same closure for the same logic', () => {
    const logic = { '==': [{ var: 'a.b' }, 1] };
    expect(compileLogic(logic)).toBe(compileLogic(logic));
    expect(compileLogic(logic)({ a: { b: '1' } })).toBe(true); // json-logic's loose ==
    expect(compileLogic({ var: ['x.y', 'none'] })({ x: null })).toBe('none');
  });
});
