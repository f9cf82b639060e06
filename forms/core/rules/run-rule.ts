import jsonLogic from 'json-logic-js';
import type { Pack } from '../pack/types';
import { registerOperations } from './operations';
import { withPack } from './pack-context';
import { resolveParams } from './parameters';
import { isAbsent, readPath, ruleInputs, varsRead } from './rule-inputs';
import type { Logic, Rule, RuleHit } from './types';

export interface RuleRun {
  hits: RuleHit[];
  /** exceptions inside the rule's logic — a pack bug, never the user's; tests fail on them */
  problems: string[];
}

const apply = (logic: Logic, scope: Record<string, unknown>): unknown => jsonLogic.apply(logic as never, scope as never);

const ROW_ROOTS = new Set(['row', 'index', 'rowNumber']);

interface Prepared {
  inputs: string[];
  /** `let` entries that do not depend on the row: evaluated once per rule, not once per row */
  shared: Array<[string, Logic]>;
  perRow: Array<[string, Logic]>;
}

// rules are pack data, immutable once parsed: what can be worked out once per rule is cached here
const prepared = new WeakMap<Rule, Prepared>();

function prepare(rule: Rule): Prepared {
  let p = prepared.get(rule);
  if (p) return p;
  const rowDependent = new Set<string>();
  const shared: Array<[string, Logic]> = [];
  const perRow: Array<[string, Logic]> = [];
  for (const [name, logic] of Object.entries(rule.let ?? {})) {
    const reads = varsRead(logic).map((v) => v.split('.'));
    const dependsOnRow = !!rule.forEach && reads.some(([root, sub]) => ROW_ROOTS.has(root) || (root === 'let' && rowDependent.has(sub)));
    if (dependsOnRow) {
      rowDependent.add(name);
      perRow.push([name, logic]);
    } else shared.push([name, logic]);
  }
  p = { inputs: rule.requires ?? ruleInputs(...Object.values(rule.let ?? {}), rule.when, rule.assert), shared, perRow };
  prepared.set(rule, p);
  return p;
}

/** Whether the rule's validity window covers the day (bounds inclusive). */
export function ruleInForce(rule: Rule, today: string): boolean {
  return (!rule.effective?.from || rule.effective.from <= today) && (!rule.effective?.until || today <= rule.effective.until);
}

/**
 * Evaluates one rule against a base scope (`{data, today}` for documents, `{input, today, out}` for
 * checks). Missing inputs mean "does not apply yet"; nothing here throws.
 */
export function runRule(pack: Pack, rule: Rule, base: Record<string, unknown>, today: string): RuleRun {
  registerOperations();
  const run: RuleRun = { hits: [], problems: [] };
  if (!ruleInForce(rule, today)) return run;
  const params = resolveParams(pack, rule.params);
  const { inputs, shared, perRow } = prepare(rule);
  withPack(pack, () => {
    const common: Record<string, unknown> = {};
    try {
      const baseScope = { ...base, today, params, let: common };
      for (const [name, logic] of shared) common[name] = apply(logic, baseScope);
    } catch (e) {
      run.problems.push(`${rule.id}: ${(e as Error).message}`);
      return;
    }
    const scopes: Record<string, unknown>[] = [];
    if (rule.forEach) {
      const rows = readPath(base, rule.forEach);
      if (Array.isArray(rows)) rows.forEach((row, index) => scopes.push({ ...base, today, params, row, index, rowNumber: index + 1 }));
    } else scopes.push({ ...base, today, params });
    for (const scope of scopes) {
      try {
        const computed: Record<string, unknown> = { ...common };
        scope.let = computed;
        for (const [name, logic] of perRow) computed[name] = apply(logic, scope);
        if (inputs.some((p) => isAbsent(readPath(scope, p)))) continue;
        if (rule.when !== undefined && !jsonLogic.truthy(apply(rule.when, scope))) continue;
        if (rule.assert !== undefined && jsonLogic.truthy(apply(rule.assert, scope))) continue;
        const index = String(scope.index ?? '');
        run.hits.push({ rule, scope, paths: (rule.paths ?? ['']).map((p) => p.replace(/\{index\}/g, index)) });
      } catch (e) {
        run.problems.push(`${rule.id}: ${(e as Error).message}`);
      }
    }
  });
  return run;
}
