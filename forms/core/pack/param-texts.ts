/**
 * Texts that state a policy parameter take it from the parameter: `{renewalWindowMonths}` in a title,
 * help text, enum label, rule message or quick-check text reads the value of `rules/parameters.json`,
 * so changing 3 to 6 months changes every sentence that says it. `{name|cn}` writes a whole number in
 * Chinese (三, 十二), `{name|en}` in English words up to twenty (three). The pack keeps the placeholders
 * (what is edited, hashed and signed); parsePack shows the resolved texts to every reader.
 */
import type { PackFiles } from './types';

/** `{name}` or `{name|format}`; a name starts with a letter (regex quantifiers like `{2}` never match). */
export const PARAM_PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:\|(cn|en))?\}/g;

/** files whose strings are texts (sources are the notice's own wording; reference data and maps are data) */
const TEXT_FILE = /^(documents\/[^/]+\/(schema|ui|rules)\.json|common\/definitions\.json|rules\/(?!parameters\.json)[^/]+\.json|checks\/[^/]+\.json)$/;
/** gettext-style tables, `{ "<Chinese>": "<English>" }` */
const I18N_FILE = /^i18n\/[^/]+\.json$/;
/** keys whose strings are not texts */
const NOT_TEXT = new Set(['pattern', 'cases', 'samples']);

const CN_DIGITS = '零一二三四五六七八九';
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}
const englishNumber = (n: number) => (Number.isInteger(n) && n >= 0 && n <= 20 ? EN_WORDS[n] : String(n));

/** The scalar parameter values of a pack's `rules/parameters.json`. */
export function parameterValues(files: PackFiles): Record<string, string | number | boolean> {
  const params = (files['rules/parameters.json'] as { parameters?: Record<string, { value?: unknown }> } | undefined)?.parameters ?? {};
  const out: Record<string, string | number | boolean> = {};
  for (const [name, p] of Object.entries(params)) {
    const v = p?.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v;
  }
  return out;
}

export function fillParams(text: string, values: Record<string, string | number | boolean>): string {
  if (!text.includes('{')) return text;
  return text.replace(PARAM_PLACEHOLDER, (m, name: string, format?: 'cn' | 'en') => {
    if (!Object.hasOwn(values, name)) return m;
    const v = values[name];
    if (typeof v === 'number' && format === 'cn') return chineseNumber(v);
    if (typeof v === 'number' && format === 'en') return englishNumber(v);
    return String(v);
  });
}

function walk(v: unknown, values: Record<string, string | number | boolean>): unknown {
  if (typeof v === 'string') return fillParams(v, values);
  if (Array.isArray(v)) return v.map((x) => walk(x, values));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = NOT_TEXT.has(k) ? x : walk(x, values);
    return out;
  }
  return v;
}

const hasPlaceholder = (v: unknown): boolean => {
  const s = JSON.stringify(v);
  PARAM_PLACEHOLDER.lastIndex = 0;
  return PARAM_PLACEHOLDER.test(s);
};

/** The files with every parameter placeholder in a text filled in; files without one are the same objects. */
export function resolveParamTexts(files: PackFiles): PackFiles {
  const values = parameterValues(files);
  let out: PackFiles | null = null;
  for (const [path, value] of Object.entries(files)) {
    if (!(TEXT_FILE.test(path) || I18N_FILE.test(path)) || !hasPlaceholder(value)) continue;
    out ??= { ...files };
    // a translation table is keyed by the Chinese text: its keys are resolved like the texts they match
    out[path] = I18N_FILE.test(path) && typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).map(([zh, en]) => [fillParams(zh, values), typeof en === 'string' ? fillParams(en, values) : en]))
      : walk(value, values);
  }
  return out ?? files;
}

/** Every placeholder in the texts, with where it is: for the parameters screen and the pack checks. */
export function placeholderUses(files: PackFiles): { file: string; name: string; text: string }[] {
  const uses: { file: string; name: string; text: string }[] = [];
  const visit = (file: string, v: unknown) => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(PARAM_PLACEHOLDER)) uses.push({ file, name: m[1], text: v });
    } else if (Array.isArray(v)) v.forEach((x) => visit(file, x));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) visit(file, x);
  };
  for (const [path, value] of Object.entries(files)) if (TEXT_FILE.test(path)) visit(path, value);
  return uses;
}
