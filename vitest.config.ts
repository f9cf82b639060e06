import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false, prerender: { enabled: false } })],
  resolve: {
    alias: {
      'wxt/browser': resolve(import.meta.dirname, 'test/setup/wxt-browser.ts'),
      react: 'preact/compat',
      'react-dom/test-utils': 'preact/test-utils',
      'react-dom': 'preact/compat',
      'react/jsx-runtime': 'preact/jsx-runtime',
      'markdown-to-jsx/react': resolve(import.meta.dirname, 'forms/ui/vendor/markdown-as-text.tsx'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup/fake-browser.ts'],
    // RJSF ships CommonJS/ESM that must go through the same react→preact aliasing (MV3 extension pages forbid unsafe-eval)
    server: { deps: { inline: [/@rjsf\//] } },
    testTimeout: 20000,
  },
});
