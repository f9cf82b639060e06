import preact from '@preact/preset-vite';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type WxtViteConfig } from 'wxt';
import { buildOutDir, fixtureMaps, isTestBuild, stripLoopbackHosts } from './forms/build/build-mode';
import { normalizeZip, writeSourcesZip } from './forms/build/reproducible-zip';

const root = import.meta.dirname;
const ICON_SIZES = [16, 32, 48, 96, 128];

/**
 * popup.html draws its first frame with no script of its own waiting (forms/ui/fast/popup-static-shell.ts):
 * - its static markup, rendered from the popup's components by `npm run pack:build` into
 *   generated/popup-shell.json, and its stylesheet inline (a linked one holds the first frame back
 *   until it is fetched: measured ~20 ms here);
 * - no module script in the page: popup-boot.js adds the app (extension/popup-app.tsx, one file)
 *   after the first frame. (WXT's own plugin script is taken out of every page: noWxtHtmlPlugins.)
 */
const POPUP_MARKER = '<!--popup-shell:app-->';
const popupShell = {
  name: 'formkit-popup-shell',
  transformIndexHtml: {
    order: 'pre' as const,
    handler(html: string): string {
      if (!html.includes(POPUP_MARKER)) return html;
      const file = resolve(root, 'generated/popup-shell.json');
      if (!existsSync(file)) throw new Error('generated/popup-shell.json is missing: run `npm run pack:build` first (`npm run build` does)');
      const shell = JSON.parse(readFileSync(file, 'utf8')) as { app: string; shells: string };
      const css = readFileSync(resolve(root, 'forms/ui/popup/popup.css'), 'utf8');
      return html
        .replace(POPUP_MARKER, () => shell.app)
        .replace('<!--popup-shell:templates-->', () => shell.shells)
        .replace('<!--popup-shell:style-->', () => `<style>${css}</style>`);
    },
  },
};
const popupNoModule = {
  name: 'formkit-popup-no-module',
  transformIndexHtml: {
    order: 'post' as const,
    handler(html: string): string {
      if (html.includes('data-app="/popup-app.js"') && /<script[^>]*type="module"/.test(html)) {
        throw new Error('popup.html: a module script would hold its first frame back (see popupShell)');
      }
      return html;
    },
  },
};

/**
 * WXT adds a module script to every page to start WXT plugins. This project registers none, and in
 * popup.html that module would hold the first frame back (popupNoModule refuses it), so it is taken out
 * of every page; the build fails if a WXT plugin is ever added, instead of silently not starting it.
 */
const noWxtHtmlPlugins = {
  name: 'formkit-no-wxt-html-plugins',
  // a 'post' plugin's 'pre' page transform: after WXT's (which adds the script), before Vite bundles the page's scripts
  enforce: 'post' as const,
  transformIndexHtml: {
    order: 'pre' as const,
    handler(html: string): string {
      return html.replace(/<script[^>]*\bsrc="virtual:wxt-html-plugins"[^>]*><\/script>/, '');
    },
  },
  transform(code: string, id: string): undefined {
    if (id === '\0virtual:wxt-plugins' && code.includes('initPlugin0')) {
      throw new Error('a WXT plugin is registered but noWxtHtmlPlugins (wxt.config.ts) keeps pages from starting it: remove that plugin');
    }
  },
};

/** The fast-path switch at build time: `FORMKIT_FAST=0 npm run build` builds without them. */
const FAST = process.env.FORMKIT_FAST !== '0';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'extension',
  publicDir: 'extension/public',
  // helpers and CI may build side by side: FORMKIT_OUT_DIR keeps their outputs apart; a test build
  // (FORMKIT_TEST=1) goes to <outDir>-test, never where the store zips are made (forms/build/build-mode.ts)
  outDir: buildOutDir(),
  // MV3 for Firefox as well (WXT defaults Firefox to MV2); it needs the gecko id set below
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Never allow eval here: shipped schemas are precompiled, edited ones interpreted (MV3 forbids eval in extension pages).
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    // PNGs drawn from store/icon.svg by scripts/make-icons.mjs, at every size the stores ask for
    icons: Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`])),
    permissions: ['storage', 'activeTab', 'scripting', 'unlimitedStorage'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    commands: {
      'autofill-current-tab': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmdAutofill__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'skill-cert-formkit@example.org',
              // 140 (an ESR): optional_host_permissions in MV3 (128) and data_collection_permissions (140)
              strict_min_version: '140.0',
              // nothing leaves the user's machine (PRIVACY.md); addons.mozilla.org asks every new add-on to say so
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // the bundled pack is data fetched at run time (the popup must stay small), not bundled JS
    'build:publicAssets': (_wxt, files) => {
      const pack = resolve(root, 'generated/pack.json');
      const fixtures = existsSync(pack) ? fixtureMaps((JSON.parse(readFileSync(pack, 'utf8')) as { files: Record<string, unknown> }).files) : [];
      if (isTestBuild() !== fixtures.length > 0) {
        throw new Error(`generated/pack.json was made for a ${fixtures.length ? 'test' : 'store'} build: run \`${isTestBuild() ? 'FORMKIT_TEST=1 ' : ''}npm run pack:build\` first (\`npm run build\` / \`npm run build:test\` do)`);
      }
      files.push({ absoluteSrc: pack, relativeDest: 'pack.json' });
    },
    // `npm run zip` twice from one commit gives the same bytes (forms/build/reproducible-zip.ts)
    'zip:extension:done': async (_wxt, zipPath) => {
      if (isTestBuild()) throw new Error('a test build (FORMKIT_TEST=1) is never zipped for a store');
      await normalizeZip(zipPath);
    },
    // the sources zip holds what git tracks (outside a checkout, e.g. unpacked sources: what WXT chose)
    'zip:sources:done': async (_wxt, zipPath) => {
      if (!(await writeSourcesZip(root, zipPath))) await normalizeZip(zipPath);
    },
    // the content script's loopback matches (demo portals) and loopback optional hosts stay out of a store build
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!isTestBuild()) stripLoopbackHosts(manifest as unknown as Record<string, unknown>);
      // the toolbar button's tooltip in the browser's language (WXT takes the popup's <title> otherwise)
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  // React's names resolve to Preact's compat layer — for Vite and, through .wxt/tsconfig.json, for tsc
  alias: {
    react: resolve(root, 'node_modules/preact/compat'),
    'react-dom/test-utils': resolve(root, 'node_modules/preact/test-utils'),
    'react-dom': resolve(root, 'node_modules/preact/compat'),
    'react/jsx-runtime': resolve(root, 'node_modules/preact/jsx-runtime'),
    // descriptions are plain text; see the file for why
    'markdown-to-jsx/react': resolve(root, 'forms/ui/vendor/markdown-as-text.tsx'),
  },
  vite: () => ({
    // the preset is typed against the Vite it was installed with, WXT builds with its own. The popup's
    // static shell is how popup.html is made, so it has no off state (forms/ui/fast/README.md)
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false, prerender: { enabled: false } }),
      popupShell,
      popupNoModule,
      noWxtHtmlPlugins,
    ] as unknown as WxtViteConfig['plugins'],
    // the one fast-path switch (forms/ui/fast/switch.ts)
    define: { __FORMKIT_FAST__: JSON.stringify(FAST) },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      // every browser this extension supports has modulepreload; the polyfill only cost a request per page
      modulePreload: { polyfill: false },
    },
  }),
});
