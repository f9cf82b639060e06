/**
 * The condition builder's model: a list of comparisons of a data field with a value, joined by
 * all/any, and its JSON Logic form. Logic the builder cannot show stays editable in the raw view.
 */
export type Op = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in';
export const OPS: Op[] = ['==', '!=', '>', '>=', '<', '<=', 'in'];

export interface Clause {
  path: string;
  op: Op;
  /** the value as typed: JSON when it parses (numbers, true, ["a","b"]), text otherwise */
  value: string;
}
export interface Builder {
  join: 'and' | 'or';
  clauses: Clause[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const valueOf = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
const textOf = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function clauseOf(logic: unknown): Clause | null {
  if (!isObj(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1 || !OPS.includes(keys[0] as Op)) return null;
  const args = logic[keys[0]];
  if (!Array.isArray(args) || args.length !== 2 || !isObj(args[0]) || typeof args[0].var !== 'string') return null;
  return { path: args[0].var, op: keys[0] as Op, value: textOf(args[1]) };
}

/** The builder form of a logic expression, or null when it is beyond the builder. */
export function builderOf(logic: unknown): Builder | null {
  if (logic === undefined) return { join: 'and', clauses: [] };
  const single = clauseOf(logic);
  if (single) return { join: 'and', clauses: [single] };
  if (!isObj(logic)) return null;
  const join = 'and' in logic ? 'and' : 'or' in logic ? 'or' : null;
  if (!join || Object.keys(logic).length !== 1 || !Array.isArray(logic[join])) return null;
  const clauses = (logic[join] as unknown[]).map(clauseOf);
  return clauses.every((c): c is Clause => c !== null) ? { join, clauses } : null;
}

export function logicOf(b: Builder): unknown {
  const parts = b.clauses.filter((c) => c.path).map((c) => ({ [c.op]: [{ var: c.path }, valueOf(c.value)] }));
  if (!parts.length) return undefined;
  return parts.length === 1 ? parts[0] : { [b.join]: parts };
}
