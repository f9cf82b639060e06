import { render } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import { FormKitContext, type KitFormContext } from '../theme/form-context';
import { sameRowProps, TableRow, type RowProps } from '../theme/table-row';
import type { TableRowsProps } from '../theme/table-rows';
import { staticRowHtml } from './static-row';

/**
 * A table row that is first drawn as plain markup (static-row.tsx) and becomes the live row — the kit's
 * widgets, with their listeners, buffered typing and findings — the first time it is needed:
 * - when the user reaches into it (pointer, focus, key, click, or a value set by a tool and announced
 *   with input/change events; see `wakeTableRows`);
 * - when what it shows would change: its values, its position, the list's length, the language, a finding.
 * Preact adopts the markup's own elements (render() into a container that has children reuses them),
 * so focus, caret and a value the user just set stay where they are.
 * Rows added later start live.
 */
interface LazyRowProps extends RowProps {
  /** the form's context, passed on to the row (it is rendered as a root of its own) */
  context: KitFormContext | null;
  /** false after the table's first render: a row added later starts live */
  mayStartStatic: boolean;
  /** registers how to wake this row, by its slot element (the table delegates events) */
  register(slot: Element, wake: () => void): () => void;
}

function LazyRow(p: LazyRowProps) {
  const slot = useRef<HTMLDivElement>(null);
  // The markup is handed to Preact as the slot's innerHTML, so it is parsed while the new table is still
  // detached (parsing into the live page cost ≈ 5× as much). The same object is passed for the slot's
  // whole life: Preact leaves an unchanged innerHTML alone, and the live row's own root owns the children.
  const initial = useRef<{ __html: string } | null | undefined>(undefined);
  const state = useRef({ live: false, drawnFrom: p });
  const latest = useRef(p);
  latest.current = p;

  const goLive = () => {
    const el = slot.current;
    if (!el) return;
    state.current.live = true;
    const { context, mayStartStatic: _s, register: _r, ...row } = latest.current;
    render(
      <FormKitContext.Provider value={context}>
        <TableRow {...row} />
      </FormKitContext.Provider>,
      el,
    );
  };

  useLayoutEffect(() => {
    const { live, drawnFrom } = state.current;
    // still exactly what the markup shows: stay markup
    if (!live && sameRowProps(drawnFrom, p)) return;
    goLive();
  });

  useLayoutEffect(() => {
    const el = slot.current!;
    const unregister = p.register(el, () => {
      if (!state.current.live) goLive();
    });
    return () => {
      unregister();
      // unmounts the row's widgets, so a buffered edit still reaches the form (buffered-value.ts)
      if (state.current.live) render(null, el);
    };
  }, []);

  // last, after every hook of this component: rendering to a string in the middle of a render leaves
  // Preact's hooks without a current component
  if (initial.current === undefined) {
    const { context, mayStartStatic, register: _r, ...row } = p;
    initial.current = mayStartStatic && !p.findings?.size ? { __html: staticRowHtml(row, context) } : null;
    state.current.live = initial.current === null;
  }
  return <div class="row-slot" ref={slot} dangerouslySetInnerHTML={initial.current ?? undefined} />;
}

/** Events that mean the user (or a tool acting for them) reaches into a row. */
const WAKE_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'focus', 'keydown', 'click', 'input', 'change'] as const;
const CHANGING_EVENTS = new Set(['click', 'input', 'change']);

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isControl = (t: EventTarget | null): t is Control =>
  t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

/**
 * One set of capture listeners on the table body wakes whichever row an event is headed for, before the
 * event reaches its target — so the live row's own listeners, attached on waking, receive it. A click,
 * input or change has already changed the control when it is dispatched (a box ticked, an option set
 * by a tool), and the live row is drawn from the form's data: that change is put back after waking, so
 * the row's own listener sees it and reports it to the form.
 */
function wakeTableRows(body: HTMLElement, wakers: Map<Element, () => void>): () => void {
  const onEvent = (e: Event) => {
    const target = e.target instanceof Element ? e.target : null;
    const slot = target?.closest('.row-slot');
    const wake = slot && wakers.get(slot);
    if (!wake) return;
    // only these events come after the control has changed; the others come before the user changes anything
    const control = isControl(target) && CHANGING_EVENTS.has(e.type) ? target : null;
    const before = control && { value: control.value, checked: control instanceof HTMLInputElement && control.checked };
    wakers.delete(slot);
    wake();
    if (control && before) {
      if (control.value !== before.value) control.value = before.value;
      if (control instanceof HTMLInputElement && control.checked !== before.checked) control.checked = before.checked;
    }
  };
  for (const type of WAKE_EVENTS) body.addEventListener(type, onEvent, { capture: true, passive: true });
  return () => {
    for (const type of WAKE_EVENTS) body.removeEventListener(type, onEvent, { capture: true });
  };
}

/**
 * A table's rows, those of its first render drawn as markup (handed to the theme's TableField through
 * the form's context, `KitFormContext.TableRows`): most rows of a long table are never touched in a visit.
 */
export function StaticFirstRows({ rows, keys, firstRender }: TableRowsProps) {
  const context = useContext(FormKitContext);
  const body = useRef<HTMLDivElement>(null);
  const wakers = useRef(new Map<Element, () => void>());
  useLayoutEffect(() => wakeTableRows(body.current!, wakers.current), []);
  const register = useRef((slot: Element, wake: () => void) => {
    wakers.current.set(slot, wake);
    return () => void wakers.current.delete(slot);
  }).current;
  return (
    <div role="rowgroup" ref={body}>
      {rows.map((row, i) => (
        <LazyRow key={keys[i]} {...row} context={context} mayStartStatic={firstRender} register={register} />
      ))}
    </div>
  );
}
