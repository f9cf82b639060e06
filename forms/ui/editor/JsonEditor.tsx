import { json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../core/i18n/lang';
import { jsonDiagnostics, jsonErrorText, ZH_PHRASES } from './json-lint';
import { textIn } from '../../core/i18n/text';

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
 * Text that does not parse yet, by file, kept while its editor is closed (another tab, another file):
 * switching away never drops an edit; coming back shows the text as it was left, with its error.
 */
const unparsed = new Map<string, { text: string; base: string }>();
/** files with an edit that is not valid JSON yet (the editor page warns before publishing) */
export const unappliedJsonEdits = (): string[] => [...unparsed.keys()];

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
  const valueRef = useRef(value);
  valueRef.current = value;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // an edit left unparsed is restored if the file has not changed from elsewhere since
    const kept = unparsed.get(label);
    const restore = kept && kept.base === JSON.stringify(value) ? kept.text : null;
    if (kept && !restore) unparsed.delete(label);
    const v = new EditorView({
      doc: restore ?? pretty(value),
      parent: host.current!,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        linter((view) => jsonDiagnostics(view.state.doc, lang), { delay: 300 }),
        ...(lang === 'zh' ? [EditorState.phrases.of(ZH_PHRASES)] : []),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || u.transactions.every((t) => t.annotation(external) === true)) return;
          const text = u.state.doc.toString();
          try {
            const parsed = JSON.parse(text);
            unparsed.delete(label);
            setError(null);
            onChangeRef.current(parsed);
          } catch (e) {
            unparsed.set(label, { text, base: JSON.stringify(valueRef.current) });
            setError((e as Error).message);
          }
        }),
      ],
    });
    if (restore) {
      try {
        JSON.parse(restore);
      } catch (e) {
        setError((e as Error).message);
      }
    }
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
    // an unparsed edit of this very value stays; a real change from elsewhere replaces the text
    const kept = unparsed.get(label);
    if (!same && !(kept && kept.text === current && kept.base === JSON.stringify(value))) {
      unparsed.delete(label);
      v.dispatch({ changes: { from: 0, to: current.length, insert: pretty(value) }, annotations: external.of(true) });
      setError(null);
    }
  }, [value]);

  return (
    <div class="json-editor">
      <div ref={host} class="cm-host" data-testid="json-editor" />
      {error && (
        <p class="problem" role="alert">
          {textIn({ zh: `JSON 有语法错误，尚未应用（已保留，切换页面不会丢失；错误处在左侧标出）：${jsonErrorText(error, 'zh')}`, en: `invalid JSON, not applied yet (kept while you switch tabs; the error is marked in the gutter): ${jsonErrorText(error, 'en')}` }, lang)}
        </p>
      )}
    </div>
  );
}
