/**
 * WXT's own vitest plugin (WxtVitest) imports Vite into the test context, which breaks under
 * happy-dom (its global URL is not Node's, so Vite's start-up file read throws). The same fake
 * browser it installs is set up here directly.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';

vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
beforeEach(() => {
  fakeBrowser.reset();
});
