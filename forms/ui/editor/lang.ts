import type { Lang } from '../../core/i18n/lang';

/**
 * The editor's texts are written in place, in both languages, because most are sentences tied to one
 * control; the page language is the workbench's choice (shared/i18n currentLang).
 */
export const pick = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

export const problemText = (lang: Lang, p: { zh: string; en: string }): string => (lang === 'zh' ? p.zh : p.en);
