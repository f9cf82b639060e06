/**
 * What changed between two revisions of a draft, named as the form names its fields
 * (「机构基本信息·机构名称」, 「考评人员第2行·姓名」), and revisions grouped into working sessions —
 * so a history of 86 saves reads as a few sittings, each saying what it changed.
 */
import type { Revision } from '../../core/drafts/types';
import type { JsonSchema } from '../../core/pack/types';
import { escapeSegment } from '../../core/schema/json-pointer';
import { fieldLabel } from '../../core/validation/messages';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

export interface FieldChange {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
}

/** Every scalar of a value by its JSON pointer (an empty list or object, and an unticked box, count as nothing). */
function leaves(v: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${at}/${i}`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, `${at}/${escapeSegment(k)}`, out);
  else if (v !== undefined && v !== null && v !== '' && v !== false) out.set(at, v);
  return out;
}

export function diffData(schema: JsonSchema, before: unknown, after: unknown, lang: Lang): FieldChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: FieldChange[] = [];
  const label = (path: string) => {
    try {
      return fieldLabel(schema, path, lang);
    } catch {
      return path; // a field the schema no longer has (older data): its pointer names it
    }
  };
  for (const [path, v] of b) {
    if (!a.has(path)) out.push({ path, label: label(path), kind: 'added' });
    else if (a.get(path) !== v) out.push({ path, label: label(path), kind: 'changed' });
  }
  for (const path of a.keys()) if (!b.has(path)) out.push({ path, label: label(path), kind: 'removed' });
  return out;
}

/** The changed fields as one line, each field once and a list's rows by row: 「机构名称、考评人员第1行 等 5 项」. */
export function changeSummary(changes: FieldChange[], lang: Lang, max = 4): string {
  const byRow = (label: string) => label.replace(/(第\d+行|row \d+) · .*$|(第\d+行)·.*$/, '$1$2');
  const labels = [...new Set(changes.map((c) => byRow(c.label)))];
  if (!labels.length) return textIn({ zh: '无内容变化', en: 'no change in content' }, lang);
  const shown = labels.slice(0, max).join(lang === 'zh' ? '、' : ', ');
  if (labels.length <= max) return shown;
  return textIn({ zh: `${shown} 等 ${labels.length} 项`, en: `${shown} and ${labels.length - max} more` }, lang);
}

/** A pause longer than this between two saves starts a new session. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

/** Revisions (newest first) cut into sessions (newest first), each its revisions newest first. */
export function groupSessions(revisions: readonly Revision[], gapMs = SESSION_GAP_MS): Revision[][] {
  const sorted = [...revisions].sort((x, y) => y.revision - x.revision);
  const sessions: Revision[][] = [];
  let last: number | null = null;
  for (const r of sorted) {
    const t = Date.parse(r.at);
    if (last === null || !Number.isFinite(t) || last - t > gapMs) sessions.push([r]);
    else sessions[sessions.length - 1].push(r);
    last = Number.isFinite(t) ? t : last;
  }
  return sessions;
}
