/**
 * ESLint (flat config) with typescript-eslint's recommended rules, run by `npm test` (`npm run lint`).
 * Only what catches mistakes: formatting is left to the editor.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output*/', 'test-results/', '.wxt/', 'generated/', '.bench/', 'screenshots/', 'demo/dist/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: {
        // browser, Node and worker globals the kit's code uses; TypeScript checks the rest
        window: 'readonly', document: 'readonly', navigator: 'readonly', location: 'readonly', console: 'readonly',
        process: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
    rules: {
      // TypeScript already reports undefined names, with the real lib and DOM types
      'no-undef': 'off',
      // flags the defensive `let ok = false; try { ok = … } catch { ok = false }` the kit uses around
      // browser APIs that throw; the assignments are deliberate and read clearer than a bare `let`
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // tests and the autofill timing page reach into untyped page objects and fixtures on purpose
    files: ['test/**', 'demo/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
