import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../core/i18n/lang';
import { onExtChanged } from '../../../shared/storage/extension-store';
import { BUREAU_MODE_KEY, loadBureauMode } from './editor-storage';
import { textIn } from '../../core/i18n/text';

/** Workbench top-bar links: pack install & settings for everyone, the pack editor in bureau mode. */
export function EditorLink({ lang }: { lang: Lang }) {
  const [bureau, setBureau] = useState(false);
  useEffect(() => {
    loadBureauMode().then(setBureau, () => setBureau(false));
    try {
      // settings live in the extension store, which announces its changes
      return onExtChanged((keys) => {
        if (keys.includes(BUREAU_MODE_KEY)) loadBureauMode().then(setBureau, () => setBureau(false));
      });
    } catch {
      return undefined;
    }
  }, []);
  return (
    <>
      <a href="/editor.html#/install">{textIn({ zh: '文书包与设置', en: 'Pack & settings' }, lang)}</a>
      {bureau && (
        <a href="/editor.html#/fields" data-testid="editor-link">
          {textIn({ zh: '编辑文书包', en: 'Edit pack' }, lang)}
        </a>
      )}
    </>
  );
}
