import type { Pack } from '../../forms/core/pack/types';
import { INSTALLED_PACK_KEY, loadActivePack } from '../active-pack';
import { onExtChanged } from '../storage/extension-store';

let cached: Promise<Pack> | null = null;

// An installed (imported, verified) pack replaces the bundled one: forget the cached pack when it changes.
onExtChanged((keys) => {
  if (keys.includes(INSTALLED_PACK_KEY)) cached = null;
});

/** The active pack — installed if there is one, else bundled — loaded once per worker life. */
export function loadPack(): Promise<Pack> {
  cached ??= loadActivePack()
    .then((a) => a.pack)
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}
