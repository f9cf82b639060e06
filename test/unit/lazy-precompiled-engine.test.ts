import { describe, expect, it } from 'vitest';
import { loaders } from '../../generated/validators.js';
import { createLazyPrecompiledEngine } from '../../forms/core/validation/lazy-precompiled-engine';
import type { SchemaEngine } from '../../forms/core/validation/types';

// The workbench imports one document's precompiled validator when that document opens; until it
// has arrived the interpreter answers (the fourteen validators were parsed before every first render).
const fallback = (): SchemaEngine & { calls: string[] } => {
  const calls: string[] = [];
  return { kind: 'interpreter', calls, validate: (docId) => (calls.push(docId), [{ path: '/x', keyword: 'required', params: { missingProperty: 'x' } }]) };
};

describe('lazily loaded precompiled validators', () => {
  it('answers from the fallback until the document’s validator has loaded, then from the validator', async () => {
    const fb = fallback();
    const engine = createLazyPrecompiledEngine(loaders, () => fb);
    expect(engine.validate('renewal', {})).toEqual([{ path: '/x', keyword: 'required', params: { missingProperty: 'x' } }]);
    expect(fb.calls).toEqual(['renewal']);
    await engine.preload('renewal');
    const issues = engine.validate('renewal', {});
    expect(fb.calls).toEqual(['renewal']);
    // the real validator: an empty renewal misses its required fields
    expect(issues.map((i) => i.path)).toContain('/expiryDate');
  });

  it('loads each document’s module once, and only the documents asked for', async () => {
    const loads: string[] = [];
    const counted = Object.fromEntries(Object.entries(loaders).map(([id, load]) => [id, () => (loads.push(id), load())]));
    const engine = createLazyPrecompiledEngine(counted, fallback);
    await Promise.all([engine.preload('renewal'), engine.preload('renewal')]);
    engine.validate('renewal', {});
    expect(loads).toEqual(['renewal']);
  });

  it('keeps the fallback when a validator module fails to load', async () => {
    const fb = fallback();
    const engine = createLazyPrecompiledEngine({ renewal: () => Promise.reject(new Error('chunk failed')) }, () => fb);
    await engine.preload('renewal');
    engine.validate('renewal', {});
    expect(fb.calls).toEqual(['renewal']);
  });
});
