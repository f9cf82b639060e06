/**
 * A pack's quick checks as forms: what each asks (kind, order, title, description, input), with the
 * English of every option label read from the pack's i18n/en.json — the popup draws its forms from
 * these, in its first frame from the bundled pack's (generated at build) and later from the active pack's.
 */
import type { Lang } from '../i18n/lang';
import { packEnglish } from '../i18n/pack-translation';
import type { Pack } from '../pack/types';
import { packChecks } from './pack-checks';
import type { CheckDef, CheckField } from './types';

export type CheckForm = Pick<CheckDef, 'kind' | 'order' | 'title' | 'description' | 'input'>;

function withEnglish(field: CheckField, en: ReadonlyMap<string, string>): CheckField {
  const out: CheckField = { ...field };
  if (field.enumNames && !field.enumNamesEn) {
    const names = field.enumNames.map((zh) => en.get(zh));
    if (names.some((n) => n !== undefined)) out.enumNamesEn = names.map((n, i) => n ?? field.enumNames![i]);
  }
  if (field.items) out.items = withEnglish(field.items, en);
  if (field.properties) out.properties = Object.fromEntries(Object.entries(field.properties).map(([k, f]) => [k, withEnglish(f, en)]));
  return out;
}

export function checkForms(pack: Pack): CheckForm[] {
  const en = packEnglish(pack);
  return packChecks(pack).map(({ kind, order, title, description, input }) => ({
    kind,
    order,
    title,
    description,
    input: { ...input, properties: Object.fromEntries(Object.entries(input.properties ?? {}).map(([k, f]) => [k, withEnglish(f, en)])) },
  }));
}

/** The label of a field's `i`-th option in `lang`: its name in that language, else the Chinese name, else the value. */
export function optionLabel(field: Pick<CheckField, 'enum' | 'enumNames' | 'enumNamesEn'>, i: number, lang: Lang): string {
  const value = String(field.enum?.[i] ?? '');
  return (lang === 'en' ? field.enumNamesEn?.[i] : undefined) ?? field.enumNames?.[i] ?? value;
}
