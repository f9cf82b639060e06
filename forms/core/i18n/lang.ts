/** The languages the kit speaks: Chinese (the notice's language, and the default) and English. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

export const isLang = (v: unknown): v is Lang => v === 'zh' || v === 'en';
