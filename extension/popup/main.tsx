import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';
import { PopupApp } from '../../forms/ui/popup/PopupApp';
import { s } from '../../forms/ui/popup/strings';
import '../../forms/ui/popup/popup.css';
import { loadActivePack } from '../../shared/active-pack';
import { currentLang } from '../../shared/i18n';

// The popup stays light: the pack is fetched as data (shared/active-pack), checks run on the small core
// (JSON Logic, no schema engine), and Preact renders — no RJSF, no ajv.
const root = document.getElementById('app')!;
const lang = currentLang();
// defined once: a component made inside render would remount (and forget its fill report) on every keystroke
const Autofill = () => <AutofillButton lang={lang} />;
const pageUrl = (p: string) => browser.runtime.getURL(p as '/popup.html');
// the shell (and the autofill button, which needs no pack) renders at once; the checks when the pack arrives
render(<PopupApp pack={null} lang={lang} pageUrl={pageUrl} Autofill={Autofill} />, root);
loadActivePack()
  .then(({ pack }) => render(<PopupApp pack={pack} lang={lang} pageUrl={pageUrl} Autofill={Autofill} />, root))
  .catch((e: unknown) => render(<PopupApp pack={null} lang={lang} pageUrl={pageUrl} Autofill={Autofill} loadError={(e as Error).message} />, root));
