import { render } from 'preact';
import { App } from '../../forms/ui/workbench/App';
import { loadActivePack } from '../../shared/active-pack';
import { t } from '../../shared/i18n';
import '../../forms/ui/workbench/workbench.css';

const root = document.getElementById('app')!;
loadActivePack()
  .then((active) => render(<App active={active} />, root))
  .catch((e: unknown) => {
    const p = document.createElement('p');
    p.className = 'banner error';
    p.setAttribute('role', 'alert');
    p.textContent = `${t('loadFailed')}：${(e as Error).message}`;
    root.replaceChildren(p);
  });
