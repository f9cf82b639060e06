import { json } from '@codemirror/lang-json';
import { Annotation } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../core/i18n/lang';
import { pick } from './lang';

export interface JsonEditorProps {
  value: unknown;
  lang: Lang;
  /** called with the parsed value whenever the text is valid JSON */
  onChange(value: unknown): void;
  label: string;
}

/** Marks transactions that came from outside (visual editors), so they are not echoed back. */
const external = Annotation.define<boolean>();

const pretty = (v: unknown) => JSON.stringify(v, null, 2) ?? '';

/**
 * A JSON view (CodeMirror 6) kept in sync both ways: edits that parse go out at once; a change from
 * the visual editors replaces the text unless it already means the same value. Text that does not
 * parse stays in the editor (nothing is lost) and the error is shown.
 */
export function JsonEditor({ value, lang, onChange, label }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const v = new EditorView({
      doc: pretty(value),
      parent: host.current!,
      extensions: [
        basicSetup,
        json(),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || u.transactions.every((t) => t.annotation(external) === true)) return;
          const text = u.state.doc.toString();
          try {
            const parsed = JSON.parse(text);
            setError(null);
            onChangeRef.current(parsed);
          } catch (e) {
            setError((e as Error).message);
          }
        }),
      ],
    });
    view.current = v;
    return () => v.destroy();
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    let same = false;
    try {
      same = JSON.stringify(JSON.parse(current)) === JSON.stringify(value);
    } catch {
      same = false;
    }
    if (!same) {
      v.dispatch({ changes: { from: 0, to: current.length, insert: pretty(value) }, annotations: external.of(true) });
      setError(null);
    }
  }, [value]);

  return (
    <div class="json-editor">
      <div ref={host} class="cm-host" data-testid="json-editor" />
      {error && (
        <p class="problem" role="alert">
          {pick(lang, `JSON 无效，未应用：${error}`, `invalid JSON, not applied: ${error}`)}
        </p>
      )}
    </div>
  );
}
