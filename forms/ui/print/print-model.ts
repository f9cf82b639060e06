/**
 * What the print view shows, as plain data: the document's title and number block, then numbered
 * sections of labelled values. Kept free of Preact and the DOM so it can be tested in Node and
 * reused (PDF export, CLI) — PrintView.tsx only lays it out.
 */
import { resolveCitation } from '../../core/pack/citation';
import { documentSchema } from '../../core/pack/document-schema';
import { schemaIn, uiIn } from '../../core/i18n/pack-translation';
import { pruneHidden } from '../../core/schema/prune-hidden';
import type { Citation, JsonSchema, Pack } from '../../core/pack/types';
import { declaredProperties, deref } from '../../core/schema/schema-walk';
import { isValidAgainst } from '../../core/schema/branch-valid';
import { withLevelLabels } from '../theme/level-labels';
import { inlineRefs } from '../../core/pack/inline-refs';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

export type PrintNode =
  /** text null: nothing filled in — printed as a blank line to write on */
  | { kind: 'field'; label: string; text: string | null; wide?: boolean }
  /** a declaration or yes/no statement printed as a box before its sentence: ☑ only when the user ticked it */
  | { kind: 'statement'; label: string; checked: boolean }
  | { kind: 'group'; label: string; children: PrintNode[] }
  | { kind: 'table'; label: string; columns: string[]; rows: (string | null)[][] }
  | { kind: 'list'; label: string; items: { label: string; children: PrintNode[] }[] };

export interface PrintSection {
  /** 一、二、三… ('' for the unnumbered 基本信息 before the numbered blocks, as the form shows them) */
  number: string;
  title: string;
  nodes: PrintNode[];
}

export interface PrintModel {
  title: string;
  /** the number block: 文书编号, 备案编号, 依据 */
  numbers: { label: string; text: string | null }[];
  sections: PrintSection[];
  /** who signs and when, from the document's signature block when filled (the date as printed) */
  signer: string | null;
  signDate: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const asSchema = (v: unknown): JsonSchema | undefined => (isObj(v) ? (v as JsonSchema) : undefined);

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 21 → 二十一: section numbers as Chinese official documents write them. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

const WORDS = {
  zh: { yes: '是', no: '否', basics: '基本信息', item: '第{n}项', docNo: '文书编号', filingNo: '备案编号', basis: '依据' },
  en: { yes: 'Yes', no: 'No', basics: 'Basic information', item: 'No. {n}', docNo: 'Document no.', filingNo: 'Filing no.', basis: 'Basis' },
};

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2025-03-10 → 2025年3月10日 (10 March 2025): dates as a paper form writes them; anything else as it is. */
export function printedDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d} ${MONTHS_EN[mo - 1] ?? mo} ${y}`;
}

/** A file's size as people read it: 512 字节, 38 KB, 2.4 MB. */
function printedSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return textIn({ zh: `${bytes} 字节`, en: `${bytes} bytes` }, lang);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Fields that number a document, in the order the number block prefers them. */
const DOCUMENT_NUMBER_FIELDS = ['decisionNo', 'recordNo'];

interface Lookup {
  occupations: Map<string, string>;
  districts: Map<string, { name: string; en?: string }>;
}

function lookups(pack: Pack): Lookup {
  const occ = (pack.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] } | undefined)?.occupations ?? [];
  const dis = (pack.reference.districts as { districts?: { code: string; name: string; en?: string }[] } | undefined)?.districts ?? [];
  return { occupations: new Map(occ.map((o) => [o.code, o.name])), districts: new Map(dis.map((d) => [d.code, d])) };
}

/** The label of a coded value: ui:enumNames (already in the print's language) as a list in enum order, or as a map keyed by value. */
function enumLabel(schema: JsonSchema, ui: Obj | undefined, value: unknown): string | undefined {
  const names = ui?.['ui:enumNames'];
  if (Array.isArray(names)) {
    const i = ((schema.enum as unknown[] | undefined) ?? []).indexOf(value);
    return i >= 0 && typeof names[i] === 'string' ? names[i] : undefined;
  }
  if (isObj(names) && typeof names[String(value)] === 'string') return names[String(value)] as string;
  return undefined;
}

export interface Formatter {
  (schema: JsonSchema, ui: Obj | undefined, value: unknown): string | null;
}

/** Text for one filled value as it is printed: labels for codes, names for districts and occupations, 是/否. */
export function valueFormatter(pack: Pack, lang: Lang): Formatter {
  const look = lookups(pack);
  const w = WORDS[lang];
  return (schema, ui, value) => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'boolean') return value ? w.yes : w.no;
    if (typeof value === 'string' && schema.format === 'date') return printedDate(value, lang);
    const label = enumLabel(schema, ui, value);
    if (label) return label;
    if (typeof value === 'string' && schema.format === 'occupation-code') {
      const name = look.occupations.get(value);
      return name ? `${value} ${name}` : value;
    }
    if (typeof value === 'string' && schema.format === 'sh-district') {
      const d = look.districts.get(value);
      return d ? (lang === 'en' && d.en ? d.en : d.name) : value;
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

interface Ctx {
  root: JsonSchema;
  fmt: Formatter;
  lang: Lang;
}

/** Property names in ui:order (with its `*` wildcard), then any left over, as the form shows them. */
function ordered(names: string[], ui: Obj | undefined): string[] {
  const order = (ui?.['ui:order'] as string[] | undefined) ?? [];
  if (!order.length) return names;
  const listed = order.filter((n) => n !== '*' && names.includes(n));
  const rest = names.filter((n) => !listed.includes(n));
  const star = order.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((n) => names.includes(n));
  const after = order.slice(star + 1).filter((n) => names.includes(n));
  return [...before, ...rest, ...after];
}

function properties(ctx: Ctx, schema: JsonSchema, value: unknown, ui: Obj | undefined): [string, JsonSchema][] {
  // the schema and its active if/then/else branches for this value, first declaration of each name
  const declared = declaredProperties(ctx.root, schema, { branch: (cond) => isValidAgainst(cond, value ?? {}, ctx.root) });
  return ordered([...declared.keys()], ui).map((n) => [n, deref(ctx.root, declared.get(n)!.schemas[0])]);
}

const isAttachment = (schema: JsonSchema, ui: Obj | undefined) =>
  ui?.['ui:field'] === 'attachment' || (isObj(schema.properties) && 'sha256' in schema.properties && 'blobId' in schema.properties);

/** A file by its name and size; its hash and type are for machines, not for the paper. */
function attachmentText(ctx: Ctx, value: unknown): string | null {
  if (!isObj(value) || !value.name) return null;
  return typeof value.size === 'number' ? `${value.name}（${printedSize(value.size, ctx.lang)}）` : String(value.name);
}

/** A value printed on one line: a scalar, or a multiple choice / list of short texts (joined with 、). */
function isScalar(root: JsonSchema, s: JsonSchema): boolean {
  if (s.type !== 'array') return s.type !== 'object';
  const items = asSchema(s.items);
  return !items || deref(root, items).type !== 'object';
}

/** A multiple choice or a list of short texts on one line, joined as Chinese lists are. */
function joined(ctx: Ctx, schema: JsonSchema, ui: Obj | undefined, value: unknown): string | null {
  const items = asSchema(schema.items) ? deref(ctx.root, schema.items as JsonSchema) : {};
  const labels = isObj(ui) && ui['ui:enumNames'] ? ui : (asSchema(ui?.items) as Obj | undefined);
  const texts = (Array.isArray(value) ? value : []).map((v) => ctx.fmt(items, labels, v)).filter((t): t is string => !!t);
  return texts.length ? texts.join('、') : null;
}

function node(ctx: Ctx, label: string, schema: JsonSchema, ui: Obj | undefined, value: unknown): PrintNode {
  if (schema.type === 'object') {
    if (isAttachment(schema, ui)) return { kind: 'field', label, text: attachmentText(ctx, value) };
    return { kind: 'group', label, children: objectNodes(ctx, schema, ui, value) };
  }
  if (schema.type === 'array') {
    const items = asSchema(schema.items) ? deref(ctx.root, schema.items as JsonSchema) : {};
    const itemUi = asSchema(ui?.items) as Obj | undefined;
    const list = Array.isArray(value) ? value : [];
    if (items.type !== 'object') return { kind: 'field', label, text: joined(ctx, schema, ui, list) };
    if (list.length === 0) return { kind: 'field', label, text: null };
    const cols = properties(ctx, items, list[0], itemUi);
    const flat = cols.length <= 7 && cols.every(([n, s]) => isScalar(ctx.root, s) || isAttachment(s, itemUi?.[n] as Obj | undefined));
    const sameShape = list.every((row) => properties(ctx, items, row, itemUi).length === cols.length);
    if (flat && sameShape) {
      return {
        kind: 'table',
        label,
        columns: cols.map(([n, s]) => String(s.title ?? n)),
        rows: list.map((row) =>
          cols.map(([n, s]) => {
            const v = isObj(row) ? row[n] : undefined;
            const u = itemUi?.[n] as Obj | undefined;
            if (isAttachment(s, u)) return attachmentText(ctx, v);
            return s.type === 'array' ? joined(ctx, s, u, v) : ctx.fmt(s, u, v);
          }),
        ),
      };
    }
    return {
      kind: 'list',
      label,
      items: list.map((row, i) => ({ label: WORDS[ctx.lang].item.replace('{n}', String(i + 1)), children: objectNodes(ctx, items, itemUi, row) })),
    };
  }
  // a sentence to agree with (a commitment) reads as a ticked or empty box before it, not as 「…：是」
  if (schema.type === 'boolean' && label.length > 24) return { kind: 'statement', label, checked: value === true };
  const text = ctx.fmt(schema, ui, value);
  // long text, or a label too long for the label column (a commitment), reads better on lines of its own
  const wide = ui?.['ui:widget'] === 'textarea' || label.length > 24;
  return wide ? { kind: 'field', label, text, wide } : { kind: 'field', label, text };
}

/** The signature block prints as the signature and seal boxes at the foot, not as fields. */
const SIGNATURE = 'signature';

function objectNodes(ctx: Ctx, schema: JsonSchema, ui: Obj | undefined, value: unknown): PrintNode[] {
  const v = isObj(value) ? value : {};
  return properties(ctx, schema, v, ui)
    .filter(([name, s]) => !(name === SIGNATURE && s.type === 'object'))
    .map(([name, s]) => node(ctx, String(s.title ?? name), s, ui?.[name] as Obj | undefined, v[name]));
}

function findSignature(value: unknown, depth = 0): Obj | null {
  if (!isObj(value) || depth > 3) return null;
  if (isObj(value.signature)) return value.signature;
  for (const v of Object.values(value)) {
    const s = findSignature(v, depth + 1);
    if (s) return s;
  }
  return null;
}

/** Builds the print model of one document with the given data (hidden branches left out). */
export function printModel(pack: Pack, docId: string, data: unknown, lang: Lang = 'zh'): PrintModel {
  // in English, the pack's own English for titles and enum labels (schemas/i18n/en.json)
  const root = schemaIn(pack, documentSchema(pack, docId), lang);
  const ui = withLevelLabels(pack, inlineRefs(root) as JsonSchema, uiIn(pack, (pack.documents[docId]?.ui ?? {}) as Obj, lang) as Obj, lang);
  const value = isObj(data) ? (pruneHidden(pack, docId, data) as Obj) : {};
  const ctx: Ctx = { root, fmt: valueFormatter(pack, lang), lang };
  const w = WORDS[lang];

  // the document's single values open it as 基本信息; every block and list follows as its own section
  const basics: PrintNode[] = [];
  const sections: PrintSection[] = [];
  for (const [name, s] of properties(ctx, root, value, ui)) {
    if (name === SIGNATURE && s.type === 'object') continue;
    const n = node(ctx, String(s.title ?? name), s, ui[name] as Obj | undefined, value[name]);
    if (isScalar(root, s)) basics.push(n);
    else if (n.kind === 'group') sections.push({ number: '', title: n.label, nodes: n.children });
    // a list is the whole section: the section title names it, so the list repeats no subtitle
    else sections.push({ number: '', title: n.label, nodes: [{ ...n, label: '' }] });
  }
  // numbered as the form numbers its sections: the blocks from 一; the single values before them unnumbered
  sections.forEach((s, i) => (s.number = chineseNumber(i + 1)));
  if (basics.length) sections.unshift({ number: '', title: w.basics, nodes: basics });

  const docNoField = DOCUMENT_NUMBER_FIELDS.find((f) => typeof value[f] === 'string');
  // 沪人社职〔2024〕120号 三（一）1、二（一）: labels grouped under their source's number
  const bySource = new Map<string, string[]>();
  for (const c of (root['x-citations'] as Citation[] | undefined) ?? []) {
    const r = resolveCitation(pack, c);
    if (!r) continue;
    const number = pack.sources[c.source]?.document.number ?? c.source;
    bySource.set(number, [...(bySource.get(number) ?? []), r.label]);
  }
  const citations = [...bySource].map(([number, labels]) => `${number} ${labels.join('、')}`);
  const numbers = [
    { label: w.docNo, text: docNoField ? String(value[docNoField]) : null },
    { label: w.filingNo, text: typeof value.filingNumber === 'string' ? value.filingNumber : null },
    ...(citations.length ? [{ label: w.basis, text: citations.join('；') }] : []),
  ];
  const sig = findSignature(value);
  return {
    title: String(root.title ?? docId),
    numbers,
    sections,
    signer: typeof sig?.signer === 'string' ? sig.signer : null,
    signDate: typeof sig?.date === 'string' && sig.date ? printedDate(sig.date, lang) : null,
  };
}
