import { useState } from 'preact/hooks';
import type { Conflict } from '../../core/drafts/autosave';
import { type Lang } from '../../../shared/i18n';
import { t } from './strings';

type Leaf = [path: string, value: unknown];

function leaves(value: unknown, path = ''): Leaf[] {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) return [[path || '/', value]];
    return entries.flatMap(([k, v]) => leaves(v, `${path}/${k}`));
  }
  return [[path || '/', value]];
}

/** The fields where the two versions differ, as rows [path, mine, theirs]. */
export function differences(mine: unknown, theirs: unknown): [string, unknown, unknown][] {
  const a = new Map(leaves(mine));
  const b = new Map(leaves(theirs));
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p))).map((p) => [p, a.get(p), b.get(p)]);
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Keep mine / take theirs / see both — shown when this tab's write met a newer revision. */
export function ConflictDialog(props: { conflict: Conflict; lang: Lang; onKeepMine(): void; onTakeTheirs(): void; labelOf?: (path: string) => string }) {
  const { conflict, lang } = props;
  const [both, setBoth] = useState(false);
  const diff = both ? differences(conflict.mine, conflict.theirs.data) : [];
  return (
    <div class="drafts-modal-backdrop">
      <div class="drafts-modal" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">{t('conflictTitle', lang)}</h2>
        <p>{t('conflictHint', lang)}</p>
        {both && (
          <table class="conflict-diff">
            <thead>
              <tr>
                <th>{t('field', lang)}</th>
                <th>{t('mine', lang)}</th>
                <th>{t('theirs', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {diff.length === 0 && (
                <tr>
                  <td colSpan={3}>{t('noDifferences', lang)}</td>
                </tr>
              )}
              {diff.map(([path, a, b]) => (
                <tr key={path}>
                  <td title={path}>{props.labelOf ? props.labelOf(path) : <span class="mono">{path}</span>}</td>
                  <td>{show(a)}</td>
                  <td>{show(b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div class="drafts-actions">
          <button type="button" class="btn primary" onClick={props.onKeepMine}>
            {t('keepMine', lang)}
          </button>
          <button type="button" class="btn" onClick={props.onTakeTheirs}>
            {t('takeTheirs', lang)}
          </button>
          {!both && (
            <button type="button" class="btn" onClick={() => setBoth(true)}>
              {t('seeBoth', lang)}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
