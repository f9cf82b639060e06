/**
 * Every message between extension parts, typed, in one place. A name starts with the part that
 * answers it: `bg:` the background (asked by the popup, workbench, editor or a content script),
 * `cs:` the content script in a portal's tab (asked by the background). Plain ASCII, so a name can be
 * typed, grepped and logged anywhere. No `any` crosses a boundary.
 */
import { browser } from 'wxt/browser';
import type { AutofillMessages } from '../forms/core/fill/messages';

/**
 * Autofill: `bg:autofill` (popup button and keyboard command), `bg:autofill-undo`,
 * `bg:autofill-last`, `bg:autofill-learn`, `bg:portal-maps-export|import`, `cs:fill|undo|learn`,
 * `bg:learned` — each documented in forms/core/fill/messages.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageMap extends AutofillMessages {}
// Other parts add their messages the same way: a map in their own module, extended here.

export type MessageType = keyof MessageMap;
export type Request<K extends MessageType> = { type: K } & MessageMap[K]['request'];
export type Response<K extends MessageType> = MessageMap[K]['response'];

export function sendToBackground<K extends MessageType>(msg: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage(msg) as Promise<Response<K>>;
}

export function isMessage<K extends MessageType>(msg: unknown, type: K): msg is Request<K> {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === type;
}

/** Who sent a message, as far as the browser vouches for it. */
export type SenderKind = 'extension-page' | 'content-script' | 'other';

interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/**
 * Extension pages (popup, workbench, editor) are pages of the extension's own origin; a content script
 * runs inside a portal page (its sender URL is that page's) — it may be driven by the page, so it is
 * trusted with nothing the pages can do. Messages from other extensions or web pages are never answered.
 */
export function senderKind(sender: SenderLike, runtime: { id?: string; getURL(path: string): string } = browser.runtime as never): SenderKind {
  if (!sender || sender.id !== runtime.id) return 'other';
  const own = new URL(runtime.getURL('/')).origin;
  const from = sender.origin ?? (sender.url ? safeOrigin(sender.url) : undefined);
  if (from === own) return 'extension-page';
  if (sender.tab && from && /^https?:/.test(from)) return 'content-script';
  return 'other';
}

const safeOrigin = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** What a content script may tell the background: only what the user taught it in the page. */
const FROM_CONTENT_SCRIPT: ReadonlySet<string> = new Set(['bg:learned']);

/**
 * Which sender may send which message to the background (`bg:`): a content script only what it reports
 * (FROM_CONTENT_SCRIPT); an extension page everything else — so only a person using the popup, the
 * workbench or the keyboard command starts a fill, reads the drafts list or replaces portal maps. Messages
 * meant for content scripts (`cs:`), and anything from elsewhere, are dropped unanswered.
 */
export function senderMaySend(msg: unknown, sender: SenderLike, runtime?: { id?: string; getURL(path: string): string }): boolean {
  const type = typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !type.startsWith('bg:')) return false;
  const kind = senderKind(sender, runtime);
  if (FROM_CONTENT_SCRIPT.has(type)) return kind === 'content-script';
  return kind === 'extension-page';
}
