import { render } from 'preact';
import { preloadValidator } from '../../forms/ui/engine';
import { App } from '../../forms/ui/workbench/App';
import { parseRoute } from '../../forms/ui/workbench/route';
import { loadActivePack } from '../../shared/active-pack';
import { showLoadFailure } from '../../shared/page-load-failure';
import '../../forms/ui/workbench/workbench.css';

// User Timing marks, read by the benchmark to split the first render into its phases (bench/form.ts)
performance.mark('formkit:script');
const root = document.getElementById('app')!;
// A new document's validator (one small chunk) loads alongside the pack. The form waits for it at
// most 60 ms beyond the pack: until it arrives the interpreter answers (forms/ui/engine.ts), whose
// first use costs a 50-row document 30–50 ms more (issue 9).
const VALIDATOR_GRACE_MS = 60;
const route = parseRoute(location.hash);
const validator = route.name === 'new' ? preloadValidator(route.docId) : Promise.resolve();
loadActivePack()
  .then((active) => Promise.race([validator, new Promise((r) => setTimeout(r, VALIDATOR_GRACE_MS))]).then(() => active))
  .then((active) => {
    performance.mark('formkit:pack');
    render(<App active={active} />, root);
    performance.mark('formkit:rendered');
  })
  .catch((e: unknown) => showLoadFailure(root, e));
