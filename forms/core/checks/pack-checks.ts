import type { Pack } from '../pack/types';
import type { CheckDef } from './types';

/** Every quick check in the pack (`checks/<kind>.json`), in a stable order. */
export function packChecks(pack: Pack): CheckDef[] {
  return Object.entries(pack.files)
    .filter(([path]) => /^checks\/[^/]+\.json$/.test(path))
    .map(([, def]) => def as CheckDef)
    .filter((d) => d && typeof d === 'object' && typeof d.kind === 'string')
    .sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || a.kind.localeCompare(b.kind));
}

export function findCheck(pack: Pack, kind: string): CheckDef | undefined {
  return packChecks(pack).find((c) => c.kind === kind);
}
