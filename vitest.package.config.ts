import { defineConfig } from 'vitest/config';

/** Checks of the built store packages (`test/package/`): run by `npm test` after the builds. */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180000,
  },
});
