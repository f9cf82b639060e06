/**
 * The popup's static first frame (forms/ui/fast/popup-static-shell.ts), rendered at build time from the
 * popup's own components so the markup is exactly what the app renders over it: one template per
 * language × check, each the whole popup with that check chosen, no answers, and the answer area
 * waiting for the pack. Written to generated/popup-shell.json; wxt.config.ts puts it into popup.html.
 */
import { renderToString } from 'preact-render-to-string';
import type { Lang } from '../core/i18n/lang';
import { AutofillButton } from '../ui/popup/AutofillButton';
import type { CheckFormDef } from '../ui/popup/check-forms';
import { PopupApp } from '../ui/popup/PopupApp';
import { SHELLS_ID, shellTemplateId } from '../ui/fast/popup-static-shell';

const LANGS: Lang[] = ['zh', 'en'];

/** One shell: the popup with `kind` chosen, as the app's first render draws it. */
export function renderShell(checks: CheckFormDef[], lang: Lang, kind: string): string {
  const Autofill = () => <AutofillButton lang={lang} />;
  return renderToString(
    <PopupApp checks={checks} answering={null} lang={lang} pageUrl={(p) => p} Autofill={Autofill} initial={{ kind, answers: {} }} />,
  );
}

export interface PopupShell {
  /** what #app holds in popup.html: the first check in Chinese (shown as is if the boot script cannot run) */
  app: string;
  /** the templates the boot script chooses from, in a hidden container after #app */
  shells: string;
}

export function popupShell(checks: CheckFormDef[]): PopupShell {
  // in the checks' order (packChecks sorts them): the first is the app's default, as in PopupApp
  const templates = LANGS.flatMap((lang) =>
    checks.map((c) => `<template id="${shellTemplateId(lang, c.kind)}">${renderShell(checks, lang, c.kind)}</template>`),
  );
  return {
    app: checks[0] ? renderShell(checks, 'zh', checks[0].kind) : '',
    shells: `<div id="${SHELLS_ID}" hidden>${templates.join('')}</div>`,
  };
}
