/**
 * Every text a pack shows to users, with where it is: what its English table (i18n/en.json) must
 * cover. Used by `npm run i18n:missing` and by the test that fails on an untranslated shipped text.
 */
import type { PackFiles } from '../pack/types';
import { PACK_TRANSLATION_FILE } from './pack-translation';
import { escapeSegment } from '../schema/json-pointer';

export interface PackTextAt {
  /** the Chinese text, the table's key */
  zh: string;
  /** file, then JSON pointer inside it */
  where: string;
}

const CJK = /[\u3400-\u9fff]/;
const SCHEMA_TEXTS = new Set(['title', 'description']);
const UI_TEXTS = new Set(['ui:title', 'ui:description', 'ui:help', 'ui:placeholder']);
const esc = (k: string | number) => `/${escapeSegment(k)}`;

function schemaTexts(node: unknown, at: string, inMap: boolean, out: PackTextAt[]): void {
  if (Array.isArray(node)) return node.forEach((v, i) => schemaTexts(v, at + esc(i), false, out));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (!inMap && SCHEMA_TEXTS.has(k) && typeof v === 'string') {
      if (CJK.test(v)) out.push({ zh: v, where: at + esc(k) });
    } else schemaTexts(v, at + esc(k), !inMap && (k === 'properties' || k === 'definitions' || k === 'patternProperties'), out);
  }
}

function uiTexts(node: unknown, at: string, out: PackTextAt[]): void {
  if (Array.isArray(node)) return node.forEach((v, i) => uiTexts(v, at + esc(i), out));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (UI_TEXTS.has(k) && typeof v === 'string') {
      if (CJK.test(v)) out.push({ zh: v, where: at + esc(k) });
    } else if (k === 'ui:enumNames' && Array.isArray(v)) {
      v.forEach((x, i) => typeof x === 'string' && CJK.test(x) && out.push({ zh: x, where: at + esc(k) + esc(i) }));
    } else if (k === 'ui:enumNames' && v && typeof v === 'object') {
      for (const [key, x] of Object.entries(v)) if (typeof x === 'string' && CJK.test(x)) out.push({ zh: x, where: at + esc(k) + esc(key) });
    } else uiTexts(v, at + esc(k), out);
  }
}

/** `{zh, en?}` objects anywhere (rule messages and titles, check texts, custom messages) whose English is missing. */
function localizedTexts(node: unknown, at: string, out: PackTextAt[]): void {
  if (Array.isArray(node)) return node.forEach((v, i) => localizedTexts(v, at + esc(i), out));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.zh === 'string' && CJK.test(o.zh) && !(typeof o.en === 'string' && o.en.trim())) out.push({ zh: o.zh, where: at });
  for (const [k, v] of Object.entries(o)) if (k !== 'zh' && k !== 'en') localizedTexts(v, at + esc(k), out);
}

/** Rule cases' names (the editor lists them, and a failing case is named in its message). */
function caseNames(node: unknown, at: string, out: PackTextAt[]): void {
  if (Array.isArray(node)) return node.forEach((v, i) => caseNames(v, at + esc(i), out));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.cases)) {
    o.cases.forEach((c, i) => {
      const name = (c as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && CJK.test(name)) out.push({ zh: name, where: `${at}/cases${esc(i)}/name` });
    });
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'cases') caseNames(v, at + esc(k), out);
}

/** A quick check's option labels (`enumNames` of its input fields): the popup offers them in either language. */
function checkOptionNames(node: unknown, at: string, out: PackTextAt[]): void {
  if (Array.isArray(node)) return node.forEach((v, i) => checkOptionNames(v, at + esc(i), out));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enumNames' && Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && CJK.test(x) && out.push({ zh: x, where: at + esc(k) + esc(i) }));
    else checkOptionNames(v, at + esc(k), out);
  }
}

/** Every user-facing Chinese text of a pack that needs English from the table. */
export function packTexts(files: PackFiles): PackTextAt[] {
  const out: PackTextAt[] = [];
  for (const [file, value] of Object.entries(files)) {
    if (file === PACK_TRANSLATION_FILE || file.startsWith('sources/') || file.startsWith('reference/') || /\/samples\//.test(file)) continue;
    if (file.endsWith('/schema.json') || file === 'common/definitions.json') schemaTexts(value, `${file}#`, false, out);
    else if (file.endsWith('/ui.json')) uiTexts(value, `${file}#`, out);
    if (file.endsWith('rules.json') || file.startsWith('rules/')) caseNames(value, `${file}#`, out);
    if (file.startsWith('checks/')) checkOptionNames((value as { input?: unknown } | null)?.input, `${file}#/input`, out);
    localizedTexts(value, `${file}#`, out);
  }
  return out;
}

/** The shipped texts the table does not translate, each once, with the first place it is used. */
export function missingTranslations(files: PackFiles): PackTextAt[] {
  const table = files[PACK_TRANSLATION_FILE];
  const has = (zh: string) =>
    !!table && typeof table === 'object' && Object.hasOwn(table, zh) && typeof (table as Record<string, unknown>)[zh] === 'string' && !!((table as Record<string, string>)[zh]).trim();
  const seen = new Set<string>();
  return packTexts(files).filter((t) => !has(t.zh) && !seen.has(t.zh) && (seen.add(t.zh), true));
}
