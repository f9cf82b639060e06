import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium (playwright-core) with the built extension; one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
