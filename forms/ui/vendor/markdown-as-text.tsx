/**
 * Stands in for `markdown-to-jsx/react`, which @rjsf/core imports for `ui:enableMarkdownInDescription`
 * (and its config-error notes). Packs are data written by bureau staff and their descriptions are
 * plain text, so the kit shows them as text: no HTML from a pack ever reaches the page, and the
 * workbench does not load 87 KB of markdown parser before its first render. Aliased in
 * wxt.config.ts and vitest.config.ts.
 */
import type { ComponentChildren } from 'preact';

export function Markdown({ children }: { children?: ComponentChildren; options?: unknown }) {
  return <span class="plain-text">{children}</span>;
}

export default Markdown;
