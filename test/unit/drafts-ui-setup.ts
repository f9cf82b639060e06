import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { activateReference } from '../../forms/core/reference/reference-context';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { setDraftsEnv } from '../../forms/ui/drafts/drafts-env';

/**
 * The drafts UI tests' common ground, called at the top of a test file: the bundled pack with its
 * reference lists active, and after each test the rendered page and the drafts environment torn down.
 */
export function draftsUiPack(): Pack {
  const pack = parsePack(readPackDir('schemas'));
  beforeAll(() => {
    activateReference(pack);
  });
  afterEach(() => {
    cleanup();
    setDraftsEnv(undefined);
  });
  return pack;
}
