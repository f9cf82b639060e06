import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest(), preact({ prefreshEnabled: false, devToolsEnabled: false, prerender: { enabled: false } })],
  resolve: {
    alias: {
      react: 'preact/compat',
      'react-dom/test-utils': 'preact/test-utils',
      'react-dom': 'preact/compat',
      'react/jsx-runtime': 'preact/jsx-runtime',
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // RJSF ships CommonJS/ESM that must go through the same react→preact aliasing (DEVELOPERS.md, Stack)
    server: { deps: { inline: [/@rjsf\//] } },
    testTimeout: 20000,
  },
});
