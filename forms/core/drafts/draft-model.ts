import type { Pack } from '../pack/types';
import type { Draft, DraftData, DraftStatus } from './types';

/**
 * Where a draft's title comes from, first non-empty string wins: the institution's name is what
 * users search for and recognise ("by title, document, institution name"). These are data paths of
 * the form, not policy, so they live here rather than in the pack.
 */
const TITLE_PATHS: readonly string[][] = [['institution', 'name'], ['name'], ['applicant', 'name'], ['title']];

function stringAt(data: unknown, path: readonly string[]): string | undefined {
  let node: unknown = data;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' && node.trim() ? node.trim() : undefined;
}

/** The institution name in the data, if any — also searched by the drafts list. */
export function institutionName(data: unknown): string | undefined {
  return stringAt(data, ['institution', 'name']);
}

/** The document's title from the pack (schema title), or its id when the pack lacks it. */
export function documentTitle(pack: Pack | undefined, docId: string): string {
  const title = pack?.documents[docId]?.schema.title;
  return typeof title === 'string' ? title : docId;
}

export function deriveTitle(data: unknown, docTitle: string): string {
  for (const path of TITLE_PATHS) {
    const s = stringAt(data, path);
    if (s) return s.length > 80 ? `${s.slice(0, 79)}…` : s;
  }
  return docTitle;
}

/** A random id (crypto.randomUUID where present: extension pages, Node ≥ 19). */
export function newDraftId(): string {
  return `d-${globalThis.crypto.randomUUID()}`;
}

export interface NewDraftInput {
  docId: string;
  packId: string;
  packVersion: string;
  docTitle: string;
  data?: DraftData;
  status?: DraftStatus;
  now?: Date;
}

export function createDraft(input: NewDraftInput): Draft {
  const now = (input.now ?? new Date()).toISOString();
  const data = input.data ?? {};
  return {
    id: newDraftId(),
    docId: input.docId,
    packId: input.packId,
    packVersion: input.packVersion,
    title: deriveTitle(data, input.docTitle),
    data,
    status: input.status ?? 'has-errors',
    created: now,
    updated: now,
    revision: 1,
  };
}

/** The next state of a draft after an edit: new data, title re-derived, revision + 1. */
export function withEdit(draft: Draft, data: DraftData, docTitle: string, status: DraftStatus, now = new Date()): Draft {
  return {
    ...draft,
    data,
    title: deriveTitle(data, docTitle),
    status,
    updated: now.toISOString(),
    revision: draft.revision + 1,
  };
}

/** A copy under a new id, revision 1 — "duplicate" in the list. */
export function duplicateDraft(draft: Draft, copySuffix: string, now = new Date()): Draft {
  const at = now.toISOString();
  return {
    ...structuredClone(draft),
    id: newDraftId(),
    title: `${draft.title}${copySuffix}`,
    status: draft.status === 'submitted' ? 'has-errors' : draft.status,
    created: at,
    updated: at,
    revision: 1,
  };
}
