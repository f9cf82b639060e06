/**
 * A reference list's standing, as the bureau must see it before publishing: official or a sample, where
 * it comes from (a national document, confirmed or not, or our own form design) and its date.
 * The fields are the pack's (`status`, `source`, `date` of reference/*.json).
 */
import type { Lang } from '../../core/i18n/lang';
import { pick } from './lang';

interface ReferenceMeta {
  status?: unknown;
  source?: { type?: unknown; document?: unknown; confirmed?: unknown } | null;
  date?: unknown;
}

export function ReferenceStatus({ meta, lang }: { meta: ReferenceMeta | undefined; lang: Lang }) {
  const status = meta?.status === 'official' ? 'official' : meta?.status === 'sample' ? 'sample' : 'unknown';
  const src = meta?.source ?? undefined;
  const kind = src?.type === 'notice' ? pick(lang, '通知', 'notice') : src?.type === 'national' ? pick(lang, '国家规定', 'national') : src?.type === 'form-design' ? pick(lang, '表单要求', 'form requirement') : '';
  const doc = typeof src?.document === 'string' ? src.document : '';
  const confirmed = src?.type === 'national' ? (src.confirmed === true ? pick(lang, '已核实', 'confirmed') : pick(lang, '未核实', 'unconfirmed')) : '';
  return (
    <p class={`reference-status ${status}`} data-status={status} role="note">
      <span class={`status-badge ${status}`}>
        {status === 'official' ? pick(lang, '官方数据', 'Official') : status === 'sample' ? pick(lang, '示例数据，非官方', 'Sample, not official') : pick(lang, '未标明状态', 'Status not stated')}
      </span>
      <span class="status-source">
        {pick(lang, '来源：', 'Source: ')}
        {[kind, doc, confirmed].filter(Boolean).join(' · ') || pick(lang, '未标明', 'not stated')}
      </span>
      <span class="status-date">
        {pick(lang, '日期：', 'Date: ')}
        {typeof meta?.date === 'string' ? meta.date : pick(lang, '未标明', 'not stated')}
      </span>
    </p>
  );
}
