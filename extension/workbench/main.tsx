// first, so the page's own stylesheets (drafts, print) come after the shared one and win ties
import '../../forms/ui/workbench/workbench.css';
import { render } from 'preact';
import { prefetchDraft } from '../../forms/ui/drafts/drafts-env';
import { preloadValidator } from '../../forms/ui/engine';
import { App } from '../../forms/ui/workbench/App';
import { parseRoute } from '../../forms/ui/workbench/route';
import { loadActivePack } from '../../shared/active-pack';
import { showLoadFailure } from '../../shared/page-load-failure';

// User Timing marks, read by the benchmark to split the first render into its phases (bench/form.ts)
performance.mark('formkit:script');
const root = document.getElementById('app')!;
// A new document's validator (one small chunk) starts loading alongside the pack. The form does not
// wait for it: its first render draws without validating, and the first validation waits for the
// validator after that frame (forms/ui/document/DocumentForm.tsx).
const route = parseRoute(location.hash);
if (route.name === 'new') void preloadValidator(route.docId);
// A stored draft is read alongside the pack too (forms/ui/drafts/drafts-env.ts: prefetchDraft).
if (route.name === 'draft') prefetchDraft(route.draftId);
loadActivePack()
  .then((active) => {
    performance.mark('formkit:pack');
    render(<App active={active} />, root);
    performance.mark('formkit:rendered');
  })
  .catch((e: unknown) => showLoadFailure(root, e));
