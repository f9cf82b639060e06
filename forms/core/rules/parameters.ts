import type { Citation, Pack } from '../pack/types';
import type { Params } from './types';

/** A shared, named policy parameter (OpenFisca style): its value and the article that sets it. */
export interface Parameter {
  value: unknown;
  citation: Citation;
  description?: { zh: string; en?: string };
}

export function sharedParameters(pack: Pack): Record<string, Parameter> {
  const file = pack.files['rules/parameters.json'] as { parameters?: Record<string, Parameter> } | undefined;
  return file?.parameters ?? {};
}

const isParamRef = (v: unknown): v is { $param: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $param?: unknown }).$param === 'string';

/** A rule's params with every `{"$param": name}` replaced by the shared parameter's value. */
export function resolveParams(pack: Pack, params: Params | undefined): Params {
  const shared = sharedParameters(pack);
  const out: Params = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = isParamRef(v) ? shared[v.$param]?.value : v;
  return out;
}

/** Names of `$param` references that do not resolve (a pack error the tests report). */
export function unresolvedParams(pack: Pack, params: Params | undefined): string[] {
  const shared = sharedParameters(pack);
  return Object.values(params ?? {})
    .filter(isParamRef)
    .map((v) => v.$param)
    .filter((name) => !(name in shared));
}
