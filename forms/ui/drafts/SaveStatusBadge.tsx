import type { AutosaveState } from '../../core/drafts/autosave';
import { type Lang } from '../../../shared/i18n';
import { t } from './strings';

const LABEL = { saved: 'saveSaved', saving: 'saveSaving', failed: 'saveFailed', conflict: 'saveConflict' } as const;

/** 已保存 / 保存中 / 保存失败 — always visible beside the form; a live region so screen readers hear it. */
export function SaveStatusBadge({ state, lang }: { state: AutosaveState; lang: Lang }) {
  return (
    <span class={`save-status save-${state.status}`} role="status" aria-live="polite" data-status={state.status} data-revision={state.revision} title={state.fault?.[lang]}>
      {t(LABEL[state.status], lang)}
    </span>
  );
}
