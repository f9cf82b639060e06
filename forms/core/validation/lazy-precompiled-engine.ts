import { createPrecompiledEngine, type PrecompiledValidate } from './precompiled-engine';
import type { SchemaEngine } from './types';

export type ValidatorLoaders = Record<string, () => Promise<PrecompiledValidate>>;

/**
 * The precompiled validators, each document's loaded when first asked for (one module per document,
 * generated/validators/<docId>.js). Until a document's module has arrived its data is checked by
 * `fallback` — the interpreter, which reports the same issues (test/unit/document-samples.test.ts
 * compares the two on every sample) — so nothing waits for the load.
 */
export function createLazyPrecompiledEngine(
  loaders: ValidatorLoaders,
  fallback: () => SchemaEngine,
  /** validators already loaded (e.g. preloaded while the pack was fetched) */
  initial: Record<string, PrecompiledValidate> = {},
): SchemaEngine & {
  /** starts loading a document's validator; resolves when it is in use (or failed: the fallback stays) */
  preload(docId: string): Promise<void>;
} {
  const loaded: Record<string, PrecompiledValidate> = { ...initial };
  const pending = new Map<string, Promise<void>>();
  const precompiled = createPrecompiledEngine(loaded);
  let interpreter: SchemaEngine | undefined;
  const preload = (docId: string): Promise<void> => {
    const load = loaders[docId];
    if (!load || docId in loaded) return Promise.resolve();
    let p = pending.get(docId);
    if (!p) {
      p = load().then(
        (fn) => {
          loaded[docId] = fn;
        },
        () => undefined, // a chunk that fails to load leaves the interpreter in place
      );
      pending.set(docId, p);
    }
    return p;
  };
  return {
    kind: 'precompiled',
    preload,
    validate(docId, data) {
      if (docId in loaded) return precompiled.validate(docId, data);
      void preload(docId);
      interpreter ??= fallback();
      return interpreter.validate(docId, data);
    },
  };
}
