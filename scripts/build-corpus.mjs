/**
 * Builds the autofill corpus (demo/corpus/: a dozen portal pages on the real libraries from npm)
 * into <demo out>/corpus/. Vue 3 pages (Element Plus, Ant Design Vue, View UI Plus, Vant) share one
 * Vite build; the React page gets real React through the `react-real` alias (the extension's own
 * `react` is preact/compat); the rest are copied as they are, with their UMD libraries, the way
 * older portals load them. Each page's expected.json is copied beside it.
 */
import vue from '@vitejs/plugin-vue';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'demo/corpus');
const require = createRequire(join(root, 'demo/package.json'));
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));

export const VUE_PAGES = ['element-plus', 'antd-vue', 'view-ui-plus', 'vant'];
const STATIC_PAGES = ['element-ui', 'layui', 'bootstrap', 'table', 'wizard', 'frames', 'shadow', 'semantic'];

export async function buildCorpus(outRoot) {
  const out = join(outRoot, 'corpus');
  const common = { configFile: false, logLevel: 'error', publicDir: false };
  await build({
    ...common,
    root: src,
    base: '/corpus/',
    plugins: [vue()],
    build: {
      outDir: out,
      emptyOutDir: true,
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: Object.fromEntries(VUE_PAGES.map((p) => [p, join(src, p, 'index.html')])) },
    },
  });
  await build({
    ...common,
    root: join(src, 'antd-react'),
    base: '/corpus/antd-react/',
    resolve: {
      alias: [
        { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-real$1' },
        { find: /^react(\/.*)?$/, replacement: 'react-real$1' },
      ],
    },
    // the repo's tsconfig says Preact JSX; this page is React
    esbuild: { jsx: 'automatic', jsxImportSource: 'react', tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } } },
    build: { outDir: join(out, 'antd-react'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  });
  for (const p of STATIC_PAGES) cpSync(join(src, p), join(out, p), { recursive: true });
  cpSync(join(src, 'kit'), join(out, 'kit'), { recursive: true });
  for (const p of readdirSync(src)) {
    try {
      cpSync(join(src, p, 'expected.json'), join(out, p, 'expected.json'));
    } catch {
      /* not a page */
    }
  }
  const lib = join(out, 'lib');
  mkdirSync(lib, { recursive: true });
  cpSync(join(pkgDir('vue2'), 'dist/vue.min.js'), join(lib, 'vue2/vue.min.js'));
  cpSync(join(pkgDir('element-ui'), 'lib/index.js'), join(lib, 'element-ui/index.js'));
  cpSync(join(pkgDir('element-ui'), 'lib/theme-chalk'), join(lib, 'element-ui/theme-chalk'), { recursive: true });
  cpSync(join(pkgDir('layui'), 'dist'), join(lib, 'layui'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  cpSync(join(pkgDir('jquery'), 'dist/jquery.min.js'), join(lib, 'jquery/jquery.min.js'));
  for (const d of ['css', 'js', 'fonts']) cpSync(join(pkgDir('bootstrap'), 'dist', d), join(lib, 'bootstrap', d), { recursive: true, filter: (f) => !f.endsWith('.map') });
  return out;
}
