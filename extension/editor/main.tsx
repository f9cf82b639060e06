import { render } from 'preact';
import { EditorApp } from '../../forms/ui/editor/EditorApp';
import { loadLastPublished, loadWorkingCopy } from '../../forms/ui/editor/editor-storage';
import { loadActivePack } from '../../shared/active-pack';
import { showLoadFailure } from '../../shared/page-load-failure';
import '../../forms/ui/editor/editor.css';

const root = document.getElementById('app')!;
Promise.all([loadActivePack(), loadWorkingCopy().catch(() => undefined), loadLastPublished().catch(() => undefined)])
  .then(([active, workingCopy, lastPublished]) => render(<EditorApp active={active} workingCopy={workingCopy} lastPublished={lastPublished} />, root))
  .catch((e: unknown) => showLoadFailure(root, e));
