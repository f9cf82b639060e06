/**
 * The fill planner: draft + document schema/ui + portal map + synonyms → the list of values one fill
 * sends to the page. Pure and framework-free, so the background, the tests and the bench share it.
 *
 * Order of decisions:
 * 1. fields the map names (selector or label) get the map's transforms;
 * 2. arrays the map names become one item per row field, with the add-row button;
 * 3. every other scalar field with a value is matched by label: its schema title plus the pack's
 *    synonyms; two draft fields whose labels collide are ambiguous and are reported, not filled.
 */
import { pruneHidden } from '../schema/prune-hidden';
import { documentSchema } from '../pack/document-schema';
import type { Pack } from '../pack/types';
import { valueAt } from '../schema/json-pointer';
import { patternOf, schemaFields, type SchemaField } from './schema-fields';
import { synonymIndex, type SynonymIndex } from './synonyms';
import { applyTransforms } from './transforms';
import type { ControlKind, FillPlan, FillValue, PlanItem, PlanSkip, PortalDocumentMap, PortalFieldMap, PortalMap, Transform } from './types';

export interface PlanInput {
  pack: Pack;
  docId: string;
  draft: unknown;
  /** the portal map for this page, or null for label matching alone */
  map: PortalMap | null;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function inferKind(field: SchemaField | undefined, value: unknown): ControlKind {
  if (typeof value === 'boolean') return 'toggle';
  if (field?.type === 'array' && Array.isArray(value)) return 'multi';
  if (Array.isArray(value)) return 'cascade';
  if (field?.enumValues) return 'choice';
  if (field?.format === 'date') return 'date';
  if (field?.type === 'integer' || field?.type === 'number') return 'number';
  return 'text';
}

function toFillValue(v: unknown): FillValue {
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => String(x));
  return String(v);
}

/** The transforms a field gets when the map names none: the map's per-format defaults, then enum labels. */
function defaultTransforms(map: PortalMap | null, field: SchemaField | undefined): Transform[] {
  if (!field) return [];
  const byFormat = field.format ? map?.formats?.[field.format] : undefined;
  if (byFormat) return byFormat;
  if (field.enumValues && field.enumNames) return [{ enumNames: true }];
  return [];
}

export function planFill({ pack, docId, draft: drafted, map }: PlanInput): FillPlan {
  const doc = pack.documents[docId];
  // values of sections that do not apply to the choices made stay in the draft, never reach the portal
  const draft = doc ? pruneHidden(pack, docId, drafted) : drafted;
  const fields = schemaFields(documentSchema(pack, docId), doc?.ui ?? {});
  const byPattern = new Map(fields.map((f) => [f.pattern, f]));
  const synonyms = synonymIndex(pack.reference.synonyms);
  const docMap: PortalDocumentMap = map?.documents[docId] ?? { fields: [] };
  const items: PlanItem[] = [];
  const skipped: PlanSkip[] = [];
  const covered = new Set<string>();

  const makeItem = (
    fm: PortalFieldMap,
    base: string,
    row: PlanItem['row'],
  ): void => {
    const rel = fm.paths ?? (fm.path !== undefined ? [fm.path] : []);
    const pointers = rel.map((p) => `${base}${p}`);
    if (!pointers.length) return;
    for (const p of pointers) covered.add(patternOf(p));
    const first = pointers[0];
    const field = byPattern.get(patternOf(first));
    const title = field?.title ?? first;
    const raw = pointers.length > 1 ? pointers.map((p) => valueAt(draft, p)) : valueAt(draft, first);
    if (pointers.length > 1 ? (raw as unknown[]).every(isEmpty) : isEmpty(raw)) {
      skipped.push({ path: first, title, reason: 'empty' });
      return;
    }
    const steps = fm.transform ?? defaultTransforms(map, field);
    const r = applyTransforms(raw, steps, { reference: pack.reference, enumValues: field?.enumValues, enumNames: field?.enumNames });
    if (!r.ok) {
      skipped.push({ path: first, title, reason: 'transform-failed', detail: r.detail });
      return;
    }
    const match = fm.selector
      ? { selector: fm.selector }
      : { labels: synonyms.expand(fm.label ?? title) };
    // one draft value may go to two portal fields (a select and a cascader of the same district)
    const dup = items.filter((i) => i.path === first).length;
    items.push({
      id: dup ? `${first}#${dup + 1}` : first,
      path: first,
      title,
      match,
      value: toFillValue(r.value),
      kind: fm.control ?? inferKind(field, r.value),
      ...(row ? { row } : {}),
    });
  };

  for (const fm of docMap.fields) makeItem(fm, '', undefined);

  for (const am of docMap.arrays ?? []) {
    covered.add(`${am.path}/*`);
    const list = valueAt(draft, am.path);
    if (!Array.isArray(list)) continue;
    list.forEach((_item, index) => {
      for (const fm of am.fields) makeItem(fm, `${am.path}/${index}`, { array: am.path, index, rows: am.rows, addRow: am.addRow, removeRow: am.removeRow });
    });
  }

  if (docMap.labelMatching !== false) labelMatch(fields, covered, draft, synonyms, map, pack, items, skipped);
  else reportUnmappedArrays(fields, covered, draft, skipped);

  return { portalId: map?.id ?? null, docId, items, skipped };
}

function labelMatch(
  fields: SchemaField[],
  covered: Set<string>,
  draft: unknown,
  synonyms: SynonymIndex,
  map: PortalMap | null,
  pack: Pack,
  items: PlanItem[],
  skipped: PlanSkip[],
): void {
  const candidates = fields
    .filter((f) => !f.inArray && !covered.has(f.pattern) && !isEmpty(valueAt(draft, f.pattern)))
    .map((f) => ({ field: f, labels: synonyms.expand(f.title) }));
  // a label shared by two draft fields cannot tell them apart: report both instead of guessing
  const owners = new Map<string, number>();
  for (const c of candidates) for (const l of c.labels) owners.set(l, (owners.get(l) ?? 0) + 1);
  for (const { field, labels } of candidates) {
    if (labels.some((l) => (owners.get(l) ?? 0) > 1)) {
      skipped.push({ path: field.pattern, title: field.title, reason: 'ambiguous-title' });
      continue;
    }
    const raw = valueAt(draft, field.pattern);
    const r = applyTransforms(raw, defaultTransforms(map, field), { reference: pack.reference, enumValues: field.enumValues, enumNames: field.enumNames });
    if (!r.ok) {
      skipped.push({ path: field.pattern, title: field.title, reason: 'transform-failed', detail: r.detail });
      continue;
    }
    items.push({ id: field.pattern, path: field.pattern, title: field.title, match: { labels }, value: toFillValue(r.value), kind: inferKind(field, r.value) });
  }
  reportUnmappedArrays(fields, covered, draft, skipped);
}

/** Arrays of objects cannot be label-matched (which row?): say so once per array that has rows. */
function reportUnmappedArrays(fields: SchemaField[], covered: Set<string>, draft: unknown, skipped: PlanSkip[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    if (!f.inArray) continue;
    const arr = f.pattern.slice(0, f.pattern.indexOf('/*'));
    if (seen.has(arr) || covered.has(`${arr}/*`) || arr.includes('*')) continue;
    seen.add(arr);
    const v = valueAt(draft, arr);
    if (Array.isArray(v) && v.length) skipped.push({ path: arr, title: f.arrayTitle ?? arr, reason: 'array-without-map' });
  }
}
