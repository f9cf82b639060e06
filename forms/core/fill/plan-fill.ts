/**
 * The fill planner: draft + document schema/ui + portal map + synonyms → the list of values one fill
 * sends to the page. Pure and framework-free, so the background, the tests and the bench share it.
 *
 * Order of decisions:
 * 1. fields the map names (selector or label) get the map's transforms;
 * 2. arrays the map names become one item per row field, with the add-row button;
 * 3. every other field with a value is offered to the page's scored matcher (match-fields.ts): its
 *    title, the pack's synonyms, its sections' titles and description; lists without a map become
 *    one item per row and column, placed by the page in the table whose headers name the columns;
 *    the pack's derived values (counts, joined names) are offered the same way.
 * Every value carries its other forms (value-forms.ts), so a control picks the one it shows.
 */
import { pruneHidden } from '../schema/prune-hidden';
import { documentSchema } from '../pack/document-schema';
import type { Pack } from '../pack/types';
import { valueAt } from '../schema/json-pointer';
import { derivedFields, derivedValue } from './derived-fields';
import { materialCore, matchSettings } from './match-fields';
import { patternOf, schemaFields, type SchemaField } from './schema-fields';
import { packSynonyms, type SynonymIndex } from './synonyms';
import { applyTransforms } from './transforms';
import type { ControlKind, FillPlan, FillValue, PlanItem, PlanSkip, PortalDocumentMap, PortalFieldMap, PortalMap, Transform } from './types';
import { valueFormRules, valueForms, type ValueFormRules } from './value-forms';

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
  const synonyms = packSynonyms(pack);
  const rules = valueFormRules(pack.files);
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
    const value = toFillValue(r.value);
    // the map's value is written; the schema's other forms still let a control find its option
    const forms = pointers.length === 1 && field ? valueForms(raw, field, rules, pack.reference, value).forms : undefined;
    items.push({
      id: dup ? `${first}#${dup + 1}` : first,
      path: first,
      title,
      match,
      value,
      ...(forms ? { forms } : {}),
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

  if (docMap.labelMatching !== false) {
    const ctx: MatchContext = { fields, covered, draft, synonyms, map, pack, rules, items, skipped, materialWords: matchSettings(pack.files).materialWords };
    labelMatch(ctx);
    materialMatch(ctx);
    listMatch(ctx);
    derivedMatch(ctx, docId);
  } else reportUnmappedArrays(fields, covered, draft, skipped);

  return { portalId: map?.id ?? null, docId, items, skipped };
}

interface MatchContext {
  fields: SchemaField[];
  covered: Set<string>;
  draft: unknown;
  synonyms: SynonymIndex;
  map: PortalMap | null;
  pack: Pack;
  rules: ValueFormRules;
  items: PlanItem[];
  skipped: PlanSkip[];
  /** fill/matching.json `materialWords` */
  materialWords: readonly string[];
}

/** One scored item for a draft value at `pointer` (its field's title, synonyms, sections, forms). */
function scoredItem(c: MatchContext, field: SchemaField, pointer: string, row?: PlanItem['row']): PlanItem | null {
  const raw = valueAt(c.draft, pointer);
  const r = applyTransforms(raw, defaultTransforms(c.map, field), { reference: c.pack.reference, enumValues: field.enumValues, enumNames: field.enumNames });
  if (!r.ok) {
    c.skipped.push({ path: pointer, title: field.title, reason: 'transform-failed', detail: r.detail });
    return null;
  }
  // without a map transform the schema's display form leads (the label, not the code)
  const mapped = r.value !== raw ? toFillValue(r.value) : undefined;
  const { value, forms } = valueForms(raw, field, c.rules, c.pack.reference, mapped);
  const context = row ? [...field.sections, field.arrayTitle ?? ''].filter(Boolean) : field.sections;
  // each section named with its synonyms: a page heading 经办人信息 names the draft's 联系人
  const sections = [...new Set(context)].map((s) => c.synonyms.expand(s));
  return {
    id: pointer,
    path: pointer,
    title: field.title,
    match: { labels: c.synonyms.expand(field.title), scored: true, context, sections, ...(field.description ? { hints: [field.description] } : {}) },
    value,
    forms,
    kind: inferKind(field, Array.isArray(value) && !Array.isArray(raw) ? value : raw),
    ...(row ? { row } : {}),
  };
}

function labelMatch(c: MatchContext): void {
  for (const field of c.fields) {
    if (field.inArray || c.covered.has(field.pattern) || isEmpty(valueAt(c.draft, field.pattern))) continue;
    const item = scoredItem(c, field, field.pattern);
    if (item) c.items.push(item);
  }
}

/**
 * Lists no map names: one item per row and column. The page finds the table (or repeater) whose
 * header cells name the columns, adds rows with its add button, and fills row by row.
 */
function listMatch(c: MatchContext): void {
  const arrays = new Map<string, SchemaField[]>();
  for (const f of c.fields) {
    if (!f.inArray) continue;
    const star = f.pattern.indexOf('/*');
    const arr = f.pattern.slice(0, star);
    const rest = f.pattern.slice(star + 2);
    // a column is a scalar (or a list of choices) of the row itself: nested lists and objects stay out
    if (arr.includes('*') || c.covered.has(`${arr}/*`) || rest.split('/').length !== 2) continue;
    arrays.set(arr, [...(arrays.get(arr) ?? []), f]);
  }
  for (const [arr, columns] of arrays) {
    const list = valueAt(c.draft, arr);
    if (!Array.isArray(list) || !list.length) continue;
    list.forEach((_row, index) => {
      for (const col of columns) {
        const pointer = `${arr}/${index}${col.pattern.slice(arr.length + 2)}`;
        if (isEmpty(valueAt(c.draft, pointer))) continue;
        const item = scoredItem(c, col, pointer, { array: arr, index, title: col.arrayTitle });
        if (item) c.items.push(item);
      }
    });
  }
}

/** A material's names to match by: the file's name, and the title and file name without copy words (营业执照副本复印件 → 营业执照). */
function materialNames(title: string, fileName: string, words: readonly string[]): string[] {
  const base = fileName.replace(/\.[^.]+$/, '');
  return [base, ...[title, base].map((t) => (t ? materialCore(t, words) : '')).filter((t) => t.length >= 2)];
}

/**
 * Materials: each list item holding a stored file (`…/*\/file/blobId`) becomes one upload, named by
 * the item's title (营业执照副本复印件) and matched to the page's upload controls by it.
 */
function materialMatch(c: MatchContext): void {
  for (const f of c.fields) {
    const m = /^(.*)\/\*\/([^/*]+)\/blobId$/.exec(f.pattern);
    if (!m || m[1].includes('*') || c.covered.has(`${m[1]}/*`)) continue;
    const [, arr, key] = m;
    c.covered.add(`${arr}/*`);
    const list = valueAt(c.draft, arr);
    if (!Array.isArray(list)) continue;
    const titleField = c.fields.find((x) => x.pattern === `${arr}/*/title`) ?? c.fields.find((x) => x.pattern === `${arr}/*/name`);
    list.forEach((row, index) => {
      const file = (row as Record<string, unknown> | null)?.[key] as Record<string, unknown> | undefined;
      if (!file || typeof file.blobId !== 'string' || !file.blobId) return;
      const name = typeof file.name === 'string' ? file.name : file.blobId;
      const title = titleField ? String(valueAt(c.draft, `${arr}/${index}${titleField.pattern.slice(arr.length + 2)}`) ?? '') : '';
      const id = `${arr}/${index}/${key}`;
      c.items.push({
        id,
        path: id,
        title: title || name,
        match: { labels: [...new Set([...(title ? c.synonyms.expand(title) : []), ...materialNames(title, name, c.materialWords)])], scored: true, context: [f.arrayTitle ?? ''].filter(Boolean) },
        value: name,
        kind: 'file',
        file: { blobId: file.blobId, name, type: typeof file.type === 'string' ? file.type : 'application/octet-stream' },
      });
    });
  }
}

/** The pack's derived values (fill/derived.json) for this document, offered like any field. */
function derivedMatch(c: MatchContext, docId: string): void {
  for (const d of derivedFields(c.pack.files, docId)) {
    const v = derivedValue(d, c.draft, c.fields, c.rules, c.pack.reference);
    if (v === null) continue;
    const id = `derived:${d.id}`;
    c.items.push({
      id,
      // an answer mapped from one field is that field's value in the portal's words: reported under it
      path: d.op === 'map' ? d.path : id,
      title: d.title,
      match: { labels: [...new Set([...c.synonyms.expand(d.title), ...d.labels.flatMap((l) => c.synonyms.expand(l))])], scored: true, context: d.context ?? [] },
      value: v.value,
      forms: v.forms,
      kind: typeof v.value === 'boolean' ? 'toggle' : typeof v.value === 'string' && /^\d+$/.test(v.value) ? 'number' : 'text',
      derived: true,
    });
  }
}

/** Arrays of objects a map leaves out when it turns label matching off: said once per array with rows. */
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
