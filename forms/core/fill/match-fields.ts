/**
 * The scored label matcher for pages without a portal map. Portals word the same field differently
 * (单位名称 / 机构名称 / 申请单位名称; 姓名 under a 联系人 heading), so a page label is compared with the
 * field's title, the pack's synonyms and description, and the enclosing section headings on both
 * sides, by character n-grams and the longest common subsequence. Each page control goes to at most one
 * draft field, best scores first; a pair above `fillAt` is filled, one between `suggestAt` and `fillAt`
 * is only suggested (可能是 …), and two candidates within `tieMargin` of each other are never guessed.
 * Pure: the content script feeds it the labels it read, the tests feed it strings.
 */
import { normalizeLabel } from './normalize-label';

export interface MatchSettings {
  fillAt: number;
  suggestAt: number;
  tieMargin: number;
  /** placeholder words stripped from labels (请输入, 请选择 …) */
  ignore: string[];
  /** label endings that ask for a number (人数, 数量, （个）): a text value does not fit such a field */
  quantity: string[];
  /** generic label endings a page may leave out (职业（工种） for 职业工种名称, 考核点 for 考核点名称) */
  implied: string[];
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = { fillAt: 0.72, suggestAt: 0.45, tieMargin: 0.03, ignore: ['请输入', '请选择', '请填写'], quantity: [], implied: [] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pack's `fill/matching.json`, over the defaults for anything it lacks. */
export function matchSettings(files: Record<string, unknown>): MatchSettings {
  const f = files['fill/matching.json'];
  if (!isObj(f)) return DEFAULT_MATCH_SETTINGS;
  const num = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : d);
  return {
    fillAt: num(f.fillAt, DEFAULT_MATCH_SETTINGS.fillAt),
    suggestAt: num(f.suggestAt, DEFAULT_MATCH_SETTINGS.suggestAt),
    tieMargin: num(f.tieMargin, DEFAULT_MATCH_SETTINGS.tieMargin),
    ignore: Array.isArray(f.ignore) ? f.ignore.filter((x): x is string => typeof x === 'string') : DEFAULT_MATCH_SETTINGS.ignore,
    quantity: Array.isArray(f.quantity) ? f.quantity.filter((x): x is string => typeof x === 'string' && x !== '') : DEFAULT_MATCH_SETTINGS.quantity,
    implied: Array.isArray(f.implied) ? f.implied.filter((x): x is string => typeof x === 'string' && x !== '') : DEFAULT_MATCH_SETTINGS.implied,
  };
}

const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g;

/**
 * The comparable keys of one raw label: normalised whole, without bracketed notes, without
 * placeholder words (请输入单位名称 → 单位名称) and trailing punctuation.
 */
export function labelVariants(raw: string, ignore: readonly string[]): string[] {
  const nfkc = raw.normalize('NFKC');
  const out = new Set<string>();
  const strip = (s: string): string => {
    let t = normalizeLabel(s).replace(/[.,;!?、。，；！？…'"“”‘’]+$/g, '');
    for (const w of ignore) {
      const n = normalizeLabel(w);
      if (n && t.startsWith(n) && t.length > n.length) t = t.slice(n.length);
    }
    return t;
  };
  for (const s of [nfkc, nfkc.replace(BRACKETED, '')]) {
    const t = strip(s);
    if (t) out.add(t);
  }
  return [...out];
}

// the longest common subsequence, on two reused rows (labels are short; this runs many thousand times a fill)
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
function lcs(a: string, b: string): number {
  if (!a || !b) return 0;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  prev.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = 0;
    for (let j = 1; j <= b.length; j++) cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** Dice coefficient over character bigrams (order-free: 日期申请 ~ 申请日期). */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  let common = 0;
  for (let i = 0; i < a.length - 1; i++) if (b.includes(a.slice(i, i + 2))) common++;
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/**
 * How alike two normalised labels are, 0..1: 1 when equal; a field label wholly inside the page's
 * (申请单位 in 申请单位名称) scores high, the page's short label inside the field's (名称 in 机构名称)
 * lower — on its own it names many fields; otherwise character bigrams and the common subsequence.
 */
export function similarity(field: string, page: string): number {
  if (!field || !page) return 0;
  if (field === page) return 1;
  // most pairs share no character at all: no need to look further
  let shared = false;
  for (const ch of field) {
    if (page.includes(ch)) {
      shared = true;
      break;
    }
  }
  if (!shared) return 0;
  // the share of the page label the field's label covers counts: 职业 inside a whole page title is no match
  if (field.length >= 2 && page.includes(field)) return Math.min(0.95, 0.6 + 0.4 * (field.length / page.length));
  if (page.length >= 2 && field.includes(page)) return 0.45 + 0.3 * (page.length / field.length);
  const common = lcs(field, page);
  const l = (2 * common) / (field.length + page.length);
  // one label's characters all in the other, in order (特级技师评聘 in 开展特级技师、首席技师评聘): a
  // shortened wording — for labels of four characters or more, a short one says too little
  const shorter = Math.min(field.length, page.length);
  const abridged = common === shorter && shorter >= 4 ? 0.6 + 0.35 * (shorter / Math.max(field.length, page.length)) : 0;
  return Math.min(0.9, Math.max(dice(field, page), 0.95 * l, abridged));
}

/** What the matcher knows about one draft field. */
export interface MatchTarget {
  id: string;
  /** title and synonyms (raw or normalised) */
  labels: string[];
  /** titles of the enclosing sections, nearest last (联系人) */
  context: string[];
  /** description and other weak hints */
  hints?: string[];
  /** `toggle` for yes/no values: a lone checkbox or switch fits them, a text box does not */
  kind?: string;
  /** every text form of the value: a choice control whose options hold one of them fits better */
  forms?: string[];
  /** a count or a sum: only a field whose label asks for a number fits it */
  quantity?: boolean;
}

/** What the page shows about one control. */
export interface MatchCandidate {
  labels: string[];
  /** headings of the sections around it, nearest first (联系人信息) */
  context: string[];
  /** `text`, `choice`, `toggle`, `file` … */
  kind?: string;
  /** option texts when the control shows them without opening */
  options?: string[];
}

interface Prepared {
  labels: string[];
  context: string[];
  hints: string[];
  /** short labels (姓名, 地址) joined to their section headings */
  shortJoined: string[];
  /** the labels without a generic ending the page may leave out (职业工种名称 → 职业工种): equal only */
  bare: string[];
  /** a field's own title (its first label); the rest are synonyms */
  own: string[];
}

/** A synonym names a field a little less surely than its own title: 联系电话 is the contact's phone before it is the head's 手机号码. */
const SYNONYM_WEIGHT = 0.97;

/** How short a label must be to be read together with its section's heading. */
const SHORT_LABEL = 4;
const joinShort = (context: string[], labels: string[]): string[] =>
  context.filter((h) => h.length <= 16).flatMap((h) => labels.filter((l) => l.length <= SHORT_LABEL).map((l) => h + l));

function prepTarget(t: MatchTarget, ignore: readonly string[], implied: readonly string[] = []): Prepared {
  const v = (xs: readonly string[]) => [...new Set(xs.flatMap((x) => labelVariants(x, ignore)))];
  const labels = v(t.labels);
  const context = v(t.context);
  const ends = implied.map(normalizeLabel).filter(Boolean);
  const bare = labels.flatMap((l) => ends.filter((e) => l.endsWith(e) && l.length - e.length >= 2).map((e) => l.slice(0, -e.length)));
  return { labels, context, hints: v(t.hints ?? []).filter((h) => h.length <= 24), shortJoined: joinShort(context, labels.slice(0, 2)), bare, own: v(t.labels.slice(0, 1)) };
}

function prepCandidate(c: MatchCandidate, ignore: readonly string[]): Prepared {
  const v = (xs: readonly string[]) => [...new Set(xs.flatMap((x) => labelVariants(x, ignore)))].filter((x) => x.length <= 40);
  const labels = v(c.labels);
  const context = v(c.context);
  return { labels, context, hints: [], shortJoined: joinShort(context, labels), bare: [], own: labels };
}

// one assignment compares the same strings many times (every control under one heading): remembered per run
let memo: Map<string, number> | null = null;

function sim(a: string, b: string): number {
  if (!memo) return similarity(a, b);
  const k = `${a}\u0000${b}`;
  let v = memo.get(k);
  if (v === undefined) {
    v = similarity(a, b);
    memo.set(k, v);
  }
  return v;
}

function best(as: readonly string[], bs: readonly string[]): number {
  let m = 0;
  for (const a of as) {
    for (const b of bs) {
      const v = sim(a, b);
      if (v > m) m = v;
      if (m === 1) return 1;
    }
  }
  return m;
}

const YES_NO = /^(是|否|有|无|yes|no|true|false|具备|不具备)$/i;

/** The score of one draft field against one page control. */
export function scorePair(t: MatchTarget, c: MatchCandidate, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): number {
  return scorePrepared(t, prepTarget(t, settings.ignore, settings.implied), c, prepCandidate(c, settings.ignore), settings);
}

const NUMBER = /^\d+(\.\d+)?$/;

/** A page label that asks for a number (评价职业数, 考评人员（人）): its ending is one of the pack's quantity words. */
export function asksForNumber(labels: readonly string[], quantity: readonly string[]): boolean {
  if (!quantity.length) return false;
  const ends = quantity.map((q) => q.normalize('NFKC').replace(/\s+/g, ''));
  return labels.some((l) => {
    const t = l.normalize('NFKC').replace(/[*:：\s]/g, '');
    return ends.some((q) => t.endsWith(q) && t.length > q.length);
  });
}

/** How long both labels must be to be read as sentences (a declaration beside a lone checkbox). */
const SENTENCE = 8;

/**
 * A lone checkbox or switch labelled with a sentence (本单位承诺所填信息真实有效，并承担相应责任) for a
 * yes/no field titled with another wording of it: how much of the shorter sentence the longer one
 * says, in order. Only between yes/no fields and yes/no controls — two long text labels sharing words
 * say little.
 */
function declaration(t: MatchTarget, pt: Prepared, c: MatchCandidate, pc: Prepared): number {
  if (t.kind !== 'toggle' || c.kind !== 'toggle') return 0;
  let m = 0;
  for (const a of pt.labels) {
    if (a.length < SENTENCE) continue;
    for (const b of pc.labels) if (b.length >= SENTENCE) m = Math.max(m, (0.95 * lcs(a, b)) / Math.min(a.length, b.length));
  }
  return m;
}

function scorePrepared(t: MatchTarget, pt: Prepared, c: MatchCandidate, pc: Prepared, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): number {
  // a material's long name (营业执照副本复印件) and an upload's short label (营业执照) name the same thing
  const direct =
    t.kind === 'file' && c.kind === 'file'
      ? Math.max(best(pt.labels, pc.labels), best(pc.labels, pt.labels))
      : Math.max(best(pt.own, pc.labels), SYNONYM_WEIGHT * best(pt.labels, pc.labels));
  // a short page label under a heading reads as one label (联系人信息 › 姓名 ~ 联系人姓名); a long label
  // names its field by itself, and joining it would only cost time
  const joined = pc.shortJoined;
  const withHeading = joined.length ? 0.97 * best(pt.labels, joined) : 0;
  // and a short field title inside a section reads as one too (联系人 › 姓名)
  const bothJoined = pt.shortJoined.length ? 0.97 * Math.max(best(pt.shortJoined, pc.labels), joined.length ? best(pt.shortJoined, joined) : 0) : 0;
  const hinted = 0.85 * best(pt.hints, pc.labels);
  // the field's label without its generic ending, said exactly (考核点 for 考核点名称)
  const bare = pt.bare.some((b) => pc.labels.includes(b)) ? 0.98 : 0;
  let score = Math.max(direct, withHeading, bothJoined, hinted, bare, declaration(t, pt, c, pc));
  // headings agreeing (or not) move a label match a little: it breaks ties between same-named fields
  if (pt.context.length && pc.context.length) score += 0.08 * (best(pt.context, pc.context) - 0.5);
  score *= kindFit(t, c);
  // a list of names is not the number of them: a text value fits a quantity label poorly
  if (t.forms?.length && !t.forms.some((f) => NUMBER.test(f.trim())) && t.kind !== 'toggle' && asksForNumber(c.labels, settings.quantity)) score *= 0.6;
  // and a number of people is not a person: a count fits only a label that asks for a number
  if (t.quantity && settings.quantity.length && c.kind !== 'number' && !asksForNumber(c.labels, settings.quantity)) score *= 0.6;
  // not clamped at 1: two exact titles (职务 of the contact, 职务 of the institution's head) must keep what
  // their headings say about them, or every same-named field would tie
  return Math.max(0, Math.min(1.1, score));
}

function kindFit(t: MatchTarget, c: MatchCandidate): number {
  if (c.kind === 'file') return t.kind === 'file' ? 1 : 0;
  if (t.kind === 'file') return 0;
  const yesNoOptions = !!c.options?.length && c.options.every((o) => YES_NO.test(normalizeLabel(o)));
  if (t.kind === 'toggle') return c.kind === 'toggle' || yesNoOptions ? 1 : c.kind === 'choice' ? 0.8 : 0.5;
  if (c.kind === 'toggle') return 0.5;
  if (yesNoOptions) return 0.6;
  if (c.options?.length && t.forms?.length) {
    const opts = new Set(c.options.map(normalizeLabel));
    return t.forms.some((f) => opts.has(normalizeLabel(f))) ? 1.05 : 0.75;
  }
  return 1;
}

export interface MatchPair {
  target: string;
  candidate: number;
  score: number;
}

export interface MatchResult {
  /** filled: score at or above fillAt, one to one */
  assigned: MatchPair[];
  /** the best remaining candidate of a target left unassigned, when above suggestAt */
  suggested: MatchPair[];
  /** targets whose best candidates tie (on either side): not guessed */
  ambiguous: Array<{ target: string; candidates: number[] }>;
}

/**
 * One-to-one assignment, best scores first. A pair whose control scores within `tieMargin` for
 * another open field, or whose field scores so for another open control, is ambiguous: neither is
 * filled from it.
 */
export function assignFields(targets: readonly MatchTarget[], candidates: readonly MatchCandidate[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): MatchResult {
  const pts = targets.map((t) => prepTarget(t, settings.ignore, settings.implied));
  const pcs = candidates.map((c) => prepCandidate(c, settings.ignore));
  const pairs: MatchPair[] = [];
  memo = new Map();
  try {
    targets.forEach((t, ti) => {
      candidates.forEach((c, ci) => {
        const score = scorePrepared(t, pts[ti], c, pcs[ci], settings);
        if (score >= settings.suggestAt) pairs.push({ target: t.id, candidate: ci, score });
      });
    });
  } finally {
    memo = null;
  }
  pairs.sort((a, b) => b.score - a.score);
  const targetDone = new Set<string>();
  const candidateDone = new Set<number>();
  const assigned: MatchPair[] = [];
  const ambiguous: MatchResult['ambiguous'] = [];
  for (const p of pairs) {
    if (p.score < settings.fillAt) break;
    if (targetDone.has(p.target) || candidateDone.has(p.candidate)) continue;
    const near = (q: MatchPair) => q !== p && q.score >= p.score - settings.tieMargin && q.score >= settings.fillAt;
    const rivalsForControl = pairs.filter((q) => near(q) && q.candidate === p.candidate && q.target !== p.target && !targetDone.has(q.target));
    const rivalsForField = pairs.filter((q) => near(q) && q.target === p.target && q.candidate !== p.candidate && !candidateDone.has(q.candidate));
    if (rivalsForControl.length) {
      // this control looks equally like several fields: none of them gets it
      candidateDone.add(p.candidate);
      for (const id of [p.target, ...rivalsForControl.map((q) => q.target)]) {
        const prev = ambiguous.find((a) => a.target === id);
        if (prev) prev.candidates.push(p.candidate);
        else ambiguous.push({ target: id, candidates: [p.candidate] });
      }
      continue;
    }
    if (rivalsForField.length) {
      // several controls look equally like this field: it is not guessed
      targetDone.add(p.target);
      ambiguous.push({ target: p.target, candidates: [p.candidate, ...rivalsForField.map((q) => q.candidate)] });
      continue;
    }
    targetDone.add(p.target);
    candidateDone.add(p.candidate);
    assigned.push(p);
  }
  const suggested: MatchPair[] = [];
  for (const t of targets) {
    if (targetDone.has(t.id)) continue;
    const s = pairs.find((p) => p.target === t.id && !candidateDone.has(p.candidate) && p.score < settings.fillAt);
    if (s) suggested.push(s);
  }
  // a field ambiguous at first may have been given a control later: it is then no longer ambiguous
  const result = ambiguous.filter((a) => !assigned.some((p) => p.target === a.target));
  return { assigned, suggested, ambiguous: result };
}
