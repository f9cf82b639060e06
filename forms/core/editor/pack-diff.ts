/**
 * What changed between two pack versions, in words a bureau reviewer and an institution understand:
 * documents, fields by title, rules by id and message, reference data by entry — not JSON paths alone.
 */
import { canonicalJson } from '../pack/pack-hash';
import type { Localized, Pack } from '../pack/types';
import { allRules } from '../rules/pack-rules';
import type { Rule } from '../rules/types';
import { schemaFields, type FieldSummary } from './schema-fields';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  kind: ChangeKind;
  pointer: string;
  title: string;
  /** for `changed`: what changed, e.g. `required: no → yes`, `pattern` */
  details: string[];
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
  /** other files (parameters, portal maps, sources, migrations) that changed */
  files: { kind: ChangeKind; file: string }[];
  empty: boolean;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : canonicalJson(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

function fieldDetails(a: FieldSummary, b: FieldSummary): string[] {
  const out: string[] = [];
  if (a.title !== b.title) out.push(`title: ${a.title} → ${b.title}`);
  if (a.required !== b.required) out.push(`required: ${yesNo(a.required)} → ${yesNo(b.required)}`);
  if (a.conditional !== b.conditional) out.push(`conditional: ${yesNo(a.conditional)} → ${yesNo(b.conditional)}`);
  const keys = new Set([...Object.keys(a.rules), ...Object.keys(b.rules)]);
  for (const k of keys) {
    if (!same(a.rules[k], b.rules[k])) out.push(`${k}: ${a.rules[k] === undefined ? '—' : short(a.rules[k])} → ${b.rules[k] === undefined ? '—' : short(b.rules[k])}`);
  }
  return out;
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
      if (!old) fields.push({ kind: 'added', pointer: p, title: f.title, details: f.required ? ['required: yes'] : [] });
      else {
        const details = fieldDetails(old, f);
        if (details.length) fields.push({ kind: 'changed', pointer: p, title: f.title, details });
      }
    }
    for (const [p, f] of fa) if (!fb.has(p)) fields.push({ kind: 'removed', pointer: p, title: f.title, details: [] });
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
  const covered = (p: string) => /^documents\//.test(p) || /^reference\//.test(p) || p === 'pack.json' || /^rules\/(?!parameters)/.test(p);
  const files: PackDiff['files'] = [];
  for (const p of new Set([...Object.keys(a.files), ...Object.keys(b.files)])) {
    if (covered(p)) continue;
    if (!(p in a.files)) files.push({ kind: 'added', file: p });
    else if (!(p in b.files)) files.push({ kind: 'removed', file: p });
    else if (!same(a.files[p], b.files[p])) files.push({ kind: 'changed', file: p });
  }
  const m = (p: Pack) => ({ id: p.manifest.id, version: p.manifest.version, effective: p.manifest.effective });
  return {
    from: m(a),
    to: { ...m(b), changeNotes: b.manifest.changeNotes },
    documents,
    rules,
    reference,
    files,
    empty: !documents.length && !rules.length && !reference.length && !files.length,
  };
}

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/** The diff as plain text lines (CLI and copy-paste into a change notice). */
export function formatDiff(d: PackDiff, lang: 'zh' | 'en' = 'zh'): string {
  const zh = lang === 'zh';
  const lines: string[] = [
    `${d.from.id} ${d.from.version} (${d.from.effective}) → ${d.to.version} (${d.to.effective})`,
  ];
  const notes = d.to.changeNotes?.[lang] ?? d.to.changeNotes?.zh;
  if (notes) lines.push(`${zh ? '变更说明' : 'Change notes'}: ${notes}`);
  if (d.empty) lines.push(zh ? '内容无变化' : 'No content changes');
  for (const doc of d.documents) {
    lines.push(`${SIGN[doc.kind]} ${zh ? '文书' : 'document'} ${doc.title} [${doc.docId}]`);
    for (const f of doc.fields) lines.push(`    ${SIGN[f.kind]} ${f.title} (${f.pointer})${f.details.length ? ': ' + f.details.join('; ') : ''}`);
  }
  for (const r of d.rules) lines.push(`${SIGN[r.kind]} ${zh ? '规则' : 'rule'} ${r.id}: ${r.message}${r.details.length ? ` [${r.details.join(', ')}]` : ''}`);
  for (const r of d.reference) {
    const parts = [r.added.length ? `+${r.added.length} (${r.added.slice(0, 5).join(', ')}${r.added.length > 5 ? ', …' : ''})` : '', r.removed.length ? `-${r.removed.length} (${r.removed.slice(0, 5).join(', ')})` : '', r.changed.length ? `~${r.changed.length} (${r.changed.slice(0, 5).join(', ')})` : ''].filter(Boolean);
    lines.push(`${SIGN[r.kind]} ${zh ? '参考数据' : 'reference'} ${r.file}${parts.length ? ': ' + parts.join(' ') : ''}`);
  }
  for (const f of d.files) lines.push(`${SIGN[f.kind]} ${f.file}`);
  return lines.join('\n');
}
