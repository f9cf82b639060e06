/**
 * A reference list's standing, as the bureau must see it before publishing: official or a sample, where
 * it comes from (a national document, confirmed or not, or our own form design) and its date.
 * The fields are the pack's (`status`, `source`, `date` of reference/*.json).
 */
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

interface ReferenceMeta {
  status?: unknown;
  source?: { type?: unknown; document?: unknown; confirmed?: unknown } | null;
  date?: unknown;
}

export function ReferenceStatus({ meta, lang }: { meta: ReferenceMeta | undefined; lang: Lang }) {
  const status = meta?.status === 'official' ? 'official' : meta?.status === 'sample' ? 'sample' : 'unknown';
  const src = meta?.source ?? undefined;
  const kind = src?.type === 'notice' ? textIn({ zh: '通知', en: 'notice' }, lang) : src?.type === 'national' ? textIn({ zh: '国家规定', en: 'national' }, lang) : src?.type === 'form-design' ? textIn({ zh: '表单要求', en: 'form requirement' }, lang) : '';
  const doc = typeof src?.document === 'string' ? src.document : '';
  const confirmed = src?.type === 'national' ? (src.confirmed === true ? textIn({ zh: '已核实', en: 'confirmed' }, lang) : textIn({ zh: '未核实', en: 'unconfirmed' }, lang)) : '';
  return (
    <p class={`reference-status ${status}`} data-status={status} role="note">
      <span class={`status-badge ${status}`}>
        {status === 'official' ? textIn({ zh: '官方数据', en: 'Official' }, lang) : status === 'sample' ? textIn({ zh: '示例数据，非官方', en: 'Sample, not official' }, lang) : textIn({ zh: '未标明状态', en: 'Status not stated' }, lang)}
      </span>
      <span class="status-source">
        {textIn({ zh: '来源：', en: 'Source: ' }, lang)}
        {[kind, doc, confirmed].filter(Boolean).join(' · ') || textIn({ zh: '未标明', en: 'not stated' }, lang)}
      </span>
      <span class="status-date">
        {textIn({ zh: '日期：', en: 'Date: ' }, lang)}
        {typeof meta?.date === 'string' ? meta.date : textIn({ zh: '未标明', en: 'not stated' }, lang)}
      </span>
    </p>
  );
}
