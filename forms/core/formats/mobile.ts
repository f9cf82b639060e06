/** 中国大陆手机号码: 11 digits starting 1[3-9]. */
export type MobileProblem = 'format';
export const normalizeMobile = (raw: string): string => raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
export const mobileProblem = (s: string): MobileProblem | null => (/^1[3-9]\d{9}$/.test(s) ? null : 'format');
