/**
 * Every message between extension parts, typed, in one place. Names say the direction:
 * `ui→bg` (popup/workbench/editor to background), `bg→cs` (background to content script),
 * `cs→bg`. No `any` crosses a boundary.
 */
import { browser } from 'wxt/browser';
import type { AutofillMessages } from '../forms/core/fill/messages';

/**
 * Autofill (issue 6): `ui→bg:autofill` (popup button and keyboard command), `ui→bg:autofill-undo`,
 * `ui→bg:autofill-last`, `ui→bg:autofill-learn`, `ui→bg:portal-maps-export|import`, `bg→cs:fill|undo|learn`,
 * `cs→bg:learned` — each documented in forms/core/fill/messages.ts.
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
