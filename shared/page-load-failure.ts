import { t } from './i18n';

/** What an extension page shows when it cannot start (e.g. the pack would not load): the reason, in place of the app. */
export function showLoadFailure(root: HTMLElement, e: unknown): void {
  const p = document.createElement('p');
  p.className = 'banner error';
  p.setAttribute('role', 'alert');
  p.textContent = `${t('loadFailed')}：${e instanceof Error ? e.message : String(e)}`;
  root.replaceChildren(p);
}
