import { t } from '../../../shared/i18n';
import type { Lang } from '../../core/i18n/lang';

/** How a table names its rows and cells, for screen readers and row buttons (live rows and static-row.ts alike). */
export const rowLabel = (index: number, lang: Lang): string => `${t('row', lang)} ${index + 1}${t('rowSuffix', lang)}`;

/** A cell has no visible label: it is named by its column and row, e.g. 「工种（第 3 行）」. */
export const cellLabel = (columnTitle: string, index: number, lang: Lang): string => `${columnTitle}（${rowLabel(index, lang)}）`;

/** A row as its buttons name it, e.g. 「上移：申报职业（工种）及等级 第 3 行」. */
export const rowName = (listTitle: string, index: number, lang: Lang): string => `${listTitle} ${rowLabel(index, lang)}`;
