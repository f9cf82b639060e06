/**
 * Whether installing a pack moves forward. An older signed pack is still validly signed, so a replayed
 * old file (or a mistaken pick) would silently bring back rules the bureau has replaced: installing an
 * older version of the same pack needs the user's explicit confirmation.
 */
export type InstallOrder = 'newer' | 'same' | 'older' | 'other-pack';

/** major.minor.patch compared as numbers; anything unparsable counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export function installOrder(current: { id: string; version: string }, candidate: { id: string; version: string }): InstallOrder {
  if (current.id !== candidate.id) return 'other-pack';
  const c = compareVersions(candidate.version, current.version);
  return c > 0 ? 'newer' : c < 0 ? 'older' : 'same';
}

export const OLDER_PACK_WARNING = {
  zh: (from: string, to: string) => `此文书包（${to}）比当前使用的版本（${from}）旧。安装旧版本会恢复已被替换的规则；确认要降级吗？`,
  en: (from: string, to: string) => `This pack (${to}) is older than the one in use (${from}). Installing it brings back replaced rules; downgrade anyway?`,
};
