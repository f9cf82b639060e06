import { t } from '../../../shared/i18n';
import type { Lang } from '../../core/i18n/lang';

/** How a table names its rows and cells, for screen readers and row buttons. */
export const rowLabel = (index: number, lang: Lang): string => `${t('row', lang)} ${index + 1}${t('rowSuffix', lang)}`;

/** A cell has no visible label: it is named by its column and row, e.g. 「工种（第 3 行）」. */
export const cellLabel = (columnTitle: string, index: number, lang: Lang): string => `${columnTitle}（${rowLabel(index, lang)}）`;

/** A row as its buttons name it, e.g. 「上移：申报职业（工种）及等级 第 3 行」. */
export const rowName = (listTitle: string, index: number, lang: Lang): string => `${listTitle} ${rowLabel(index, lang)}`;

/** A list's title without the article it cites: 「考评人员（三（二）2）」 → 「考评人员」. */
export const listName = (title: string): string => title.replace(/[（(][一二三四五六七八九十]+[（(][一二三四五六七八九十]+[）)]\d*[）)]$/, '').trim() || title;

/** The add button of a list, named by the list: 「添加考评人员」 (seven lists must not all say 添加一项). */
export const addLabel = (listTitle: string, lang: Lang): string =>
  listTitle ? t('addTo', lang, { list: listName(listTitle) }) : t('addItem', lang);
