/**
 * Every way a portal may show one draft value, derived from the field's schema and the pack
 * (`fill/value-forms.json`), never from a portal map: a district `310115` is also 浦东新区, 浦东 and the
 * cascader path 上海市 / 浦东新区; 初级工 is also 五级 and 5; `true` is 是 / 有; a date is 2025-03-10,
 * 2025/03/10 and 2025年3月10日. The page's control picks the form its options actually contain.
 */
import { formatDate } from './transforms';
import type { FillValue, ValueForms } from './types';

export interface ValueFormList {
  ref: string;
  list: string;
  key: string;
  /** schema formats whose values are keys of this list */
  formats?: string[];
  /** suffixes `{x|short}` drops (浦东新区 → 浦东) */
  short?: string[];
  /** text forms, templates over the entry's fields: `{name}`, `{name|short}`, `{grade|digit}` */
  forms: string[];
  /** cascader paths, each a list of templates */
  paths?: string[][];
}

/**
 * Other wordings of an enum's values (市属国企 is also 市属国有企业, 市管国有企业): applies to a field whose
 * enum holds every value it names, so a generic value (`other`) of another enum is never reworded.
 */
export interface EnumWordings {
  values: Record<string, string[]>;
}

export interface ValueFormRules {
  booleans: { true: string[]; false: string[] };
  enums?: EnumWordings[];
  dates: string[];
  lists: ValueFormList[];
  numberUnits: string[];
}

const EMPTY_RULES: ValueFormRules = { booleans: { true: [], false: [] }, enums: [], dates: [], lists: [], numberUnits: [] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The rules in a pack's `fill/value-forms.json`; a pack without them (or with a malformed file) offers only the schema's own forms. */
export function valueFormRules(files: Record<string, unknown>): ValueFormRules {
  const f = files['fill/value-forms.json'];
  if (!isObj(f)) return EMPTY_RULES;
  const b = isObj(f.booleans) ? f.booleans : {};
  const lists: ValueFormList[] = [];
  for (const l of Array.isArray(f.lists) ? f.lists : []) {
    if (!isObj(l) || typeof l.ref !== 'string' || typeof l.list !== 'string' || typeof l.key !== 'string') continue;
    lists.push({
      ref: l.ref,
      list: l.list,
      key: l.key,
      formats: strs(l.formats),
      short: strs(l.short),
      forms: strs(l.forms),
      paths: Array.isArray(l.paths) ? l.paths.map(strs).filter((p) => p.length) : [],
    });
  }
  const enums: EnumWordings[] = [];
  for (const e of Array.isArray(f.enums) ? f.enums : []) {
    if (!isObj(e) || !isObj(e.values)) continue;
    const values = Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, strs(v)]));
    if (Object.keys(values).length) enums.push({ values });
  }
  return { booleans: { true: strs(b.true), false: strs(b.false) }, enums, dates: strs(f.dates), lists, numberUnits: strs(f.numberUnits) };
}

const NUMERALS: Record<string, string> = { 零: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** `五级` → `5`: the first numeral (Chinese or Arabic) of a text, as digits; '' when it has none. */
export function digitOf(text: string): string {
  const m = /[0-9]+|[零一二两三四五六七八九]/.exec(text);
  if (!m) return '';
  return NUMERALS[m[0]] ?? m[0];
}

function fillTemplate(tpl: string, entry: Record<string, unknown>, short: readonly string[]): string | null {
  let missing = false;
  const out = tpl.replace(/\{(\w+)(?:\|(\w+))?\}/g, (_m, key: string, filter?: string) => {
    const v = entry[key];
    if (typeof v !== 'string' && typeof v !== 'number') {
      missing = true;
      return '';
    }
    let s = String(v);
    if (filter === 'short') {
      const suffix = short.find((x) => s.endsWith(x) && s.length > x.length + 1);
      s = suffix ? s.slice(0, -suffix.length) : s;
    } else if (filter === 'digit') s = digitOf(s);
    if (!s) missing = true;
    return s;
  });
  return missing ? null : out;
}

const uniq = <T>(xs: T[], key: (x: T) => string = String): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

export interface FieldShape {
  format?: string;
  type?: string;
  enumValues?: readonly unknown[];
  enumNames?: readonly string[];
}

interface ScalarForms {
  texts: string[];
  paths: string[][];
}

/** The text forms and cascader paths of one scalar value. */
function scalarForms(v: unknown, field: FieldShape, rules: ValueFormRules, reference: Record<string, unknown>): ScalarForms {
  const texts: string[] = [];
  const paths: string[][] = [];
  if (typeof v === 'boolean') {
    texts.push(...(v ? rules.booleans.true : rules.booleans.false));
    return { texts, paths };
  }
  if (v === null || v === undefined) return { texts, paths };
  const raw = String(v);
  // an enum's label first: it is what the form showed the user
  const i = field.enumValues?.indexOf(v) ?? -1;
  const label = i >= 0 ? field.enumNames?.[i] : undefined;
  if (label) texts.push(label);
  if (i >= 0) {
    for (const e of rules.enums ?? []) {
      const named = Object.keys(e.values);
      if (named.includes(raw) && named.every((k) => field.enumValues?.includes(k))) texts.push(...e.values[raw]);
    }
  }
  if (field.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    for (const f of rules.dates) {
      const d = formatDate(raw, f);
      if (d) texts.push(d);
    }
  }
  const keys = [raw, ...(label ? [label] : [])];
  for (const list of rules.lists) {
    const rows = isObj(reference[list.ref]) ? (reference[list.ref] as Record<string, unknown>)[list.list] : undefined;
    if (!Array.isArray(rows)) continue;
    // a list applies by format, or when the value is one of its keys (a level enum holds level names)
    // a list with formats applies to fields of those formats only (a text field may hold `310110` meaning
    // something else); one without applies wherever the value is one of its keys (a level enum)
    if (list.formats?.length && !(field.format && list.formats.includes(field.format))) continue;
    const entry = rows.find((r) => isObj(r) && keys.includes(String(r[list.key]))) as Record<string, unknown> | undefined;
    if (!entry) continue;
    for (const tpl of list.forms) {
      const s = fillTemplate(tpl, entry, list.short ?? []);
      if (s) texts.push(s);
    }
    for (const p of list.paths ?? []) {
      const parts = p.map((tpl) => fillTemplate(tpl, entry, list.short ?? []));
      if (parts.every((x): x is string => !!x)) paths.push(parts as string[]);
    }
  }
  texts.push(raw);
  if (typeof v === 'number' || field.type === 'integer' || field.type === 'number') {
    for (const u of rules.numberUnits) texts.push(`${raw}${u}`);
  }
  return { texts: uniq(texts), paths: uniq(paths, (p) => p.join('/')) };
}

/**
 * The forms of a draft value for one control. `preferred` (a portal map's transformed value) stays
 * the value written to a text box; the forms let a choice control pick what its options hold.
 */
export function valueForms(raw: unknown, field: FieldShape, rules: ValueFormRules, reference: Record<string, unknown>, preferred?: FillValue): { value: FillValue; forms: ValueForms } {
  if (Array.isArray(raw)) {
    const each = raw.map((x) => scalarForms(x, field, rules, reference).texts);
    const value: FillValue = preferred ?? each.map((forms, i) => forms[0] ?? String(raw[i]));
    // a list of enum labels may be worded by the page its own way (备案 for 机构备案), as a single one may
    const loose = !!field.enumNames && raw.every((x) => field.enumValues?.includes(x));
    return { value, forms: { each, ...(loose ? { loose } : {}) } };
  }
  const { texts, paths } = scalarForms(raw, field, rules, reference);
  if (typeof raw === 'boolean') return { value: preferred ?? raw, forms: { texts, paths } };
  const value = preferred ?? texts[0] ?? String(raw);
  const all = typeof value === 'string' ? uniq([value, ...texts]) : texts;
  const loose = !!field.enumNames && field.enumValues?.includes(raw) === true && !paths.length;
  return { value, forms: { texts: all, paths: Array.isArray(value) ? uniq([value, ...paths], (p) => p.join('/')) : paths, ...(loose ? { loose } : {}) } };
}
