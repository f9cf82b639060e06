// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForms } from '../../forms/core/checks/check-forms';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { CheckAnswer } from '../../forms/ui/popup/CheckAnswer';
import { BUNDLED_CHECK_FORMS } from '../../forms/ui/popup/check-forms';
import { PopupApp, type Answering } from '../../forms/ui/popup/PopupApp';

// The popup draws the remembered check's form before the pack and the check engine arrive (the popup budget, bench/budgets.json:
// interactive ≤ 100 ms); these tests hold it to being usable then, not a picture of a form.
const pack = parsePack(readPackDir('schemas'));
const answering: Answering = { pack, CheckAnswer };
const KEY = 'formkit.popup.lastCheck';
const pageUrl = (p: string) => `chrome-extension://test${p}`;
const app = (a: Answering | null, lang: 'zh' | 'en' = 'zh') => <PopupApp checks={BUNDLED_CHECK_FORMS} answering={a} lang={lang} pageUrl={pageUrl} />;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('popup first frame', () => {
  it('the bundled forms are the pack’s checks, same order, same questions (generated/popup-checks.json is current)', () => {
    expect(BUNDLED_CHECK_FORMS).toEqual(checkForms(pack));
  });

  it('shows the remembered check’s form at once from localStorage, and keeps what is typed until the answers arrive', async () => {
    localStorage.setItem(KEY, JSON.stringify({ kind: 'renewal', answers: { expiryDate: '2025-08-31' } }));
    const view = render(app(null));
    // first render, nothing awaited: the remembered check, its answers, working inputs
    expect(screen.getByRole('tab', { name: '续期备案是否按时' }).getAttribute('aria-selected')).toBe('true');
    const today = view.container.querySelector<HTMLInputElement>('#f-renewal-today')!;
    expect(view.container.querySelector<HTMLInputElement>('#f-renewal-expiryDate')!.value).toBe('2025-08-31');
    expect(view.container.querySelector('.outcome')).toBeNull();
    today.value = '2025-08-21';
    fireEvent.input(today);
    await waitFor(() => expect(JSON.parse(localStorage.getItem(KEY)!).answers.today).toBe('2025-08-21'));

    // the pack and the engine arrive: same input element (not remounted), the typed answer is answered
    view.rerender(app(answering));
    expect(view.container.querySelector('#f-renewal-today')).toBe(today);
    expect(today.value).toBe('2025-08-21');
    expect(view.container.querySelector('.outcome')!.textContent).toContain('续期申请期内');
    expect(view.container.querySelector('[data-output="daysLeft"]')!.textContent).toBe('10');
  });

  it('without anything in localStorage asks storage.local once, then remembers there is nothing to ask', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { kind: 'sanction', answers: { tier: 'general' } } });
    const view = render(app(answering));
    await waitFor(() => expect(screen.getByRole('tab', { name: '违纪违规可以怎样处理' }).getAttribute('aria-selected')).toBe('true'));
    expect(view.container.querySelector<HTMLSelectElement>('#f-sanction-tier')!.value).toBe('general');
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ kind: 'sanction', answers: { tier: 'general' } });
    cleanup();

    localStorage.clear();
    await fakeBrowser.storage.local.clear();
    render(app(null));
    await waitFor(() => expect(localStorage.getItem(KEY)).toBe('null'));
    // the first check, and no storage round trip the next time
    expect(screen.getAllByRole('tab')[0].getAttribute('aria-selected')).toBe('true');
  });

  it('speaks English from the first frame when the user chose English (the workbench’s language toggle)', () => {
    localStorage.setItem(KEY, JSON.stringify({ kind: 'renewal', answers: {} }));
    const view = render(app(null, 'en'));
    const renewal = BUNDLED_CHECK_FORMS.find((c) => c.kind === 'renewal')!;
    expect(screen.getByRole('tab', { name: renewal.title.en! }).getAttribute('aria-selected')).toBe('true');
    expect(view.container.querySelector('label[for="f-renewal-expiryDate"]')!.textContent).toContain(renewal.input.properties.expiryDate.title.en);
    view.rerender(app(answering, 'en'));
    expect(view.container.querySelector('.hint')!.textContent).toContain('Please fill in');
  });
});
