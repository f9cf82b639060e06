/**
 * Skill levels as the ladder names them (人社部发〔2022〕14号, the pack's `levels` reference): a
 * choice whose codes are level names reads 「五级/初级工」, 「四级/中级工」… (学徒工 and the enterprise-only
 * 特级技师 / 首席技师 have no grade and keep their name). Derived from the pack's level list, for any
 * document, unless its ui.json already names the options.
 */
import type { JsonSchema, Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { declaredProperties } from '../../core/schema/schema-walk';

type Obj = Record<string, unknown>;
interface Level {
  name: string;
  grade: string | null;
  en?: string;
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export function levelLabel(level: Level, lang: Lang): string {
  if (lang === 'en') return level.en ?? level.name;
  return level.grade ? `${level.grade}/${level.name}` : level.name;
}

/** The uiSchema with `ui:enumNames` added to every choice of levels it does not name itself (a new object; the input is kept). */
export function withLevelLabels(pack: Pack, schema: JsonSchema, ui: Obj, lang: Lang): Obj {
  const levels = ((pack.reference.levels as { levels?: Level[] } | undefined)?.levels ?? []) as Level[];
  if (!levels.length) return ui;
  const byName = new Map(levels.map((l) => [l.name, l]));
  const names = (values: unknown[]): string[] | null =>
    values.length > 0 && values.every((v) => typeof v === 'string' && byName.has(v)) ? values.map((v) => levelLabel(byName.get(v as string)!, lang)) : null;

  const walk = (s: unknown, u: unknown): Obj | undefined => {
    if (!isObj(s)) return isObj(u) ? u : undefined;
    let out: Obj | undefined = isObj(u) ? u : undefined;
    const set = (k: string, v: unknown) => {
      out = { ...(out ?? {}), [k]: v };
    };
    const own = Array.isArray(s.enum) ? names(s.enum) : isObj(s.items) && Array.isArray(s.items.enum) ? names(s.items.enum) : null;
    if (own && !out?.['ui:enumNames']) set('ui:enumNames', own);
    // the last declaration of a property wins: a branch narrows what the object declares
    const props = new Map([...declaredProperties(schema, s)].map(([k, d]) => [k, d.schemas[d.schemas.length - 1]]));
    for (const [k, sub] of props) {
      const before = out?.[k];
      const after = walk(sub, before);
      if (after !== before && after !== undefined) set(k, after);
    }
    if (isObj(s.items) && !(Array.isArray(s.items.enum) && own)) {
      const before = out?.items;
      const after = walk(s.items, before);
      if (after !== before && after !== undefined) set('items', after);
    }
    return out;
  };
  return walk(schema, ui) ?? ui;
}
