import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { pruneHidden } from '../../core/schema/prune-hidden';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { PrintView, type PrintViewProps } from './PrintView';

interface Props {
  pack: Pack;
  docId: string;
  data: unknown;
  lang: Lang;
  draft?: PrintViewProps['draft'];
}

/**
 * The print view of the document being edited, kept beside the form for print media. It is drawn
 * at idle moments and synchronously on `beforeprint` — not on every change, where it would double
 * the work of each commit. Only the active branches print (hidden sections' values stay in the draft).
 */
export function PrintMirror(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const draw = () => {
    const { pack, docId, data, lang, draft } = latest.current;
    if (host.current) render(<PrintView pack={pack} docId={docId} data={pruneHidden(pack, docId, data)} lang={lang} draft={draft} />, host.current);
  };
  useLayoutEffect(() => {
    // not drawn here: on a 50-row document the first draw cost ~75 ms inside the form's first render;
    // the idle callback below draws it, and printing before that draws it at once
    addEventListener('beforeprint', draw);
    const el = host.current;
    return () => {
      removeEventListener('beforeprint', draw);
      if (el) render(null, el);
    };
  }, []);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return draw();
    const id = requestIdleCallback(draw, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, [props.data, props.lang, props.docId, props.pack, props.draft?.errors, Boolean(props.draft)]);
  return <div class="print-only" ref={host} />;
}
