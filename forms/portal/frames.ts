/**
 * The documents a fill may touch: the top document and frames of the same origin. A cross-origin
 * frame is never entered; its origin is reported so the user can decide (and be told whose it is).
 */
export interface PageDocuments {
  docs: Document[];
  crossOrigin: string[];
}

export function collectDocuments(top: Document): PageDocuments {
  const docs: Document[] = [];
  const crossOrigin = new Set<string>();
  const origin = top.defaultView?.location.origin ?? '';
  const visit = (d: Document, depth: number) => {
    docs.push(d);
    if (depth > 5) return;
    for (const f of d.querySelectorAll('iframe, frame')) {
      let inner: Document | null = null;
      try {
        inner = (f as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      let frameOrigin = '';
      try {
        frameOrigin = new URL((f as HTMLIFrameElement).src || 'about:blank', d.baseURI).origin;
      } catch {
        frameOrigin = '';
      }
      if (inner && inner.defaultView?.location.origin === origin) visit(inner, depth + 1);
      else if (frameOrigin && frameOrigin !== 'null' && frameOrigin !== origin) crossOrigin.add(frameOrigin);
    }
  };
  visit(top, 0);
  return { docs, crossOrigin: [...crossOrigin] };
}
