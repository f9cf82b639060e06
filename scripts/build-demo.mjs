/**
 * Builds the demo portals (demo/) with Vite's JS API into .output-demo/: Vue 3 + Element Plus
 * (the form and the step-by-step wizard), React + Ant Design (real React under the `react-real`
 * alias — the extension itself only ever sees preact/compat), and, copied as they are, the plain
 * table-layout pages and the Element UI page (Vue 2 + Element UI UMD builds from npm, no bundler,
 * the way the older portals load them).
 *   node scripts/build-demo.mjs
 */
import vue from '@vitejs/plugin-vue';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildCorpus } from './build-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// FORMKIT_DEMO_OUT may be absolute (the bench builds into its own folder) or relative to the repo
// the portal libraries are the demo workspace's dependencies (demo/package.json): resolve them from there
const pkgDir = (name) => dirname(createRequire(join(root, 'demo/package.json')).resolve(`${name}/package.json`));
export const DEMO_OUT = resolve(root, process.env.FORMKIT_DEMO_OUT ?? '.output-demo');

// 'error': antd's "use client" directives and the classic config script are expected, not news
const common = { configFile: false, logLevel: 'error', publicDir: false };

export async function buildDemo() {
  rmSync(DEMO_OUT, { recursive: true, force: true });
  mkdirSync(DEMO_OUT, { recursive: true });
  await build({
    ...common,
    root: join(root, 'demo/element'),
    base: '/element/',
    plugins: [vue()],
    build: {
      outDir: join(DEMO_OUT, 'element'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: join(root, 'demo/element/index.html'), wizard: join(root, 'demo/element/wizard.html') } },
    },
  });
  await build({
    ...common,
    root: join(root, 'demo/antd'),
    base: '/antd/',
    resolve: {
      alias: [
        { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-real$1' },
        { find: /^react(\/.*)?$/, replacement: 'react-real$1' },
      ],
    },
    // the repo's tsconfig says Preact JSX; the React demo says otherwise, explicitly
    esbuild: { jsx: 'automatic', jsxImportSource: 'react', tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } } },
    build: { outDir: join(DEMO_OUT, 'antd'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  cpSync(join(root, 'demo/plain'), join(DEMO_OUT, 'plain'), { recursive: true });
  // option lists the unbundled Element UI page imports (the Vite builds inline their own copy)
  cpSync(join(root, 'demo/shared'), join(DEMO_OUT, 'shared'), { recursive: true });
  cpSync(join(root, 'demo/element-ui'), join(DEMO_OUT, 'element-ui'), { recursive: true });
  // `vue2` is Vue 2 under an npm alias (`vue` is Vue 3); vue.min.js is the full build, since the
  // page's template is compiled in the browser
  const lib = join(DEMO_OUT, 'element-ui/lib');
  cpSync(join(pkgDir('vue2'), 'dist/vue.min.js'), join(lib, 'vue.min.js'));
  cpSync(join(pkgDir('element-ui'), 'lib/index.js'), join(lib, 'element-ui.js'));
  cpSync(join(pkgDir('element-ui'), 'lib/theme-chalk/index.css'), join(lib, 'theme-chalk/index.css'));
  cpSync(join(pkgDir('element-ui'), 'lib/theme-chalk/fonts'), join(lib, 'theme-chalk/fonts'), { recursive: true });
  cpSync(join(root, 'demo/frame'), join(DEMO_OUT, 'frame'), { recursive: true });
  // the autofill corpus: a dozen pages on other libraries, each with its expected answers
  await buildCorpus(DEMO_OUT);
  return DEMO_OUT;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDemo().then(
    (out) => console.log(`demo portals built → ${out}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
