/**
 * The pack's English: `i18n/en.json` in the pack, a gettext-style table
 * `{ "<exact Chinese text>": "<English>" }` covering every text the pack shows (field titles, help
 * texts, enum labels, rule messages, check texts). Keyed by the Chinese text itself, so a text edited
 * in Chinese is visibly untranslated (it falls back to Chinese) instead of showing stale English.
 */
import type { JsonSchema, Pack } from '../pack/types';
import type { Lang } from './lang';
import type { Localized } from './text';

export const PACK_TRANSLATION_FILE = 'i18n/en.json';

const tables = new WeakMap<Pack, ReadonlyMap<string, string>>();

/** The pack's Chinese → English table (empty when the pack has none or it is malformed). */
export function packEnglish(pack: Pack): ReadonlyMap<string, string> {
  let table = tables.get(pack);
  if (!table) {
    const raw = pack.files[PACK_TRANSLATION_FILE];
    const map = new Map<string, string>();
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [zh, en] of Object.entries(raw as Record<string, unknown>)) if (typeof en === 'string' && en.trim()) map.set(zh, en);
    }
    tables.set(pack, (table = map));
  }
  return table;
}

/**
 * A pack text in `lang`: a plain Chinese string, or `{zh, en?}` whose own English wins. English
 * falls back to the table, then to the Chinese (better a Chinese word than none).
 */
export function packText(pack: Pack, text: string | Localized | undefined, lang: Lang): string {
  if (text === undefined) return '';
  const zh = typeof text === 'string' ? text : text.zh;
  if (lang === 'zh') return zh;
  return (typeof text === 'string' ? undefined : text.en) ?? packEnglish(pack).get(zh) ?? zh;
}

const SCHEMA_TEXTS = new Set(['title', 'description']);
const UI_TEXTS = new Set(['ui:title', 'ui:description', 'ui:help', 'ui:placeholder']);

function translateTree(node: unknown, en: ReadonlyMap<string, string>, isText: (key: string) => boolean, isList: (key: string) => boolean): unknown {
  if (Array.isArray(node)) return node.map((v) => translateTree(v, en, isText, isList));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (isText(k) && typeof v === 'string') out[k] = en.get(v) ?? v;
    else if (isList(k) && Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? (en.get(x) ?? x) : x));
    // enum names may also be a map keyed by value
    else if (isList(k) && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).map(([key, x]) => [key, typeof x === 'string' ? (en.get(x) ?? x) : x]));
    else out[k] = translateTree(v, en, isText, isList);
  }
  return out;
}

const schemaCache = new WeakMap<object, JsonSchema>();
const uiCache = new WeakMap<object, Record<string, unknown>>();

/**
 * A document schema with its titles and descriptions in `lang` (the same object in Chinese).
 * Property names, enum values and everything validation reads stay as they are.
 */
export function schemaIn<T extends JsonSchema>(pack: Pack, schema: T, lang: Lang): T {
  if (lang === 'zh') return schema;
  let out = schemaCache.get(schema);
  if (!out) {
    // `properties` and `definitions` map names to schemas: a field named `title` is not a text
    const translate = (node: unknown, inMap: boolean): unknown => {
      if (Array.isArray(node)) return node.map((v) => translate(v, false));
      if (!node || typeof node !== 'object') return node;
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (!inMap && SCHEMA_TEXTS.has(k) && typeof v === 'string') o[k] = packEnglish(pack).get(v) ?? v;
        else o[k] = translate(v, !inMap && (k === 'properties' || k === 'definitions' || k === 'patternProperties'));
      }
      return o;
    };
    schemaCache.set(schema, (out = translate(schema, false) as JsonSchema));
  }
  return out as T;
}

/** A UI schema with its labels, help texts, placeholders and enum names in `lang`. */
export function uiIn<T extends Record<string, unknown>>(pack: Pack, ui: T, lang: Lang): T {
  if (lang === 'zh') return ui;
  let out = uiCache.get(ui);
  if (!out) {
    out = translateTree(ui, packEnglish(pack), (k) => UI_TEXTS.has(k), (k) => k === 'ui:enumNames') as Record<string, unknown>;
    uiCache.set(ui, out);
  }
  return out as T;
}
