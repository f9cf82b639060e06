import { render } from 'preact';
import { App } from '../../forms/ui/workbench/App';
import { loadActivePack } from '../../shared/active-pack';
import { showLoadFailure } from '../../shared/page-load-failure';
import '../../forms/ui/workbench/workbench.css';

const root = document.getElementById('app')!;
loadActivePack()
  .then((active) => render(<App active={active} />, root))
  .catch((e: unknown) => showLoadFailure(root, e));
