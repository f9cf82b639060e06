import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AutofillButton } from '../forms/ui/popup/AutofillButton';
import { BUNDLED_CHECK_FORMS, type CheckFormDef } from '../forms/ui/popup/check-forms';
import { saveLastCheck, type LastCheck } from '../forms/ui/popup/last-check';
import { PopupApp, type Answering } from '../forms/ui/popup/PopupApp';
import { takeOverShell } from '../forms/ui/fast/popup-static-shell';
import { currentLang } from '../shared/i18n';
import { fetchBundledPack, readInstalledHint } from '../shared/pack-startup';

// The popup's app, one classic script (a WXT unlisted script: Preact, the app and the check engine in
// one file, so it arrives in one request). The popup stays light (no RJSF, no ajv) and is usable in its
// first frame before this runs: popup.html holds the popup as static markup and popup-boot.js has shown
// the remembered check in it, then adds this script after that frame (forms/ui/fast/popup-static-shell.ts).
// This mounts the app over the same elements, taking over what was typed or pressed meanwhile; then the
// pack (fetched as data) and the check engine add the answers.
export default defineUnlistedScript(() => {
  const root = document.getElementById('app')!;
  const lang = currentLang();
  // defined once: a component made inside render would remount (and forget its fill report) on every keystroke
  const Autofill = () => <AutofillButton lang={lang} />;
  const pageUrl = (p: string) => browser.runtime.getURL(p as '/popup.html');
  // an installed pack may ask other questions: its own forms are shown once it is read
  const installed = readInstalledHint() === 'installed';
  const early: CheckFormDef[] | null = installed ? null : BUNDLED_CHECK_FORMS;
  // what the boot script showed, if it could (not when an installed pack may ask other questions)
  const shell = window.__formkitPopupShell ?? null;
  let initial: LastCheck | undefined;
  const show = (checks: CheckFormDef[] | null, answering: Answering | null, loadError?: string) =>
    render(
      <PopupApp checks={checks} answering={answering} lang={lang} pageUrl={pageUrl} Autofill={Autofill} loadError={loadError} initial={initial} />,
      root,
    );

  function mount(): void {
    const taken = shell ? takeOverShell(document, shell) : null;
    if (taken) {
      initial = { kind: taken.kind, answers: taken.answers };
      // chosen or typed in the static form before this ran: remembered now, so the app starts from it
      if (taken.changed) saveLastCheck(initial);
    }
    show(early, null);
    // a button pressed before the app's handlers were on it (Preact kept the element)
    if (taken?.pendingClick?.isConnected) taken.pendingClick.click();
  }

  let started = false;
  function loadAnswers(): void {
    if (started) return;
    started = true;
    const bundled = installed ? undefined : fetchBundledPack();
    bundled?.catch(() => undefined);
    import('../forms/ui/popup/answering')
      .then(async ({ loadActivePack, checkForms, CheckAnswer }) => {
        const { pack } = await loadActivePack(bundled);
        show(checkForms(pack), { pack, CheckAnswer });
      })
      .catch((e: unknown) => show(early, null, (e as Error).message));
  }
  // This script runs after the static first frame (popup-boot.js adds it then): mount at once. The pack is
  // requested once this render's frame is out (issuing the fetch costs the main thread time that frame
  // would otherwise wait for). A hidden page has no frames: the timer.
  mount();
  // the bench reports when the app took over the static first frame (bench/popup.ts)
  performance.mark('formkit:popup-mounted');
  requestAnimationFrame(() => setTimeout(loadAnswers));
  setTimeout(loadAnswers, 200);
});
