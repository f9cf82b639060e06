import jsonLogic from 'json-logic-js';
import type { Logic } from './types';
import { OPERATIONS, registerOperations } from './operations';
import { step } from './step-budget';

/**
 * A JSON Logic expression turned once into nested closures, with json-logic-js's semantics (the
 * reference: test/unit/compile-logic.test.ts compares the two on every rule and check of the pack).
 * Rules are pack data and immutable once parsed, yet the interpreter re-read every node on every
 * call — splitting each `var` path, finding each operator — for every row of every rule on every
 * commit (the budget is ≤ 1 ms per full validation, bench/budgets.json). The hot operators are written out here exactly as
 * json-logic-js defines them; the pack's own operations are called as json-logic-js would call them;
 * any other operator is left to json-logic-js itself for its whole subtree.
 */
export type CompiledLogic = (data: unknown) => unknown;

const cache = new WeakMap<object, CompiledLogic>();
const truthy = (v: unknown): boolean => jsonLogic.truthy(v);

export function compileLogic(logic: Logic | unknown): CompiledLogic {
  if (logic === null || typeof logic !== 'object') return () => logic;
  let fn = cache.get(logic);
  if (!fn) {
    fn = build(logic);
    cache.set(logic, fn);
  }
  return fn;
}

/** json-logic-js's `var` walk: the path's keys into the data, `notFound` once a step is absent. */
function walk(data: unknown, path: string[], notFound: unknown): unknown {
  let cur = data as Record<string, unknown> | null | undefined;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || cur === undefined) return notFound;
    cur = cur[path[i]] as Record<string, unknown> | null | undefined;
    if (cur === undefined) return notFound;
  }
  return cur;
}

/** json-logic-js's `var`: the data itself for an empty path; `b` (or null) when absent. */
function readVar(data: unknown, a: unknown, b: unknown): unknown {
  if (a === undefined || a === '' || a === null) return data;
  return walk(data, String(a).split('.'), b === undefined ? null : b);
}

const isConstant = (v: unknown) => v === null || typeof v !== 'object';

function build(logic: object): CompiledLogic {
  if (Array.isArray(logic)) {
    const parts = logic.map(compileLogic);
    return (d) => parts.map((p) => p(d));
  }
  if (!jsonLogic.is_logic(logic)) return () => logic;
  const op = Object.keys(logic)[0];
  const raw = (logic as Record<string, unknown>)[op];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];

  // a constant path (nearly every `var`): split once, not on every call
  if (op === 'var' && values.every(isConstant)) {
    const [a, b] = values;
    if (a === undefined || a === '' || a === null) return (d) => d;
    const path = String(a).split('.');
    const notFound = b === undefined ? null : b;
    return (d) => walk(d, path, notFound);
  }

  const args = values.map(compileLogic);
  const [x, y, z] = args;
  switch (op) {
    case 'if':
    case '?:':
      return (d) => {
        let i = 0;
        for (; i < args.length - 1; i += 2) if (truthy(args[i](d))) return args[i + 1](d);
        return args.length === i + 1 ? args[i](d) : null;
      };
    case 'and':
      return (d) => {
        let current: unknown;
        for (const a of args) {
          current = a(d);
          if (!truthy(current)) return current;
        }
        return current;
      };
    case 'or':
      return (d) => {
        let current: unknown;
        for (const a of args) {
          current = a(d);
          if (truthy(current)) return current;
        }
        return current;
      };
    case 'filter':
      return (d) => {
        const list = x(d);
        return Array.isArray(list) ? list.filter((item) => (step(), truthy(y(item)))) : [];
      };
    case 'map':
      return (d) => {
        const list = x(d);
        return Array.isArray(list) ? list.map((item) => (step(), y(item))) : [];
      };
    case 'all':
      return (d) => {
        const list = x(d);
        if (!Array.isArray(list) || !list.length) return false;
        for (const item of list) if ((step(), !truthy(y(item)))) return false;
        return true;
      };
    case 'none':
      return (d) => {
        const list = x(d);
        if (!Array.isArray(list) || !list.length) return true;
        for (const item of list) if ((step(), truthy(y(item)))) return false;
        return true;
      };
    case 'some':
      return (d) => {
        const list = x(d);
        if (!Array.isArray(list) || !list.length) return false;
        for (const item of list) if ((step(), truthy(y(item)))) return true;
        return false;
      };
    case 'reduce':
      // json-logic-js's reduce: {current, accumulator} for each item, the initial value first
      return (d) => {
        const list = x(d);
        let acc = z ? z(d) : null;
        if (!Array.isArray(list)) return acc;
        for (const current of list) {
          step();
          acc = y({ current, accumulator: acc });
        }
        return acc;
      };
    case 'var':
      return (d) => readVar(d, x?.(d), y?.(d));
    case '==': return (d) => x(d) == y(d);
    case '===': return (d) => x(d) === y(d);
    case '!=': return (d) => x(d) != y(d);
    case '!==': return (d) => x(d) !== y(d);
    case '!': return (d) => !truthy(x(d));
    case '!!': return (d) => truthy(x(d));
    case '>': return (d) => (x(d) as number) > (y(d) as number);
    case '>=': return (d) => (x(d) as number) >= (y(d) as number);
    case '<':
      return (d) => {
        const a = x(d) as number, b = y(d) as number, c = z?.(d) as number | undefined;
        return c === undefined ? a < b : a < b && b < c;
      };
    case '<=':
      return (d) => {
        const a = x(d) as number, b = y(d) as number, c = z?.(d) as number | undefined;
        return c === undefined ? a <= b : a <= b && b <= c;
      };
    case 'in':
      return (d) => {
        const a = x(d), b = y(d) as { indexOf?: (v: unknown) => number } | null | undefined;
        if (!b || typeof b.indexOf === 'undefined') return false;
        return b.indexOf(a) !== -1;
      };
  }
  registerOperations();
  const own = Object.prototype.hasOwnProperty.call(OPERATIONS, op) ? OPERATIONS[op] : undefined;
  if (own) {
    // as json-logic-js calls an added operation: arguments evaluated, `this` the data
    return (d) => (step(), own.apply(d, args.map((a) => a(d))));
  }
  if (op !== 'missing' && op !== 'missing_some' && values.some(hasLoop)) {
    // a loop below an operator left to json-logic-js would run outside the step budget: its arguments
    // are evaluated here (budgeted) and handed over as values (these operators evaluate them eagerly anyway)
    const handed = { [op]: values.map((_, i) => ({ var: `a.${i}` })) };
    return (d) => (step(), jsonLogic.apply(handed as never, { a: args.map((a) => a(d)) } as never));
  }
  // anything else (cat, +, missing, …): json-logic-js evaluates this subtree itself (no loops in it)
  return (d) => (step(), jsonLogic.apply(logic as never, d as never));
}

const LOOPS = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);
function hasLoop(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasLoop);
  return Object.entries(v).some(([k, x]) => LOOPS.has(k) || hasLoop(x));
}
