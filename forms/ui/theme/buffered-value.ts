import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Typing stays local to the control and reaches the form after a short pause (or on blur), so a
 * keystroke repaints one input instead of re-rendering and re-validating a 300-field form
 * (rjsf#3715: ~200 ms per keystroke on big forms). Nothing is committed during IME composition
 * (pinyin in progress is not a value).
 */
export const COMMIT_DELAY_MS = 300;

/**
 * After the pause, the commit (a whole-form re-render and re-validation) waits for an idle moment so
 * it does not land between two keystrokes of a user who is still typing.
 */
const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 300 });
  else fn();
};

const pendingFlushes = new Set<() => void>();

/** Commits every control's pending text now (leaving the page, printing, exporting). */
export function flushPendingInputs(): void {
  for (const f of [...pendingFlushes]) f();
}

// Registered at module load — before any page code's own pagehide/visibilitychange listeners — so
// a character typed just before the tab closes reaches the form (and the draft autosave, whose
// listener runs after ours; the form's update completes in the microtasks between the two).
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushPendingInputs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingInputs();
  });
}

/**
 * `holdWhile(text)`: while true, a pause does not commit (an occupation name being typed is resolved
 * when the user leaves the field or picks a match, not halfway through the word); blur and page exit still do.
 */
export function useBufferedValue(external: string, commit: (text: string) => void, holdWhile?: (text: string) => boolean) {
  const [text, setText] = useState(external);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const composing = useRef(false);
  const committed = useRef(external);
  const latest = useRef(text);
  latest.current = text;

  // a value changed from outside (normalisation, another tab, a restored revision) wins unless the user is mid-edit
  useEffect(() => {
    if (external !== committed.current && timer.current === null && !composing.current) {
      committed.current = external;
      setText(external);
    }
  }, [external]);

  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pendingFlushes.delete(flush);
    if (latest.current !== committed.current) {
      committed.current = latest.current;
      commit(latest.current);
    }
  };
  useEffect(() => () => flush(), []); // a control that unmounts with pending text still commits it

  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    if (timer.current !== null) clearTimeout(timer.current);
    if (!composing.current && !holdWhile?.(value)) timer.current = setTimeout(() => whenIdle(flush), COMMIT_DELAY_MS);
    pendingFlushes.add(flush);
  };
  const onCompositionStart = () => {
    composing.current = true;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const onCompositionEnd = (value: string) => {
    composing.current = false;
    setText(value);
    latest.current = value;
    if (!holdWhile?.(value)) timer.current = setTimeout(() => whenIdle(flush), COMMIT_DELAY_MS);
    pendingFlushes.add(flush);
  };
  const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

  return {
    text,
    onInput,
    onCompositionStart,
    onCompositionEnd,
    flush,
    /** The props an `<input>`/`<textarea>` spreads to be buffered; leaving it commits at once. */
    bind(id: string, onBlur: (id: string, value: string) => void) {
      return {
        value: text,
        onInput: (e: Event) => onInput(valueOf(e)),
        onCompositionStart,
        onCompositionEnd: (e: Event) => onCompositionEnd(valueOf(e)),
        onBlur: (e: Event) => {
          flush();
          onBlur(id, valueOf(e));
        },
      };
    },
  };
}
