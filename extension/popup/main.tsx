import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';
import { BUNDLED_CHECK_FORMS, type CheckFormDef } from '../../forms/ui/popup/check-forms';
import { PopupApp, type Answering } from '../../forms/ui/popup/PopupApp';
import '../../forms/ui/popup/popup.css';
import { currentLang } from '../../shared/i18n';
import { fetchBundledPack, readInstalledHint } from '../../shared/pack-startup';

// The popup stays light (no RJSF, no ajv) and is usable in its first frame: this script draws the shell,
// the autofill button and the remembered check's form from the bundled forms, with nothing awaited;
// then the pack (fetched as data) and the check engine (JSON Logic, a separate chunk) load in parallel
// and add the answers. Typing meanwhile is kept: the answers are computed from it.
const root = document.getElementById('app')!;
const lang = currentLang();
// defined once: a component made inside render would remount (and forget its fill report) on every keystroke
const Autofill = () => <AutofillButton lang={lang} />;
const pageUrl = (p: string) => browser.runtime.getURL(p as '/popup.html');
// an installed pack may ask other questions: its own forms are shown once it is read
const installed = readInstalledHint() === 'installed';
const early: CheckFormDef[] | null = installed ? null : BUNDLED_CHECK_FORMS;
const show = (checks: CheckFormDef[] | null, answering: Answering | null, loadError?: string) =>
  render(<PopupApp checks={checks} answering={answering} lang={lang} pageUrl={pageUrl} Autofill={Autofill} loadError={loadError} />, root);

show(early, null);

let started = false;
function loadAnswers(): void {
  if (started) return;
  started = true;
  const bundled = installed ? undefined : fetchBundledPack();
  bundled?.catch(() => undefined);
  import('../../forms/ui/popup/answering')
    .then(async ({ loadActivePack, packChecks, CheckAnswer }) => {
      const { pack } = await loadActivePack(bundled);
      show(packChecks(pack), { pack, CheckAnswer });
    })
    .catch((e: unknown) => show(early, null, (e as Error).message));
}
// requested once the first frame is out: issuing them (the fetch, the chunks' preload links) costs the
// main thread ~10 ms that the first frame would otherwise wait for (measured: form ~10 ms sooner, answers
// ~15 ms later than requesting them before the render). A hidden page has no frames: the timer.
requestAnimationFrame(() => setTimeout(loadAnswers));
setTimeout(loadAnswers, 200);
