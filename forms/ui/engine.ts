/**
 * Picks the validation engine for a pack: the build-time precompiled validators when the pack is
 * exactly the one they were generated from (each document's module loaded on first use, or earlier
 * with preloadValidator), the eval-free interpreter otherwise (edited or imported packs).
 */
import { loaders, packHash } from '../../generated/validators.js';
import type { Pack } from '../core/pack/types';
import { createInterpreterEngine } from '../core/validation/interpreter-engine';
import { createLazyPrecompiledEngine, type ValidatorLoaders } from '../core/validation/lazy-precompiled-engine';
import type { PrecompiledValidate } from '../core/validation/precompiled-engine';
import type { SchemaEngine } from '../core/validation/types';

// one import per document for the page's lifetime, shared by every engine made on this page
const modules = new Map<string, Promise<PrecompiledValidate>>();
const arrived: Record<string, PrecompiledValidate> = {};
const shared: ValidatorLoaders = Object.fromEntries(
  Object.entries(loaders).map(([id, load]) => [
    id,
    () => {
      let m = modules.get(id);
      if (!m) {
        m = load();
        m.then((fn) => (arrived[id] = fn), () => undefined);
        modules.set(id, m);
        m.catch(() => modules.delete(id)); // a failed chunk may be asked for again later
      }
      return m;
    },
  ]),
);

/**
 * Starts loading a document's validator before the pack has even arrived (the workbench knows the
 * document from its URL), so the first render validates with it (the first-render budget, bench/budgets.json).
 */
export function preloadValidator(docId: string): Promise<void> {
  return (shared[docId]?.() ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

export function engineFor(pack: Pack, hash: string): SchemaEngine {
  const covered = pack.manifest.documents.every((id) => id in loaders);
  if (hash !== packHash || !covered) return createInterpreterEngine(pack);
  return createLazyPrecompiledEngine(shared, () => createInterpreterEngine(pack), arrived);
}
