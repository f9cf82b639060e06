import { browser } from 'wxt/browser';
import { parsePack } from '../../../core/pack/parse-pack';
import type { Pack, PackFiles } from '../../../core/pack/types';

let cached: Promise<Pack> | null = null;

/** The bundled pack (`/pack.json`, written by `npm run pack:build`), loaded once per worker life. */
export function loadPack(): Promise<Pack> {
  // pack.json is copied in at build time (wxt.config.ts hook), so WXT's typed public paths do not list it
  const url = (browser.runtime.getURL as (path: string) => string)('/pack.json');
  cached ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`pack.json HTTP ${r.status}`);
      return r.json() as Promise<{ files: PackFiles }>;
    })
    .then((f) => parsePack(f.files))
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}
