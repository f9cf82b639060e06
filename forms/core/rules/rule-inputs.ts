import type { Logic } from './types';

/** Operations whose second argument is evaluated with each list item as its scope, not the rule's scope. */
const ITEM_SCOPED = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

/** Scope roots that are never "missing input": parameters and values the engine provides. */
const ENGINE_ROOTS = new Set(['params', 'index', 'rowNumber', 'today', 'let']);

/**
 * The var paths a rule reads as inputs: every `{"var": path}` without a default, outside item-scoped
 * sub-expressions. A rule whose inputs are absent does not apply yet (the schema reports missing fields).
 */
export function ruleInputs(...logics: Logic[]): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const op = keys[0];
    const arg = (node as Record<string, unknown>)[op];
    if (op === 'var') {
      const args = Array.isArray(arg) ? arg : [arg];
      if (args.length === 1 && typeof args[0] === 'string' && args[0] !== '') {
        if (!ENGINE_ROOTS.has(args[0].split('.')[0])) out.add(args[0]);
      }
      return;
    }
    if (ITEM_SCOPED.has(op) && Array.isArray(arg)) return walk(arg[0]);
    walk(arg);
  };
  logics.forEach(walk);
  return [...out];
}

export function readPath(scope: unknown, path: string): unknown {
  let cur: unknown = scope;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

export const isAbsent = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Every var path a logic reads, item-scoped ones included (for dependency checks, not for "missing"). */
export function varsRead(logic: Logic): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [op, arg] of Object.entries(node)) {
      if (op === 'var') {
        const first = Array.isArray(arg) ? arg[0] : arg;
        if (typeof first === 'string') out.push(first);
        else walk(first);
      } else walk(arg);
    }
  };
  walk(logic);
  return out;
}
