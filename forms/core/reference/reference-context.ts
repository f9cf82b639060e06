/**
 * The reference lists the custom formats check against (职业分类大典 codes, 上海市辖区 codes),
 * built from one pack. Every host (extension pages, background, CLI, bench, tests) gets the same
 * lists from the same pack, so a value is judged the same everywhere; there is no built-in list and
 * no "accept when unknown" fallback: a pack without a list rejects every code of that kind.
 *
 * Why there is still one *active* context: ajv standalone validators are generated at build time and
 * bind their format functions at module load (`formatCheckers`), so they cannot be handed a context
 * per call. `validateDocument` activates the pack it validates before running an engine, and a page
 * activates its pack when it loads it (RJSF picks if/then branches with the same checkers).
 */
import type { Pack } from '../pack/types';

export interface ReferenceContext {
  /** 职业编码 → 职业名称 (reference/occupations-2022.json) */
  readonly occupations: ReadonlyMap<string, string>;
  /** 区划代码 → 区名 (reference/districts.json) */
  readonly districts: ReadonlyMap<string, string>;
}

type Entry = { code?: unknown; name?: unknown };

function entries(pack: Pack, file: string, key: string): Map<string, string> {
  const v = pack.reference[file] as Record<string, unknown> | undefined;
  const list = v && typeof v === 'object' ? v[key] : undefined;
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const e of list as Entry[]) {
    // first entry wins, as a linear search would
    if (e && typeof e.code === 'string' && !out.has(e.code)) out.set(e.code, typeof e.name === 'string' ? e.name : '');
  }
  return out;
}

// a parsed pack is never mutated (an edited pack is a new object), so one context per pack object
const built = new WeakMap<Pack, ReferenceContext>();

/** The reference context of a pack (built once per pack object). */
export function referenceOf(pack: Pack): ReferenceContext {
  let ctx = built.get(pack);
  if (!ctx) {
    ctx = { occupations: entries(pack, 'occupations-2022', 'occupations'), districts: entries(pack, 'districts', 'districts') };
    built.set(pack, ctx);
  }
  return ctx;
}

let active: ReferenceContext | null = null;

/** Makes `pack`'s lists the ones the build-time validators' format checkers use; returns its context. */
export function activateReference(pack: Pack): ReferenceContext {
  active = referenceOf(pack);
  return active;
}

export class NoReferenceContextError extends Error {
  constructor() {
    super('格式校验需要文书包的参考数据，但尚未激活文书包 / a format check ran before any pack was activated (activateReference)');
    this.name = 'NoReferenceContextError';
  }
}

/** The active context; a check before any pack was activated is a host bug, so it throws rather than guesses. */
export function activeReference(): ReferenceContext {
  if (!active) throw new NoReferenceContextError();
  return active;
}
