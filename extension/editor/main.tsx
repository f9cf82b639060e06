import { render } from 'preact';
import { EditorApp } from '../../forms/ui/editor/EditorApp';
import { loadWorkingCopy } from '../../forms/ui/editor/editor-storage';
import { loadActivePack } from '../../shared/active-pack';
import { t } from '../../shared/i18n';
import '../../forms/ui/workbench/workbench.css';
import '../../forms/ui/editor/editor.css';

const root = document.getElementById('app')!;
Promise.all([loadActivePack(), loadWorkingCopy().catch(() => undefined)])
  .then(([active, workingCopy]) => render(<EditorApp active={active} workingCopy={workingCopy} />, root))
  .catch((e: unknown) => {
    const p = document.createElement('p');
    p.className = 'banner error';
    p.setAttribute('role', 'alert');
    p.textContent = `${t('loadFailed')}：${(e as Error).message}`;
    root.replaceChildren(p);
  });
