/**
 * What changed between two pack versions, in words a bureau reviewer and an institution understand:
 * documents, fields by title, rules by id and message, reference data by entry — not JSON paths alone.
 */
import { canonicalJson } from '../pack/pack-hash';
import type { Localized, Pack } from '../pack/types';
import { allRules } from '../rules/pack-rules';
import type { Rule } from '../rules/types';
import { schemaFields, type FieldSummary } from './schema-fields';
import { defineStrings, textIn } from '../i18n/text';

/** The words of a diff's text. */
const diffWords = defineStrings({
  changeNotes: { zh: '变更说明', en: 'Change notes' },
  noChanges: { zh: '内容无变化', en: 'No content changes' },
  document: { zh: '文书', en: 'document' },
  rule: { zh: '规则', en: 'rule' },
  reference: { zh: '参考数据', en: 'reference' },
  parameter: { zh: '参数', en: 'parameter' },
  source: { zh: '来源文件', en: 'source' },
  detailSep: { zh: '；', en: '; ' },
  removedValue: { zh: '{title}（{value}）', en: '{title} (was {value})' },
});

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  kind: ChangeKind;
  pointer: string;
  title: string;
  /** for `changed`: what changed, e.g. `required: no → yes`, `pattern` */
  details: string[];
  /** the same in Chinese: `必填：否 → 是` */
  detailsZh: string[];
}
export interface ParameterChange {
  kind: ChangeKind;
  name: string;
  title: Localized;
  before?: unknown;
  after?: unknown;
  unit?: Localized;
}
export interface SourceChange {
  kind: ChangeKind;
  id: string;
  /** 文号 and title, e.g. 沪人社职〔2025〕8号 … */
  label: string;
  articles: number;
}
export interface DocumentChange {
  kind: ChangeKind;
  docId: string;
  title: string;
  fields: FieldChange[];
}
export interface RuleChange {
  kind: ChangeKind;
  id: string;
  message: string;
  details: string[];
}
export interface ReferenceChange {
  kind: ChangeKind;
  file: string;
  added: string[];
  removed: string[];
  changed: string[];
}
export interface PackDiff {
  from: { id: string; version: string; effective: string };
  to: { id: string; version: string; effective: string; changeNotes?: Localized };
  documents: DocumentChange[];
  rules: RuleChange[];
  reference: ReferenceChange[];
  /** shared parameters by title: 续期申请期限 3 → 6 个月 */
  parameters: ParameterChange[];
  /** source documents (a new notice) */
  sources: SourceChange[];
  /** other files (portal maps, migrations, translations) that changed */
  files: { kind: ChangeKind; file: string }[];
  empty: boolean;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : canonicalJson(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const KEYWORD_ZH: Record<string, string> = {
  type: '类型', format: '格式', pattern: '正则表达式', enum: '选项', const: '固定值', minimum: '最小值', maximum: '最大值',
  minLength: '最少字数', maxLength: '最多字数', minItems: '最少条数', maxItems: '最多条数', uniqueItems: '不得重复', $ref: '公共定义',
};
const shiNo = (b: boolean) => (b ? '是' : '否');

function fieldDetails(a: FieldSummary, b: FieldSummary): { en: string[]; zh: string[] } {
  const en: string[] = [];
  const zh: string[] = [];
  if (a.title !== b.title) {
    en.push(`title: ${a.title} → ${b.title}`);
    zh.push(`标题：${a.title} → ${b.title}`);
  }
  if (a.required !== b.required) {
    en.push(`required: ${yesNo(a.required)} → ${yesNo(b.required)}`);
    zh.push(`必填：${shiNo(a.required)} → ${shiNo(b.required)}`);
  }
  if (a.conditional !== b.conditional) {
    en.push(`conditional: ${yesNo(a.conditional)} → ${yesNo(b.conditional)}`);
    zh.push(`按条件显示：${shiNo(a.conditional)} → ${shiNo(b.conditional)}`);
  }
  const keys = new Set([...Object.keys(a.rules), ...Object.keys(b.rules)]);
  for (const k of keys) {
    if (same(a.rules[k], b.rules[k])) continue;
    const change = `${a.rules[k] === undefined ? '—' : short(a.rules[k])} → ${b.rules[k] === undefined ? '—' : short(b.rules[k])}`;
    en.push(`${k}: ${change}`);
    zh.push(`${KEYWORD_ZH[k] ?? k}：${change}`);
  }
  return { en, zh };
}

type ParamEntry = { value?: unknown; description?: Localized; unit?: Localized };
const paramsOf = (p: Pack) => ((p.sourceFiles ?? p.files)['rules/parameters.json'] as { parameters?: Record<string, ParamEntry> } | undefined)?.parameters ?? {};

function diffParameters(a: Pack, b: Pack): ParameterChange[] {
  const pa = paramsOf(a);
  const pb = paramsOf(b);
  const out: ParameterChange[] = [];
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const x = pa[name];
    const y = pb[name];
    const entry = y ?? x;
    const base = { name, title: entry.description ?? { zh: name, en: name }, ...(entry.unit ? { unit: entry.unit } : {}) };
    if (!x) out.push({ kind: 'added', ...base, after: y.value });
    else if (!y) out.push({ kind: 'removed', ...base, before: x.value });
    else if (!same(x.value, y.value)) out.push({ kind: 'changed', ...base, before: x.value, after: y.value });
  }
  return out;
}

function diffSources(a: Pack, b: Pack): SourceChange[] {
  const out: SourceChange[] = [];
  for (const id of new Set([...Object.keys(a.sources), ...Object.keys(b.sources)])) {
    const x = a.sources[id];
    const y = b.sources[id];
    const doc = (y ?? x).document;
    const base = { id, label: [doc.number, doc.title].filter(Boolean).join(' '), articles: (y ?? x).articles.length };
    if (!x) out.push({ kind: 'added', ...base });
    else if (!y) out.push({ kind: 'removed', ...base });
    else if (!same(x, y)) out.push({ kind: 'changed', ...base });
  }
  return out;
}

/** A parameter change as a reviewer reads it: 续期申请期限 3 → 6 个月. */
export function parameterChangeText(c: ParameterChange, lang: 'zh' | 'en'): string {
  const v = (x: unknown) => (x === undefined ? '—' : typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? String(x) : short(x));
  const title = textIn(c.title, lang);
  const unit = textIn(c.unit, lang);
  const u = unit ? ` ${unit}` : '';
  if (c.kind === 'added') return `${title} ${v(c.after)}${u}`;
  if (c.kind === 'removed') return diffWords('removedValue', lang, { title, value: `${v(c.before)}${u}` });
  return `${title} ${v(c.before)} → ${v(c.after)}${u}`;
}

function diffDocuments(a: Pack, b: Pack): DocumentChange[] {
  const out: DocumentChange[] = [];
  const ids = [...new Set([...a.manifest.documents, ...b.manifest.documents])];
  for (const id of ids) {
    const da = a.documents[id];
    const db = b.documents[id];
    const title = String((db ?? da).schema.title ?? id);
    if (!da || !db) {
      out.push({ kind: da ? 'removed' : 'added', docId: id, title, fields: [] });
      continue;
    }
    const fa = new Map(schemaFields(da.schema, a.definitions).map((f) => [f.pointer, f]));
    const fb = new Map(schemaFields(db.schema, b.definitions).map((f) => [f.pointer, f]));
    const fields: FieldChange[] = [];
    for (const [p, f] of fb) {
      const old = fa.get(p);
      if (!old) fields.push({ kind: 'added', pointer: p, title: f.title, details: f.required ? ['required: yes'] : [], detailsZh: f.required ? ['必填'] : [] });
      else {
        const details = fieldDetails(old, f);
        if (details.en.length) fields.push({ kind: 'changed', pointer: p, title: f.title, details: details.en, detailsZh: details.zh });
      }
    }
    for (const [p, f] of fa) if (!fb.has(p)) fields.push({ kind: 'removed', pointer: p, title: f.title, details: [], detailsZh: [] });
    const uiChanged = !same(da.ui, db.ui);
    if (fields.length || uiChanged || !same(da.schema, db.schema)) {
      out.push({ kind: 'changed', docId: id, title, fields });
    }
  }
  return out;
}

function ruleDetails(a: Rule, b: Rule): string[] {
  const out: string[] = [];
  for (const k of ['citation', 'severity', 'effective', 'documents', 'params', 'forEach', 'let', 'when', 'assert', 'paths', 'message', 'cases'] as const) {
    if (!same(a[k], b[k])) out.push(k === 'message' ? `message: ${a.message?.zh} → ${b.message?.zh}` : k === 'severity' ? `severity: ${a.severity} → ${b.severity}` : k);
  }
  return out;
}

function diffRules(a: Pack, b: Pack): RuleChange[] {
  const ra = new Map(allRules(a).map(({ rule }) => [rule.id, rule]));
  const rb = new Map(allRules(b).map(({ rule }) => [rule.id, rule]));
  const out: RuleChange[] = [];
  for (const [id, r] of rb) {
    const old = ra.get(id);
    if (!old) out.push({ kind: 'added', id, message: r.message?.zh ?? '', details: [] });
    else {
      const details = ruleDetails(old, r);
      if (details.length) out.push({ kind: 'changed', id, message: r.message?.zh ?? '', details });
    }
  }
  for (const [id, r] of ra) if (!rb.has(id)) out.push({ kind: 'removed', id, message: r.message?.zh ?? '', details: [] });
  return out;
}

/** The first array in a reference file is its list; entries are keyed by code, id or name. */
function entries(file: unknown): Map<string, unknown> | null {
  if (!file || typeof file !== 'object') return null;
  const list = Object.values(file as Record<string, unknown>).find(Array.isArray) as unknown[] | undefined;
  if (!list) return null;
  const label = (e: unknown, i: number): string => {
    if (e && typeof e === 'object' && !Array.isArray(e)) {
      const o = e as Record<string, unknown>;
      const key = o.code ?? o.id ?? o.name;
      if (key !== undefined) return o.name && o.name !== key ? `${String(key)} ${String(o.name)}` : String(key);
    }
    return Array.isArray(e) ? e.map(String).join(' / ') : typeof e === 'string' ? e : `#${i + 1}`;
  };
  return new Map(list.map((e, i) => [label(e, i), e]));
}

function diffReference(a: Pack, b: Pack): ReferenceChange[] {
  const out: ReferenceChange[] = [];
  const names = [...new Set([...Object.keys(a.reference), ...Object.keys(b.reference)])];
  for (const name of names) {
    const file = `reference/${name}.json`;
    const va = a.reference[name];
    const vb = b.reference[name];
    if (va === undefined || vb === undefined) {
      out.push({ kind: va === undefined ? 'added' : 'removed', file, added: [], removed: [], changed: [] });
      continue;
    }
    if (same(va, vb)) continue;
    const ea = entries(va);
    const eb = entries(vb);
    const change: ReferenceChange = { kind: 'changed', file, added: [], removed: [], changed: [] };
    if (ea && eb) {
      for (const [k, v] of eb) if (!ea.has(k)) change.added.push(k);
      else if (!same(ea.get(k), v)) change.changed.push(k);
      for (const k of ea.keys()) if (!eb.has(k)) change.removed.push(k);
    }
    out.push(change);
  }
  return out;
}

export function diffPacks(a: Pack, b: Pack): PackDiff {
  const documents = diffDocuments(a, b);
  const rules = diffRules(a, b);
  const reference = diffReference(a, b);
  const parameters = diffParameters(a, b);
  const sources = diffSources(a, b);
  const covered = (p: string) => /^documents\//.test(p) || /^reference\//.test(p) || /^sources\//.test(p) || p === 'pack.json' || /^rules\//.test(p);
  const files: PackDiff['files'] = [];
  // files as written: a parameter's new value is one change (above), not every text that states it
  const fa = a.sourceFiles ?? a.files;
  const fb = b.sourceFiles ?? b.files;
  for (const p of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    if (covered(p)) continue;
    if (!(p in fa)) files.push({ kind: 'added', file: p });
    else if (!(p in fb)) files.push({ kind: 'removed', file: p });
    else if (!same(fa[p], fb[p])) files.push({ kind: 'changed', file: p });
  }
  const m = (p: Pack) => ({ id: p.manifest.id, version: p.manifest.version, effective: p.manifest.effective });
  return {
    from: m(a),
    to: { ...m(b), changeNotes: b.manifest.changeNotes },
    documents,
    rules,
    reference,
    parameters,
    sources,
    files,
    empty: !documents.length && !rules.length && !reference.length && !parameters.length && !sources.length && !files.length,
  };
}

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };


/** The diff as plain text lines (CLI and copy-paste into a change notice). */
export function formatDiff(d: PackDiff, lang: 'zh' | 'en' = 'zh'): string {
  const w = (k: Parameters<typeof diffWords>[0]) => diffWords(k, lang);
  const lines: string[] = [
    `${d.from.id} ${d.from.version} (${d.from.effective}) → ${d.to.version} (${d.to.effective})`,
  ];
  const notes = d.to.changeNotes?.[lang] ?? d.to.changeNotes?.zh;
  if (notes) lines.push(`${w('changeNotes')}: ${notes}`);
  if (d.empty) lines.push(w('noChanges'));
  for (const doc of d.documents) {
    lines.push(`${SIGN[doc.kind]} ${w('document')} ${doc.title} [${doc.docId}]`);
    for (const f of doc.fields) lines.push(`    ${SIGN[f.kind]} ${f.title} (${f.pointer})${f.details.length ? ': ' + (lang === 'zh' ? f.detailsZh : f.details).join(w('detailSep')) : ''}`);
  }
  for (const r of d.rules) lines.push(`${SIGN[r.kind]} ${w('rule')} ${r.id}: ${r.message}${r.details.length ? ` [${r.details.join(', ')}]` : ''}`);
  for (const r of d.reference) {
    const parts = [r.added.length ? `+${r.added.length} (${r.added.slice(0, 5).join(', ')}${r.added.length > 5 ? ', …' : ''})` : '', r.removed.length ? `-${r.removed.length} (${r.removed.slice(0, 5).join(', ')})` : '', r.changed.length ? `~${r.changed.length} (${r.changed.slice(0, 5).join(', ')})` : ''].filter(Boolean);
    lines.push(`${SIGN[r.kind]} ${w('reference')} ${r.file}${parts.length ? ': ' + parts.join(' ') : ''}`);
  }
  for (const p of d.parameters) lines.push(`${SIGN[p.kind]} ${w('parameter')} ${parameterChangeText(p, lang)}`);
  for (const s of d.sources) lines.push(`${SIGN[s.kind]} ${w('source')} ${s.label}`);
  for (const f of d.files) lines.push(`${SIGN[f.kind]} ${f.file}`);
  return lines.join('\n');
}
