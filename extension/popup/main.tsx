import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';
import { BUNDLED_CHECK_FORMS, type CheckFormDef } from '../../forms/ui/popup/check-forms';
import { PopupApp, type Answering } from '../../forms/ui/popup/PopupApp';
import '../../forms/ui/popup/popup.css';
import { currentLang } from '../../shared/i18n';
import { fetchBundledPack, readInstalledHint } from '../../shared/pack-startup';

// The popup stays light (no RJSF, no ajv) and is usable in its first frame: this script draws the shell,
// the autofill button and the remembered check's form from the bundled forms, with nothing awaited,
// while the pack (fetched as data) and the check engine (JSON Logic, a separate chunk) load in
// parallel and then add the answers. Typing meanwhile is kept: the answers are computed from it.
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

// requested before the first render so they are on their way while it runs (measured: answers ~20 ms
// sooner than starting them after the first frame, the first frame no later)
const bundled = installed ? undefined : fetchBundledPack();
bundled?.catch(() => undefined);
const answering = import('../../forms/ui/popup/answering');
show(early, null);
answering
  .then(async ({ loadActivePack, packChecks, CheckAnswer }) => {
    const { pack } = await loadActivePack(bundled);
    show(packChecks(pack), { pack, CheckAnswer });
  })
  .catch((e: unknown) => show(early, null, (e as Error).message));
