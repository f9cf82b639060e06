import { institutionName } from './draft-model';
import type { Draft, DraftSummary } from './types';

/** The list row of a draft. A sealed draft shows nothing of its own: its title is sealed (`sealedTitle`). */
export function summarize(d: Draft): DraftSummary {
  return {
    id: d.id,
    docId: d.docId,
    packVersion: d.packVersion,
    title: d.title,
    institution: d.sealed ? '' : (institutionName(d.data) ?? ''),
    status: d.status,
    created: d.created,
    updated: d.updated,
    revision: d.revision,
    locked: Boolean(d.sealed),
    ...(d.sealedTitle ? { sealedTitle: d.sealedTitle } : {}),
  };
}
