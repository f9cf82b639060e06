// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { fireEvent, render as renderTl, cleanup, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { popupShell } from '../../forms/build/popup-shell';
import type { CheckField } from '../../forms/core/checks/types';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';
import { BUNDLED_CHECK_FORMS } from '../../forms/ui/popup/check-forms';
import { FieldInput } from '../../forms/ui/popup/FieldInput';
import { saveLastCheck } from '../../forms/ui/popup/last-check';
import { PopupApp } from '../../forms/ui/popup/PopupApp';
import { bootShell, controlAnswer, loadAppAfterFirstFrame, SHELLS_ID, takeOverShell } from '../../forms/ui/fast/popup-static-shell';
import { INSTALLED_HINT_KEY, LANG_KEY, LAST_CHECK_KEY } from '../../shared/local-keys';

// The popup's first frame is static markup picked by a boot script (the popup must be interactive within 100 ms, bench/budgets.json);
// the app mounts over it later. These hold the handover to what a user would notice: the right check
// and answers in the first frame, nothing typed lost, no control replaced under the cursor.
const shell = popupShell(BUNDLED_CHECK_FORMS);

function loadPage(): HTMLElement {
  document.body.innerHTML = `<div id="app">${shell.app}</div>${shell.shells}`;
  return document.getElementById('app')!;
}

/** what extension/popup-app.tsx does once it runs */
function mount(app: HTMLElement, state: NonNullable<ReturnType<typeof bootShell>>) {
  const taken = takeOverShell(document, state);
  const initial = { kind: taken.kind, answers: taken.answers };
  if (taken.changed) saveLastCheck(initial);
  const Autofill = () => <AutofillButton lang={state.lang} />;
  render(<PopupApp checks={BUNDLED_CHECK_FORMS} answering={null} lang={state.lang} pageUrl={(p) => p} Autofill={Autofill} initial={initial} />, app);
  if (taken.pendingClick?.isConnected) taken.pendingClick.click();
}

const controlsOf = (app: HTMLElement) => Array.from(app.querySelectorAll('input, select, button'));

beforeEach(() => {
  localStorage.clear();
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('popup static first frame', () => {
  it('shows the remembered check with its answers before any module runs, and drops the templates', () => {
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'sanction', answers: { tier: 'general', proposedMeasures: ['warning'] } }));
    const app = loadPage();
    const state = bootShell(document)!;
    expect(state).toMatchObject({ lang: 'zh', kind: 'sanction' });
    expect(app.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe('违纪违规可以怎样处理');
    expect(app.querySelector<HTMLSelectElement>('#f-sanction-tier')!.value).toBe('general');
    const warning = app.querySelector<HTMLInputElement>('#f-sanction-proposedMeasures input[value="warning"]')!;
    expect(warning.checked).toBe(true);
    expect(window.__formkitPopupShell).toEqual(state);
    // the templates go at the mount (a tab clicked before it still needs one)
    expect(takeOverShell(document, state)).toMatchObject({ changed: false, pendingClick: null });
    expect(document.getElementById(SHELLS_ID)).toBeNull();
  });

  it('the app mounts over the same elements: focus, typed text and checks stay, and are remembered', () => {
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'renewal', answers: { expiryDate: '2025-08-31' } }));
    const app = loadPage();
    const state = bootShell(document)!;
    const before = controlsOf(app);
    // typed before the module arrived
    const today = app.querySelector<HTMLInputElement>('#f-renewal-today')!;
    today.value = '2025-08-21';
    today.focus();
    mount(app, state);
    expect(controlsOf(app)).toEqual(before);
    expect(controlsOf(app).every((el, i) => el === before[i])).toBe(true);
    expect(document.activeElement).toBe(today);
    expect(today.value).toBe('2025-08-21');
    expect(app.querySelector<HTMLInputElement>('#f-renewal-expiryDate')!.value).toBe('2025-08-31');
    expect(JSON.parse(localStorage.getItem(LAST_CHECK_KEY)!)).toEqual({ kind: 'renewal', answers: { expiryDate: '2025-08-31', today: '2025-08-21' } });
    // and the app's handlers are live on the static elements
    today.value = '2025-08-22';
    fireEvent.input(today);
    expect(JSON.parse(localStorage.getItem(LAST_CHECK_KEY)!).answers.today).toBe('2025-08-22');
  });

  it('before the mount a tab shows its check, and a pressed button is pressed again once the app is on it', async () => {
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'renewal', answers: { expiryDate: '2025-08-31' } }));
    const app = loadPage();
    const state = bootShell(document)!;
    fireEvent.click(app.querySelector('[role=tab][data-kind="level"]')!);
    expect(app.querySelector('[role=tab][aria-selected=true]')!.getAttribute('data-kind')).toBe('level');
    expect(app.querySelector('form.check')!.getAttribute('data-kind')).toBe('level');
    const add = app.querySelector<HTMLButtonElement>('#f-level-certificates ~ button, #f-level-certificates button')!;
    fireEvent.click(add);
    mount(app, state);
    expect(JSON.parse(localStorage.getItem(LAST_CHECK_KEY)!).kind).toBe('level');
    // the "add a certificate" press reached the app: one row
    await waitFor(() => expect(app.querySelectorAll('#f-level-certificates .row').length).toBe(1));
  });

  it('an untouched remembered answer keeps its type; a cleared one is dropped', () => {
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'level', answers: { age: 30, yearsInOccupation: 6, targetLevel: '技师' } }));
    const app = loadPage();
    const state = bootShell(document)!;
    app.querySelector<HTMLInputElement>('#f-level-yearsInOccupation')!.value = '';
    expect(takeOverShell(document, state)).toMatchObject({ kind: 'level', answers: { age: 30, targetLevel: '技师' }, changed: true });
  });

  it('English when the user chose English; the first check when nothing valid is remembered', () => {
    localStorage.setItem(LANG_KEY, 'en');
    localStorage.setItem(LAST_CHECK_KEY, '{not json');
    const app = loadPage();
    const state = bootShell(document)!;
    const first = BUNDLED_CHECK_FORMS[0];
    expect(state).toMatchObject({ lang: 'en', kind: first.kind, answers: {} });
    expect(app.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe(first.title.en);

    localStorage.setItem(LANG_KEY, 'zh');
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'no-such-check', answers: { x: 1 } }));
    loadPage();
    expect(bootShell(document)).toMatchObject({ lang: 'zh', kind: first.kind, answers: {} });
    // a kind without answers is not remembered by the app either (last-check.ts)
    localStorage.setItem(LAST_CHECK_KEY, JSON.stringify({ kind: 'renewal' }));
    loadPage();
    expect(bootShell(document)).toMatchObject({ kind: first.kind });
  });

  it('with an installed pack it shows nothing of the bundled one (that pack may ask other questions)', () => {
    localStorage.setItem(INSTALLED_HINT_KEY, 'installed');
    const app = loadPage();
    expect(bootShell(document)).toBeNull();
    expect(app.childNodes.length).toBe(0);
  });

  it('reads each kind of control as the popup’s own inputs report it', () => {
    const cases: Array<[CheckField, (el: HTMLElement) => void]> = [
      [{ type: 'string', title: { zh: 't', en: 't' } }, (el) => { (el as HTMLInputElement).value = 'abc'; fireEvent.input(el); }],
      [{ type: 'string', format: 'date', title: { zh: 'd', en: 'd' } }, (el) => { (el as HTMLInputElement).value = '2025-01-02'; fireEvent.input(el); }],
      [{ type: 'integer', title: { zh: 'n', en: 'n' } }, (el) => { (el as HTMLInputElement).value = '12'; fireEvent.input(el); }],
      [{ type: 'boolean', title: { zh: 'b', en: 'b' } }, (el) => fireEvent.click(el)],
      [{ type: 'array', title: { zh: 'a', en: 'a' }, items: { type: 'string', enum: ['x', 'y', 'z'], title: { zh: 'i', en: 'i' } } } as CheckField, (el) => {
        fireEvent.click(el.querySelector('input[value="z"]')!);
      }],
    ];
    for (const [field, act] of cases) {
      const onChange = vi.fn();
      const view = renderTl(<FieldInput id="f-k-q" field={field} value={undefined} lang="zh" onChange={onChange} />);
      const el = view.container.querySelector<HTMLElement>('#f-k-q')!;
      act(el);
      expect(onChange).toHaveBeenCalled();
      expect(controlAnswer(el)).toEqual({ value: onChange.mock.calls.at(-1)![0] });
      cleanup();
    }
  });

  it('adds the app script once the first frame is out, once only', () => {
    const doc = document.implementation.createHTMLDocument('');
    // kept, not inserted: happy-dom would try to fetch it
    const added: HTMLScriptElement[] = [];
    vi.spyOn(doc.head, 'appendChild').mockImplementation(<T extends Node>(n: T) => (added.push(n as unknown as HTMLScriptElement), n));
    const frames: FrameRequestCallback[] = [];
    const timers: Array<() => void> = [];
    loadAppAfterFirstFrame(doc, '/popup-app.js', {
      requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
      setTimeout: ((cb: () => void) => timers.push(cb)) as unknown as Window['setTimeout'],
    });
    expect(added.length).toBe(0);
    frames.forEach((f) => f(0));
    timers.forEach((t) => t());
    timers.forEach((t) => t());
    const scripts = added;
    expect(scripts.length).toBe(1);
    expect(scripts[0].getAttribute('src')).toBe('/popup-app.js');
  });
});
