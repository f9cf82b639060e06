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
