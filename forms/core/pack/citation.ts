import type { Citation, Pack, ResolvedCitation } from './types';

/** The article a citation points at, or null when the pack has no such source or article. */
export function resolveCitation(pack: Pack, citation: Citation): ResolvedCitation | null {
  const source = pack.sources[citation.source];
  const article = source?.articles.find((a) => a.id === citation.article);
  if (!article) return null;
  return { ...citation, label: article.label, heading: article.heading, text: article.text };
}
