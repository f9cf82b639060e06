/** The background answers each message only from the kind of sender that may send it. */
import { describe, expect, it } from 'vitest';
import { senderKind, senderMaySend } from '../../shared/messages';

const runtime = { id: 'ext-id', getURL: (p: string) => `chrome-extension://ext-id${p}` };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const workbenchTab = { id: 'ext-id', url: 'chrome-extension://ext-id/workbench.html#/drafts', tab: { id: 3 } };
const contentScript = { id: 'ext-id', url: 'https://portal.example.cn/apply', tab: { id: 5 } };
const otherExtension = { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' };
const webPage = { url: 'https://evil.example/' };

describe('message senders', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(senderKind(popup, runtime)).toBe('extension-page');
    expect(senderKind(workbenchTab, runtime)).toBe('extension-page');
    expect(senderKind(contentScript, runtime)).toBe('content-script');
    expect(senderKind(otherExtension, runtime)).toBe('other');
    expect(senderKind(webPage, runtime)).toBe('other');
  });

  it.each(['bg:autofill', 'bg:autofill-drafts', 'bg:portal-maps-import', 'bg:autofill-undo', 'bg:autofill-learn'])(
    'a content script cannot send %s (list drafts, replace maps, start a fill)',
    (type) => {
      expect(senderMaySend({ type }, contentScript, runtime)).toBe(false);
      expect(senderMaySend({ type }, popup, runtime)).toBe(true);
      expect(senderMaySend({ type }, otherExtension, runtime)).toBe(false);
    },
  );

  it('only a content script reports a learned field; unknown types are dropped', () => {
    expect(senderMaySend({ type: 'bg:learned' }, contentScript, runtime)).toBe(true);
    expect(senderMaySend({ type: 'bg:learned' }, popup, runtime)).toBe(false);
    expect(senderMaySend({ type: 'cs:fill' }, popup, runtime)).toBe(false);
    expect(senderMaySend({ nope: 1 }, popup, runtime)).toBe(false);
  });
});
