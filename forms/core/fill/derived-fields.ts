/**
 * Values portals ask for that the draft keeps as lists — the number of evaluators, the total of
 * stations, the occupation names joined — declared in the pack (`fill/derived.json`), never in code:
 * an op (count, sum, join, first) over a list pointer (`*` for each item), a title and the labels
 * portals use. The planner offers each to the matcher like a field of the draft.
 */
import { valueAt } from '../schema/json-pointer';
import type { SchemaField } from './schema-fields';
import { patternOf } from './schema-fields';
import type { FillValue, ValueForms } from './types';
import { valueForms, type ValueFormRules } from './value-forms';

export type DerivedOp = 'count' | 'sum' | 'join' | 'first';

export interface DerivedField {
  id: string;
  documents: string[];
  op: DerivedOp;
  /** `/evaluators` (count), `/sites/*\/stations` (sum, join, first) */
  path: string;
  separator?: string;
  title: string;
  labels: string[];
  /** section titles the value belongs to */
  context?: string[];
}

const OPS = new Set<DerivedOp>(['count', 'sum', 'join', 'first']);
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
      title: d.title,
      labels: Array.isArray(d.labels) ? d.labels.filter((x): x is string => typeof x === 'string') : [],
      context: Array.isArray(d.context) ? d.context.filter((x): x is string => typeof x === 'string') : undefined,
    });
  }
  return out;
}

/** Every value at a pointer pattern (`/sites/*\/stations`), in order; empty ones left out. */
export function valuesAt(doc: unknown, pattern: string): unknown[] {
  const parts = pattern.split('/').slice(1);
  let cur: unknown[] = [doc];
  for (const p of parts) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (p === '*') {
        if (Array.isArray(v)) next.push(...v);
      } else if (v !== null && typeof v === 'object') {
        const x = valueAt(v, `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`);
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
