/**
 * Edits of a document schema as the visual field editor makes them: pure functions from schema (and
 * ui schema) to new copies, so the JSON view, the undo of a bad edit and the tests see the same steps.
 * Fields live in `properties` of the document or of a section (an object property); a field shown
 * only under a condition lives in its own top-level `allOf: [{if, then}]` entry (the kit's subset).
 */
import type { JsonSchema } from '../pack/types';

export type FieldKind = 'text' | 'textarea' | 'integer' | 'number' | 'boolean' | 'date' | 'select' | 'section';

/** Formats the pack ships, offered as presets for a text field. */
export const FORMAT_PRESETS = [
  { format: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code' },
  { format: 'resident-id', zh: '身份证号码', en: 'Resident ID number' },
  { format: 'mobile', zh: '手机号码', en: 'Mobile number' },
  { format: 'phone', zh: '联系电话（手机或固定电话）', en: 'Phone (mobile or landline)' },
  { format: 'occupation-code', zh: '职业编码', en: 'Occupation code' },
  { format: 'sh-district', zh: '上海市辖区', en: 'Shanghai district' },
] as const;

/** Widgets the kit's theme has for those formats (forms/ui/theme). */
const FORMAT_WIDGETS: Record<string, string> = { uscc: 'uscc', 'sh-district': 'district' };

export interface Condition {
  /** a top-level field of the document */
  field: string;
  /** shown when that field equals this value */
  equals: string | number | boolean;
}

/** Where a field is: the section keys leading to it, then its key. */
export type FieldPath = string[];

export interface FieldView {
  path: FieldPath;
  key: string;
  kind: FieldKind | 'other';
  title: string;
  description: string;
  required: boolean;
  format?: string;
  pattern?: string;
  options: { value: string; label: string }[];
  min?: number;
  max?: number;
  condition?: Condition;
  /** index of the top-level `allOf` entry a conditional field is declared in */
  branch?: number;
  /** defined by reference to a shared block, or part of a multi-field condition: edit in the JSON view */
  readOnly: boolean;
  children?: FieldView[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

export function kindOf(def: Obj): FieldKind | 'other' {
  if (def.type === 'object' && isObj(def.properties) && !def.$ref) return 'section';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'integer') return 'integer';
  if (def.type === 'number') return 'number';
  if (def.type === 'string' && Array.isArray(def.enum)) return 'select';
  if (def.type === 'string' && def.format === 'date') return 'date';
  if (def.type === 'string') return 'text';
  if (def.$ref === '#/definitions/date') return 'date';
  return 'other';
}

/** The object (document or section) holding the fields at `sectionPath`. */
function container(schema: Obj, sectionPath: string[]): Obj | null {
  let cur: unknown = schema;
  for (const k of sectionPath) {
    cur = isObj(cur) && isObj(cur.properties) ? cur.properties[k] : undefined;
    if (!isObj(cur)) return null;
  }
  return isObj(cur) ? cur : null;
}

function uiAt(ui: Obj, path: string[]): Obj {
  let cur: Obj = ui;
  for (const k of path) {
    if (!isObj(cur[k])) cur[k] = {};
    cur = cur[k] as Obj;
  }
  return cur;
}

/** A field with a single-field condition: its allOf entry index and the condition. */
function conditionalEntries(schema: Obj): { index: number; key: string; def: Obj; required: boolean; condition: Condition | null }[] {
  const out: { index: number; key: string; def: Obj; required: boolean; condition: Condition | null }[] = [];
  (Array.isArray(schema.allOf) ? schema.allOf : []).forEach((entry, index) => {
    if (!isObj(entry) || !isObj(entry.then) || !isObj(entry.then.properties)) return;
    const keys = Object.keys(entry.then.properties);
    const ifProps = isObj(entry.if) && isObj(entry.if.properties) ? entry.if.properties : {};
    const ifKeys = Object.keys(ifProps);
    const c = ifKeys.length === 1 && isObj(ifProps[ifKeys[0]]) && 'const' in (ifProps[ifKeys[0]] as Obj) ? { field: ifKeys[0], equals: (ifProps[ifKeys[0]] as Obj).const as Condition['equals'] } : null;
    const req = new Set(Array.isArray(entry.then.required) ? (entry.then.required as string[]) : []);
    for (const key of keys) out.push({ index, key, def: entry.then.properties[key] as Obj, required: req.has(key), condition: keys.length === 1 ? c : null });
  });
  return out;
}

function view(key: string, def: Obj, path: FieldPath, required: boolean, ui: Obj, condition?: Condition, readOnly = false, branch?: number): FieldView {
  const kind = kindOf(def);
  const uiField = isObj(ui[key]) ? (ui[key] as Obj) : {};
  const names = Array.isArray(uiField['ui:enumNames']) ? (uiField['ui:enumNames'] as unknown[]) : [];
  const v: FieldView = {
    path,
    key,
    kind: kind === 'text' && uiField['ui:widget'] === 'textarea' ? 'textarea' : kind,
    title: String(def.title ?? ''),
    description: String(def.description ?? ''),
    required,
    format: typeof def.format === 'string' && def.format !== 'date' ? def.format : undefined,
    pattern: typeof def.pattern === 'string' ? def.pattern : undefined,
    options: Array.isArray(def.enum) ? def.enum.map((e, i) => ({ value: String(e), label: String(names[i] ?? e) })) : [],
    min: typeof (def.minimum ?? def.minLength) === 'number' ? ((def.minimum ?? def.minLength) as number) : undefined,
    max: typeof (def.maximum ?? def.maxLength) === 'number' ? ((def.maximum ?? def.maxLength) as number) : undefined,
    condition,
    ...(branch === undefined ? {} : { branch }),
    readOnly: readOnly || typeof def.$ref === 'string' || kind === 'other',
  };
  if (kind === 'section') {
    const req = new Set(Array.isArray(def.required) ? (def.required as string[]) : []);
    v.children = byUiOrder(
      Object.entries(def.properties as Obj).map(([k, d]) => view(k, isObj(d) ? d : {}, [...path, k], req.has(k), uiField, undefined, readOnly)),
      uiField,
    );
    v.readOnly = readOnly;
  }
  return v;
}

/** The document's fields in display order (ui:order first), sections with their children. */
export function listFields(schema: JsonSchema, ui: Obj = {}): FieldView[] {
  const req = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const props = isObj(schema.properties) ? schema.properties : {};
  const fields = Object.entries(props).map(([k, d]) => view(k, isObj(d) ? d : {}, [k], req.has(k), ui));
  for (const c of conditionalEntries(schema)) {
    if (c.key in props) continue;
    fields.push(view(c.key, c.def, [c.key], c.required, ui, c.condition ?? undefined, !c.condition, c.index));
  }
  return byUiOrder(fields, ui);
}

/** Fields in the order RJSF shows them: `ui:order` first (`*` standing for the rest), else as declared. */
function byUiOrder(fields: FieldView[], ui: Obj): FieldView[] {
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i >= 0 ? i : order.indexOf('*') >= 0 ? order.indexOf('*') + 0.5 : order.length;
  };
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.key) - rank(b.f.key) || a.i - b.i).map((x) => x.f);
}

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  title: string;
  description?: string;
  required?: boolean;
  format?: string;
  pattern?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface SchemaAndUi {
  schema: JsonSchema;
  ui: Obj;
}

function defOf(spec: FieldSpec, previous?: Obj): Obj {
  // keep what the visual editor does not show (e.g. default, x-citations) when a field is re-specified
  const keep = previous ? Object.fromEntries(Object.entries(previous).filter(([k]) => ['default', 'examples', '$comment', 'properties', 'required'].includes(k) || k.startsWith('x-'))) : {};
  const def: Obj = { ...keep, title: spec.title };
  if (spec.description) def.description = spec.description;
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      def.type = 'string';
      if (spec.format) def.format = spec.format;
      if (spec.pattern) def.pattern = spec.pattern;
      if (spec.min !== undefined) def.minLength = spec.min;
      if (spec.max !== undefined) def.maxLength = spec.max;
      break;
    case 'integer':
    case 'number':
      def.type = spec.kind;
      if (spec.min !== undefined) def.minimum = spec.min;
      if (spec.max !== undefined) def.maximum = spec.max;
      break;
    case 'boolean':
      def.type = 'boolean';
      break;
    case 'date':
      def.type = 'string';
      def.format = 'date';
      break;
    case 'select':
      def.type = 'string';
      def.enum = (spec.options ?? []).map((o) => o.value);
      break;
    case 'section':
      def.type = 'object';
      if (!isObj(def.properties)) def.properties = {};
      break;
  }
  return def;
}

function setUiFor(ui: Obj, path: FieldPath, spec: FieldSpec): void {
  const u = uiAt(ui, path);
  delete u['ui:widget'];
  delete u['ui:enumNames'];
  if (spec.kind === 'textarea') u['ui:widget'] = 'textarea';
  if (spec.kind === 'date') u['ui:widget'] = 'date';
  if (spec.format && FORMAT_WIDGETS[spec.format]) u['ui:widget'] = FORMAT_WIDGETS[spec.format];
  if (spec.kind === 'select') u['ui:enumNames'] = (spec.options ?? []).map((o) => o.label || o.value);
}

const setRequired = (holder: Obj, key: string, required: boolean) => {
  const req = new Set(Array.isArray(holder.required) ? (holder.required as string[]) : []);
  if (required) req.add(key);
  else req.delete(key);
  if (req.size) holder.required = [...req];
  else delete holder.required;
};

export const FIELD_KEY_RE = /^[a-zA-Z][a-zA-Z0-9]*$/;

export type EditResult = { ok: true; value: SchemaAndUi } | { ok: false; zh: string; en: string };

/** Adds a field at the end of the document or of a section. Keys are letters and digits (RJSF ids join them with `_`). */
export function addField(doc: SchemaAndUi, sectionPath: string[], spec: FieldSpec): EditResult {
  if (!FIELD_KEY_RE.test(spec.key)) return { ok: false, zh: '字段名须以字母开头，只含字母和数字', en: 'field keys start with a letter and hold only letters and digits' };
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const holder = container(out.schema, sectionPath);
  if (!holder) return { ok: false, zh: '分组不存在', en: 'no such section' };
  const props = isObj(holder.properties) ? holder.properties : (holder.properties = {});
  const taken = new Set([...Object.keys(props), ...(sectionPath.length ? [] : conditionalEntries(out.schema).map((c) => c.key))]);
  if (taken.has(spec.key)) return { ok: false, zh: `字段名 ${spec.key} 已存在`, en: `field ${spec.key} already exists` };
  props[spec.key] = defOf(spec);
  setRequired(holder, spec.key, !!spec.required);
  setUiFor(out.ui, [...sectionPath, spec.key], spec);
  return { ok: true, value: out };
}

/** Re-specifies a field (not its key or place); keeps the keywords the editor does not show. */
export function updateField(doc: SchemaAndUi, path: FieldPath, spec: FieldSpec, branch?: number): EditResult {
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const key = path[path.length - 1];
  const holder = container(out.schema, path.slice(0, -1));
  if (branch === undefined && holder && isObj(holder.properties) && key in holder.properties) {
    holder.properties[key] = defOf(spec, holder.properties[key] as Obj);
    setRequired(holder, key, !!spec.required);
  } else if (path.length === 1) {
    const c = conditionalEntries(out.schema).find((e) => e.key === key && (branch === undefined || e.index === branch));
    if (!c) return { ok: false, zh: '字段不存在', en: 'no such field' };
    const then = ((out.schema.allOf as Obj[])[c.index].then as Obj);
    (then.properties as Obj)[key] = defOf(spec, c.def);
    setRequired(then, key, !!spec.required);
  } else return { ok: false, zh: '字段不存在', en: 'no such field' };
  setUiFor(out.ui, path, spec);
  return { ok: true, value: out };
}

export function removeField(doc: SchemaAndUi, path: FieldPath, branch?: number): SchemaAndUi {
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const key = path[path.length - 1];
  const holder = container(out.schema, path.slice(0, -1));
  if (branch === undefined && holder && isObj(holder.properties) && key in holder.properties) {
    delete holder.properties[key];
    setRequired(holder, key, false);
  } else if (path.length === 1) {
    const c = conditionalEntries(out.schema).find((e) => e.key === key && (branch === undefined || e.index === branch));
    if (c) {
      const then = (out.schema.allOf as Obj[])[c.index].then as Obj;
      delete (then.properties as Obj)[key];
      setRequired(then, key, false);
      // an entry left with nothing to reveal has no purpose
      if (!Object.keys(then.properties as Obj).length) (out.schema.allOf as Obj[]).splice(c.index, 1);
    }
    if (Array.isArray(out.schema.allOf) && !out.schema.allOf.length) delete out.schema.allOf;
    // the ui entry is shared by every declaration of this key: keep it while one remains
    if (listFields(out.schema, out.ui).some((f) => f.key === key)) return out;
  }
  const uiParent = path.length > 1 ? uiAt(out.ui, path.slice(0, -1)) : out.ui;
  delete uiParent[key];
  if (Array.isArray(uiParent['ui:order'])) uiParent['ui:order'] = (uiParent['ui:order'] as string[]).filter((k) => k !== key);
  return out;
}

/** Moves a field one place up or down among its siblings (ui:order, keeping `*` for fields not listed). */
export function moveField(doc: SchemaAndUi, path: FieldPath, delta: -1 | 1): SchemaAndUi {
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const sectionPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const siblings = sectionPath.length
    ? (listFields(out.schema, out.ui).find((f) => f.key === sectionPath[0])?.children ?? []).map((f) => f.key)
    : listFields(out.schema, out.ui).map((f) => f.key);
  const i = siblings.indexOf(key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= siblings.length) return doc;
  [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
  const u = sectionPath.length ? uiAt(out.ui, sectionPath) : out.ui;
  u['ui:order'] = [...siblings, '*'];
  return out;
}

/** Renames a field's key (its data moves too: the publisher records the rename for drafts' migration). */
export function renameField(doc: SchemaAndUi, path: FieldPath, newKey: string): EditResult {
  if (!FIELD_KEY_RE.test(newKey)) return { ok: false, zh: '字段名须以字母开头，只含字母和数字', en: 'field keys start with a letter and hold only letters and digits' };
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const key = path[path.length - 1];
  const holder = container(out.schema, path.slice(0, -1));
  if (!holder || !isObj(holder.properties) || !(key in holder.properties)) return { ok: false, zh: '只能改名普通字段', en: 'only plain fields can be renamed' };
  if (newKey in holder.properties) return { ok: false, zh: `字段名 ${newKey} 已存在`, en: `field ${newKey} already exists` };
  holder.properties = Object.fromEntries(Object.entries(holder.properties).map(([k, v]) => [k === key ? newKey : k, v]));
  if (Array.isArray(holder.required)) holder.required = (holder.required as string[]).map((k) => (k === key ? newKey : k));
  const uiParent = path.length > 1 ? uiAt(out.ui, path.slice(0, -1)) : out.ui;
  if (key in uiParent) {
    uiParent[newKey] = uiParent[key];
    delete uiParent[key];
  }
  if (Array.isArray(uiParent['ui:order'])) uiParent['ui:order'] = (uiParent['ui:order'] as string[]).map((k) => (k === key ? newKey : k));
  return { ok: true, value: out };
}

/**
 * Shows a top-level field only when another top-level field has a value (or always, with null). The
 * field moves between `properties` and its own `allOf` entry; its requiredness goes with it.
 */
export function setCondition(doc: SchemaAndUi, key: string, condition: Condition | null, branch?: number): EditResult {
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  const s = out.schema as Obj;
  const props = isObj(s.properties) ? s.properties : (s.properties = {});
  let def: Obj;
  let required: boolean;
  const existing = conditionalEntries(s).find((c) => c.key === key && (branch === undefined || c.index === branch));
  if (branch === undefined && key in props) {
    def = props[key] as Obj;
    required = Array.isArray(s.required) && (s.required as string[]).includes(key);
    if (!condition) return { ok: true, value: doc };
    delete props[key];
    setRequired(s, key, false);
  } else if (existing?.condition) {
    def = existing.def;
    required = existing.required;
    (s.allOf as Obj[]).splice(existing.index, 1);
    if (!(s.allOf as Obj[]).length) delete s.allOf;
  } else return { ok: false, zh: '只能给顶层的普通字段设置显示条件', en: 'conditions can be set only on plain top-level fields' };
  if (!condition) {
    props[key] = def;
    setRequired(s, key, required);
    return { ok: true, value: out };
  }
  if (condition.field === key || !(condition.field in props)) return { ok: false, zh: '条件须引用另一个顶层字段', en: 'a condition must name another top-level field' };
  const entry: Obj = {
    if: { properties: { [condition.field]: { const: condition.equals } }, required: [condition.field] },
    then: { properties: { [key]: def }, ...(required ? { required: [key] } : {}) },
  };
  s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), entry];
  return { ok: true, value: out };
}

/**
 * Puts a field right after another of the same section (`after` null: first). Order is `ui:order`, so
 * a field can be placed among conditional ones as well (they are ordered by the same list).
 */
export function placeField(doc: SchemaAndUi, sectionPath: string[], key: string, after: string | null): EditResult {
  const out = { schema: clone(doc.schema), ui: clone(doc.ui) };
  let level: FieldView[] = listFields(out.schema, out.ui);
  for (const name of sectionPath) {
    const section = level.find((f) => f.key === name && f.kind === 'section');
    if (!section) return { ok: false, zh: '分组不存在', en: 'no such section' };
    level = section.children ?? [];
  }
  const siblings = level.map((f) => f.key);
  if (!siblings.includes(key)) return { ok: false, zh: `字段 ${key} 不在此分组中`, en: `field ${key} is not in this section` };
  if (after !== null && !siblings.includes(after)) return { ok: false, zh: `字段 ${after} 不在同一分组中：只能放在同一分组的字段之后`, en: `field ${after} is in another section: a field goes after one of its own section` };
  const rest = [...new Set(siblings)].filter((k) => k !== key);
  const at = after === null ? 0 : rest.indexOf(after) + 1;
  rest.splice(at, 0, key);
  const u = sectionPath.length ? uiAt(out.ui, sectionPath) : out.ui;
  u['ui:order'] = [...rest, '*'];
  return { ok: true, value: out };
}
