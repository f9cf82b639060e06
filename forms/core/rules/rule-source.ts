import type { Localized, Pack } from '../pack/types';

/**
 * Where an obligation comes from, typed so the user can tell policy from our own form choices:
 * - `notice`: an article of a source document in the pack (沪人社职〔2024〕120号), by article id;
 * - `national`: a national document (人社部发〔2022〕14号, the 2023 规程 …), with whether its wording was
 *   checked against the original (`confirmed`);
 * - `form-design`: a choice this form kit makes (shown as 表单要求), never presented as policy.
 */
export type RuleSource =
  | { type: 'notice'; article: string; source?: string }
  | { type: 'national'; document: string; confirmed: boolean; article?: string }
  | { type: 'form-design'; note?: Localized };

export type SourceType = RuleSource['type'];

/** What a finding shows beside its citation (the badge). */
export interface SourceBadge {
  type: SourceType;
  /** national sources: false while the wording is not checked against the original */
  confirmed?: boolean;
  /** national sources: the document's name */
  document?: string;
  /** the badge text in the reader's language: 通知 / 国家规定（待核实） / 表单要求 */
  label: string;
}

const LABELS = {
  notice: { zh: '通知', en: 'Notice' },
  national: { zh: '国家规定', en: 'National rule' },
  unconfirmed: { zh: '国家规定（措辞待核实）', en: 'National rule (wording unconfirmed)' },
  'form-design': { zh: '表单要求', en: 'Form requirement' },
} as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a rule's or a reference list's `source` is not a typed source, or null when it is one. */
export function sourceProblem(pack: Pack, source: unknown, citationSource?: string): { zh: string; en: string } | null {
  if (!isObj(source)) return { zh: '缺少依据类型 source（notice、national 或 form-design）', en: 'missing typed source (notice, national or form-design)' };
  if (source.type === 'notice') {
    const src = typeof source.source === 'string' ? source.source : (citationSource ?? Object.keys(pack.sources)[0]);
    const ok = typeof source.article === 'string' && !!pack.sources[src]?.articles.some((a) => a.id === source.article);
    return ok ? null : { zh: `依据条文 ${String(source.article)} 在来源文件中不存在`, en: `source article ${String(source.article)} does not resolve` };
  }
  if (source.type === 'national') {
    return typeof source.document === 'string' && source.document && typeof source.confirmed === 'boolean'
      ? null
      : { zh: '国家依据须写明 document（文件名称或文号）和 confirmed（是否已核对原文）', en: 'a national source needs document and confirmed (true|false)' };
  }
  if (source.type === 'form-design') return null;
  return { zh: `未知的依据类型 ${JSON.stringify(source.type)}（可选 notice、national、form-design）`, en: `unknown source type ${JSON.stringify(source.type)} (notice, national, form-design)` };
}

/** The badge of a rule's source; a rule without a typed source is shown as the notice article it cites. */
export function sourceBadge(source: unknown, lang: 'zh' | 'en' = 'zh'): SourceBadge {
  if (isObj(source) && source.type === 'national') {
    const confirmed = source.confirmed === true;
    return { type: 'national', confirmed, document: typeof source.document === 'string' ? source.document : undefined, label: LABELS[confirmed ? 'national' : 'unconfirmed'][lang] };
  }
  if (isObj(source) && source.type === 'form-design') return { type: 'form-design', label: LABELS['form-design'][lang] };
  return { type: 'notice', label: LABELS.notice[lang] };
}

/**
 * The label a finding's citation shows: the notice article (三（四）3), or for a national source the document
 * itself (《国家职业标准编制技术规程（2023年版）》) — the notice article only points to it.
 */
export function citationLabel(source: unknown, articleLabel: string): string {
  if (isObj(source) && source.type === 'national' && typeof source.document === 'string') return `《${source.document}》`;
  return articleLabel;
}
