/**
 * The layers of the kit, enforced in `npm test` (scripts/test.mjs → `npm run lint:deps`):
 *   forms/core     pure TypeScript — imports nothing of ui, portal, shared, extension, node, build
 *   forms/ui       Preact UI — never an extension entrypoint
 *   forms/portal   the content-script runtime on a portal's page — never the Preact UI
 *   shared         plumbing between entrypoints — never an entrypoint
 * and no cycle, neither between files nor between folders.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-stays-pure',
      comment: 'forms/core runs in Node, the service worker and every page: no UI, DOM runtime, browser plumbing or entrypoint',
      severity: 'error',
      from: { path: '^forms/core/' },
      to: { path: '^(forms/(ui|portal|node|build)|shared|extension)/' },
    },
    {
      name: 'ui-not-entrypoints',
      comment: 'entrypoints compose the UI, not the other way round',
      severity: 'error',
      from: { path: '^forms/ui/' },
      to: { path: '^extension/' },
    },
    {
      name: 'portal-not-ui',
      comment: "the content script runs on a portal's page: the Preact UI would ship into every portal tab",
      severity: 'error',
      from: { path: '^forms/portal/' },
      to: { path: '^forms/ui/' },
    },
    {
      name: 'shared-not-entrypoints',
      comment: 'plumbing is imported by entrypoints, never imports them',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^extension/' },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'folders are the units a reader learns; a cycle means two of them are one concept split in two',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output[^/]*|\\.wxt|generated|\\.bench)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
