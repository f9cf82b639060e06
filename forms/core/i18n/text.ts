/**
 * Bilingual text, one way: a text is `{ zh, en }` (the code's own words) or `{ zh, en? }` (a pack's
 * words, English optional), read with `textIn`; a feature's strings are one typed table made with
 * `defineStrings`, whose keys the compiler checks (no global table, no registration by import).
 */
import type { Lang } from './lang';

/** A text the code writes itself: both languages, always. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A text from a pack or an error object: Chinese always, English when given. */
export interface Localized {
  zh: string;
  en?: string;
}

/** Anything carrying zh/en texts (errors, problems, pack texts) — read in one place, not duck-typed at each use. */
export function textIn(text: Localized | null | undefined, lang: Lang, fallback = ''): string {
  if (!text) return fallback;
  return (lang === 'en' ? text.en : undefined) ?? text.zh ?? fallback;
}

/** Whether a thrown value carries its own bilingual message (storage, drafts and pack errors do). */
export function isLocalized(v: unknown): v is Localized {
  return !!v && typeof v === 'object' && typeof (v as { zh?: unknown }).zh === 'string';
}

/**
 * The user-facing message of anything thrown: its own text in `lang` when it carries one (storage,
 * drafts and pack errors do), else its message.
 */
export function errorText(e: unknown, lang: Lang): string {
  const f = e && typeof e === 'object' ? (e as { zh?: unknown; en?: unknown; message?: unknown }) : null;
  const own = f?.[lang];
  if (typeof own === 'string') return own;
  return typeof f?.message === 'string' ? f.message : String(e);
}

/** `{name}` placeholders filled from `vars` (a missing one stays visible, so a gap is noticed). */
export function fillIn(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

export type Translate<K extends string> = (key: K, lang: Lang, vars?: Readonly<Record<string, string | number>>) => string;

/** A feature's strings as one typed table: `const t = defineStrings({ save: { zh: '保存', en: 'Save' } })`. */
export function defineStrings<K extends string>(table: Readonly<Record<K, Bilingual>>): Translate<K> & { table: Readonly<Record<K, Bilingual>> } {
  const translate = (key: K, lang: Lang, vars?: Readonly<Record<string, string | number>>) => fillIn(table[key][lang], vars);
  return Object.assign(translate, { table });
}
