/**
 * The popup's first frame without waiting for its scripts (the popup must be interactive within 100 ms; a page of
 * this extension with no script at all already takes about that long on the bench machine).
 *
 * popup.html carries the popup as static markup, rendered at build time from the same PopupApp
 * (forms/build/popup-shell.tsx): one `<template>` per language × check. A tiny classic script that
 * runs while the page is parsed (extension/popup-boot.ts) picks the remembered check and language,
 * puts that template in #app and fills in the remembered answers — so the first frame shows working
 * inputs. The app script (extension/popup-app.tsx), added after the first frame, mounts Preact over
 * that markup; it reuses the same elements (focus, caret and typed text stay), after taking over what
 * was typed or pressed meanwhile.
 *
 * DOM only, no Preact, nothing imported but the storage keys: this is the boot script's whole bundle.
 */
import type { Lang } from '../../core/i18n/lang';
import { INSTALLED_HINT_KEY, LANG_KEY, LAST_CHECK_KEY } from '../../../shared/local-keys';

/** the shells' container in popup.html (outside #app, so Preact never sees it) */
export const SHELLS_ID = 'popup-shells';

export const shellTemplateId = (lang: Lang, kind: string) => `shell-${lang}-${kind}`;

/** What the boot script showed: the mount takes over from here. */
export interface ShellState {
  lang: Lang;
  kind: string;
  /** the answers filled into the shell (the remembered ones) */
  answers: Record<string, unknown>;
  /** each control's raw state right after filling, to tell what the user changed before the mount */
  filled: Record<string, string>;
  /** the user chose another check in the shell (the mount remembers it) */
  switched?: boolean;
  /** a button clicked before the mount: the mount clicks it again, now with the app's handler */
  pendingClick?: HTMLElement | null;
  /** stops the shell's own click handling (the mount calls it before rendering) */
  stop?: () => void;
}

declare global {
  interface Window {
    __formkitPopupShell?: ShellState | null;
  }
}

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

const controlId = (kind: string, name: string) => `f-${kind}-${name}`;

/** The field controls of a check form: one per question (rows of a list are the app's business). */
function controls(form: Element, kind: string): Map<string, HTMLElement> {
  const out = new Map<string, HTMLElement>();
  const prefix = controlId(kind, '');
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[id]'))) {
    const name = el.id.startsWith(prefix) ? el.id.slice(prefix.length) : '';
    // list rows have ids `f-kind-name-0-field`: not a question of their own
    if (name && !name.includes('-')) out.set(name, el);
  }
  return out;
}

/** A control's state as a string: compared before and after, to see whether the user changed it. */
function rawState(el: HTMLElement): string {
  if (el instanceof HTMLInputElement) return el.type === 'checkbox' ? String(el.checked) : el.value;
  if (el instanceof HTMLSelectElement) return el.value;
  if (el.classList.contains('choices')) {
    return Array.from(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      .map((i) => (i.checked ? '1' : '0'))
      .join('');
  }
  return '';
}

const num = (raw: string): number | string | undefined => (raw === '' ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw);

/**
 * A control's answer, converted as FieldInput's handlers convert it (test/unit/popup-static-shell
 * holds the two together). `undefined` for list rows, which the shell never has.
 */
export function controlAnswer(el: HTMLElement): { value: unknown } | undefined {
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox') return { value: el.checked ? true : undefined };
    if (el.type === 'number') return { value: num(el.value) };
    return { value: el.value || undefined };
  }
  if (el instanceof HTMLSelectElement) return { value: el.value || undefined };
  if (el.classList.contains('choices')) {
    return { value: Array.from(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((i) => i.checked).map((i) => i.value) };
  }
  return undefined;
}

function fill(el: HTMLElement, value: unknown): void {
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox') el.checked = value === true;
    else el.value = value === undefined || value === null ? '' : String(value);
  } else if (el instanceof HTMLSelectElement) {
    el.value = value === undefined || value === null ? '' : String(value);
  } else if (el.classList.contains('choices') && Array.isArray(value)) {
    const set = new Set(value.map(String));
    for (const i of Array.from(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) i.checked = set.has(i.value);
  }
}

function readLast(): { kind?: unknown; answers?: unknown } | null {
  try {
    const v: unknown = JSON.parse(read(LAST_CHECK_KEY) ?? 'null');
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Runs while popup.html is parsed, right after #app and the templates: shows the remembered check in
 * the chosen language with its answers. Returns what it showed (also kept on window for the mount),
 * or null when it left #app alone (an installed pack may ask other questions: the app shows those).
 */
export function bootShell(doc: Document): ShellState | null {
  const app = doc.getElementById('app');
  const shells = doc.getElementById(SHELLS_ID);
  let state: ShellState | null = null;
  // an installed pack may ask other questions than the bundled one the shells were drawn from
  if (app && read(INSTALLED_HINT_KEY) === 'installed') app.replaceChildren();
  else if (app && shells) {
    const lang: Lang = read(LANG_KEY) === 'en' ? 'en' : 'zh';
    const last = readLast();
    const templates = Array.from(shells.querySelectorAll<HTMLTemplateElement>('template'));
    // remembered only as last-check.ts accepts it (a kind and an answers object), or the app would disagree
    const valid = typeof last?.kind === 'string' && !!last.answers && typeof last.answers === 'object';
    const wanted = valid ? doc.getElementById(shellTemplateId(lang, last!.kind as string)) : null;
    const tpl = (wanted as HTMLTemplateElement | null) ?? templates.find((t) => t.id.startsWith(`shell-${lang}-`));
    if (tpl) {
      const show = (t: HTMLTemplateElement, answers: Record<string, unknown>): ShellState => {
        const kind = t.id.slice(`shell-${lang}-`.length);
        app.replaceChildren(t.content.cloneNode(true));
        const form = app.querySelector('form.check');
        const filled: Record<string, string> = {};
        if (form) {
          for (const [name, el] of controls(form, kind)) {
            if (name in answers) fill(el, answers[name]);
            filled[name] = rawState(el);
          }
        }
        return { lang, kind, answers, filled };
      };
      const shown = show(tpl, wanted ? (last!.answers as Record<string, unknown>) : {});
      state = shown;
      // Until the app mounts, the shell answers clicks itself: a tab shows its check (as the app would,
      // with no answers), any other button is clicked again by the mount. Typing needs nothing: the
      // inputs are real and the mount takes their values over.
      const onClick = (e: Event) => {
        const target = e.target instanceof Element ? e.target : null;
        const tab = target?.closest<HTMLElement>('[role=tab][data-kind]');
        if (tab) {
          const next = doc.getElementById(shellTemplateId(lang, tab.dataset.kind ?? '')) as HTMLTemplateElement | null;
          if (next && tab.dataset.kind !== shown.kind) Object.assign(shown, show(next, {}), { switched: true, pendingClick: null });
          return;
        }
        const button = target?.closest<HTMLElement>('button');
        if (button) shown.pendingClick = button;
      };
      app.addEventListener('click', onClick, true);
      shown.stop = () => app.removeEventListener('click', onClick, true);
    }
  }
  // the templates stay until the mount when a tab may still need one; they are never shown
  if (!state) shells?.remove();
  if (doc.defaultView) doc.defaultView.__formkitPopupShell = state;
  return state;
}

/**
 * The popup's app script (popup.html names it in the boot script's `data-app`), added once the first
 * frame is out: before it, even fetching it would hold that frame back. A hidden page has no frames,
 * hence the timer as well.
 */
export function loadAppAfterFirstFrame(doc: Document, src: string | undefined, win: Pick<Window, 'requestAnimationFrame' | 'setTimeout'> = window): void {
  if (!src) return;
  let added = false;
  const add = () => {
    if (added) return;
    added = true;
    const s = doc.createElement('script');
    s.src = src;
    doc.head.appendChild(s);
  };
  win.requestAnimationFrame(() => win.setTimeout(add, 0));
  win.setTimeout(add, 100);
}

/** What the mount starts from (extension/popup-app.tsx). */
export interface ShellTakeover {
  kind: string;
  answers: Record<string, unknown>;
  /** differs from what is remembered: the mount remembers it */
  changed: boolean;
  /** a button clicked in the shell, to click again once the app's handlers are on it */
  pendingClick: HTMLElement | null;
}

/**
 * At the mount: the shell stops answering clicks, and hands over the check shown with the remembered
 * answers updated by what the user changed since it was filled (only those controls, so an untouched
 * answer keeps its exact value and type).
 */
export function takeOverShell(doc: Document, shell: ShellState): ShellTakeover {
  shell.stop?.();
  doc.getElementById(SHELLS_ID)?.remove();
  const answers = shellAnswers(doc, shell);
  const changed = !!shell.switched || JSON.stringify(answers) !== JSON.stringify(shell.answers);
  return { kind: shell.kind, answers, changed, pendingClick: shell.pendingClick ?? null };
}

function shellAnswers(doc: Document, shell: ShellState): Record<string, unknown> {
  const form = doc.querySelector(`#app form.check[data-kind="${shell.kind}"]`);
  const answers = { ...shell.answers };
  if (!form) return answers;
  for (const [name, el] of controls(form, shell.kind)) {
    if (rawState(el) === shell.filled[name]) continue;
    const a = controlAnswer(el);
    if (!a) continue;
    if (a.value === undefined) delete answers[name];
    else answers[name] = a.value;
  }
  return answers;
}
