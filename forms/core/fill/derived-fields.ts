/**
 * Values portals ask for that the draft keeps as lists — the number of evaluators, the total of
 * stations, the occupation names joined — declared in the pack (`fill/derived.json`), never in code:
 * an op (count, sum, join, first) over a list pointer (`*` for each item), or `map` from one field's
 * value to the answer of a question the portal words differently (是否国有企业 from 企业性质), with a title
 * and the labels portals use. The planner offers each to the matcher like a field of the draft.
 */
import { valueAt } from '../schema/json-pointer';
import type { SchemaField } from './schema-fields';
import { patternOf } from './schema-fields';
import type { FillValue, ValueForms } from './types';
import { valueForms, type ValueFormRules } from './value-forms';
import { joinPointer, splitPointer } from '../schema/json-pointer';

export type DerivedOp = 'count' | 'sum' | 'join' | 'first' | 'map';

export interface DerivedField {
  id: string;
  documents: string[];
  op: DerivedOp;
  /** `/evaluators` (count), `/sites/*\/stations` (sum, join, first) */
  path: string;
  separator?: string;
  /** for `map`: the answer for each value of the field at `path` (a value not listed gives none) */
  map?: Record<string, string | number | boolean>;
  title: string;
  labels: string[];
  /** section titles the value belongs to */
  context?: string[];
}

const OPS = new Set<DerivedOp>(['count', 'sum', 'join', 'first', 'map']);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The derived fields the pack declares for a document (`"documents": ["*"]` for all). */
export function derivedFields(files: Record<string, unknown>, docId: string): DerivedField[] {
  const f = files['fill/derived.json'];
  if (!isObj(f) || !Array.isArray(f.derived)) return [];
  const out: DerivedField[] = [];
  for (const d of f.derived) {
    if (!isObj(d) || typeof d.id !== 'string' || typeof d.path !== 'string' || typeof d.title !== 'string' || !OPS.has(d.op as DerivedOp)) continue;
    const docs = Array.isArray(d.documents) ? d.documents.filter((x): x is string => typeof x === 'string') : [];
    if (!docs.includes('*') && !docs.includes(docId)) continue;
    out.push({
      id: d.id,
      documents: docs,
      op: d.op as DerivedOp,
      path: d.path,
      separator: typeof d.separator === 'string' ? d.separator : undefined,
      ...(isObj(d.map) ? { map: answers(d.map) } : {}),
      title: d.title,
      labels: Array.isArray(d.labels) ? d.labels.filter((x): x is string => typeof x === 'string') : [],
      context: Array.isArray(d.context) ? d.context.filter((x): x is string => typeof x === 'string') : undefined,
    });
  }
  return out;
}

const answers = (m: Record<string, unknown>): Record<string, string | number | boolean> =>
  Object.fromEntries(Object.entries(m).filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1])));

/** Every value at a pointer pattern (`/sites/*\/stations`), in order; empty ones left out. */
export function valuesAt(doc: unknown, pattern: string): unknown[] {
  const parts = splitPointer(pattern);
  let cur: unknown[] = [doc];
  for (const p of parts) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (p === '*') {
        if (Array.isArray(v)) next.push(...v);
      } else if (v !== null && typeof v === 'object') {
        const x = valueAt(v, joinPointer([p]));
        if (x !== undefined) next.push(x);
      }
    }
    cur = next;
  }
  return cur.filter((v) => v !== undefined && v !== null && v !== '');
}

/** The value of one derived field for a draft, with its forms; null when the draft has nothing to derive it from. */
export function derivedValue(
  d: DerivedField,
  draft: unknown,
  fields: readonly SchemaField[],
  rules: ValueFormRules,
  reference: Record<string, unknown>,
): { value: FillValue; forms: ValueForms } | null {
  if (d.op === 'map') {
    const v = valueAt(draft, d.path);
    const answer = v === undefined || v === null ? undefined : d.map?.[String(v)];
    if (answer === undefined) return null;
    return valueForms(answer, { type: typeof answer === 'boolean' ? 'boolean' : typeof answer === 'number' ? 'number' : 'string' }, rules, reference);
  }
  if (d.op === 'count') {
    const list = valueAt(draft, d.path);
    if (!Array.isArray(list) || !list.length) return null;
    return valueForms(list.length, { type: 'integer' }, rules, reference);
  }
  const values = valuesAt(draft, d.path);
  if (!values.length) return null;
  if (d.op === 'sum') {
    const nums = values.map(Number).filter(Number.isFinite);
    if (!nums.length) return null;
    return valueForms(nums.reduce((a, b) => a + b, 0), { type: 'number' }, rules, reference);
  }
  const field = fields.find((f) => f.pattern === patternOf(d.path)) ?? {};
  // each item in the form the page would show it (a district's name, an enum's label)
  const shown = values.map((v) => {
    const f = valueForms(v, field, rules, reference);
    return typeof f.value === 'string' ? f.value : String(v);
  });
  if (d.op === 'first') return valueForms(values[0], field, rules, reference);
  const sep = d.separator ?? '、';
  const joined = shown.join(sep);
  const texts = [...new Set([joined, shown.join('，'), shown.join(','), shown.join('；'), shown.join(' ')])];
  return { value: joined, forms: { texts, each: values.map((v) => valueForms(v, field, rules, reference).forms.texts ?? [String(v)]) } };
}
