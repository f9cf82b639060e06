/**
 * Build step: an extension page's stylesheets go into the page as `<style>`, not as `<link>`s.
 *
 * Why (first render): the browser answers an extension page's requests late, on its UI thread,
 * and a linked stylesheet holds back both the page's first frame and its module scripts. Measured on the
 * workbench with the 50-row document, the same build with its two stylesheets inline against linked, one
 * browser, pages alternated: ready 549 → 483 ms, 466 → 404 ms and 549 → 539 ms in three runs
 * (bench/notes.md, "First render"). The popup inlines its own stylesheet the same way (wxt.config.ts).
 *
 * A stylesheet that a page does not link (one that only a dynamically imported chunk needs) would be
 * left as a file for Vite's preload helper to add later; the build fails if one appears. (A stylesheet imported
 * by two pages' scripts would be one: it lands in their shared chunk, which the document validators import.
 * forms/ui/editor/editor.css imports the workbench's stylesheet for that reason.)
 */
type Asset = { type: 'asset'; source: string | Uint8Array };
type Bundle = Record<string, Asset | { type: 'chunk' }>;

const LINK = /\s*<link rel="stylesheet"[^>]*?href="\/?([^"]+\.css)"[^>]*>/g;

export function inlineStylesheets() {
  const inlined = new Set<string>();
  return {
    name: 'formkit-inline-stylesheets',
    // after every other page transform, when the bundle's stylesheets exist
    transformIndexHtml: {
      order: 'post' as const,
      handler(html: string, ctx: { bundle?: Bundle; filename: string }): string {
        if (!ctx.bundle) return html;
        const bundle = ctx.bundle;
        return html.replace(LINK, (_tag, file: string) => {
          const asset = bundle[file];
          if (!asset || asset.type !== 'asset') throw new Error(`${ctx.filename}: stylesheet ${file} is not in the bundle`);
          inlined.add(file);
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          // `</style` inside a rule would end the element early
          if (/<\/style/i.test(css)) throw new Error(`${file}: contains "</style", cannot be inlined`);
          return `\n    <style>${css}</style>`;
        });
      },
    },
    enforce: 'post' as const,
    // runs after the pages were written into the bundle: every stylesheet must now live inside a page
    generateBundle(_options: unknown, bundle: Bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'asset' || !file.endsWith('.css')) continue;
        if (!inlined.has(file)) throw new Error(`stylesheet ${file} is linked by no page: a dynamically imported chunk needs it (see forms/build/inline-stylesheets.ts)`);
        delete bundle[file];
      }
    },
  };
}
