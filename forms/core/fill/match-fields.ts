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
  /** words that mean the same inside a label (性质 / 类型 / 属性; 日期 / 时间): compared as the group's first */
  words: string[][];
  /** the words that make a label a yes/no question (是否, 有无): 是否配备视频监控 asks for 配备视频监控 */
  questions: string[];
  /** words around a material's name that say which copy or how it is sent (复印件, 扫描件, 上传): 上传营业执照 asks for 营业执照副本复印件 */
  materialWords: string[];
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  fillAt: 0.72,
  suggestAt: 0.45,
  tieMargin: 0.03,
  ignore: ['请输入', '请选择', '请填写'],
  quantity: [],
  implied: [],
  words: [],
  questions: [],
  materialWords: [],
};

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
    words: Array.isArray(f.words)
      ? f.words.filter(Array.isArray).map((g: unknown[]) => g.filter((x): x is string => typeof x === 'string' && x !== '').map(normalizeLabel)).filter((g) => g.length > 1)
      : DEFAULT_MATCH_SETTINGS.words,
    questions: Array.isArray(f.questions) ? f.questions.filter((x): x is string => typeof x === 'string' && x !== '').map(normalizeLabel) : DEFAULT_MATCH_SETTINGS.questions,
    materialWords: Array.isArray(f.materialWords) ? f.materialWords.filter((x): x is string => typeof x === 'string' && x !== '').map(normalizeLabel) : DEFAULT_MATCH_SETTINGS.materialWords,
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

/**
 * A material's name without the words that say which copy it is or how it is sent (营业执照副本复印件 →
 * 营业执照): portals name the same material 上传营业执照, 营业执照扫描件, 营业执照（副本）. Empty when nothing
 * but such words is left.
 */
export function materialCore(title: string, words: readonly string[]): string {
  let t = normalizeLabel(title.normalize('NFKC').replace(BRACKETED, ''));
  // longest first, so 复印件 goes before 印件 would
  for (const w of [...words].sort((a, b) => b.length - a.length)) if (w) t = t.split(w).join('');
  return t;
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
  // a page label of four characters or more that says most of the field's (题库最近更新 in 题库最近更新日期)
  // is that field abridged
  if (page.length >= 2 && field.includes(page)) {
    const r = page.length / field.length;
    return page.length >= 4 && r >= 0.6 ? 0.6 + 0.35 * r : 0.45 + 0.3 * r;
  }
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
  /** title and synonyms (raw or normalised); the first is the field's own title */
  labels: string[];
  /** titles of the enclosing sections, nearest last (联系人) */
  context: string[];
  /** each enclosing section's names — its title and synonyms — outermost first: whose field this is */
  sections?: string[][];
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
  /** a field's own title (its first label) */
  own: string[];
  /** its synonyms no other field has for its own title */
  free: string[];
  /** its synonyms that are another field's own title (单位类型 for 企业性质): they count least */
  contested: string[];
  /** the labels with like words made alike (企业类型 for 企业性质) and yes/no question words dropped */
  canon: string[];
  /** per enclosing section (outermost first), its names */
  sections: string[][];
}

/** A synonym names a field a little less surely than its own title: 联系电话 is the contact's phone before it is the head's 手机号码. */
const SYNONYM_WEIGHT = 0.97;
/** A synonym that is another field's own title names this field less surely still: that field's title wins. */
const CONTESTED_WEIGHT = 0.9;
/** Labels compared after like words were made alike say a little less than the page's own wording. */
const CANON_WEIGHT = 0.95;

/** How short a label must be to be read together with its section's heading. */
const SHORT_LABEL = 4;
const joinShort = (context: string[], labels: string[]): string[] =>
  context.filter((h) => h.length <= 16).flatMap((h) => labels.filter((l) => l.length <= SHORT_LABEL).map((l) => h + l));

// the word rewriting of one settings object, built once
const rewriters = new WeakMap<MatchSettings, (s: string) => string[]>();

/**
 * Other readings of a normalised label: like words made alike (性质 / 类型 / 属性 → 性质), yes/no question
 * words dropped (考核场所有无视频监控 → 考核场所视频监控), and both.
 */
function rewrite(settings: MatchSettings): (s: string) => string[] {
  let r = rewriters.get(settings);
  if (r) return r;
  const canonical = new Map<string, string>();
  for (const g of settings.words) for (const w of g) if (!canonical.has(w)) canonical.set(w, g[0]);
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byLength = (a: string, b: string) => b.length - a.length;
  const words = canonical.size ? new RegExp([...canonical.keys()].sort(byLength).map(esc).join('|'), 'g') : null;
  const questions = settings.questions.length ? new RegExp([...settings.questions].sort(byLength).map(esc).join('|'), 'g') : null;
  r = (s: string) => {
    const out = new Set<string>();
    const w = words ? s.replace(words, (m) => canonical.get(m) ?? m) : s;
    out.add(w);
    if (questions) {
      for (const x of [s, w]) {
        const q = x.replace(questions, '');
        if (q.length >= 2) out.add(q);
      }
    }
    out.delete(s);
    return [...out];
  };
  rewriters.set(settings, r);
  return r;
}

/** How long a section title may be to be said together with a field's title in one page label. */
const SHORT_SECTION = 8;
function nearestJoined(context: readonly string[], own: readonly string[], ignore: readonly string[]): string[] {
  const nearest = context[context.length - 1];
  if (!nearest) return [];
  const heads = labelVariants(nearest, ignore).filter((h) => h.length <= SHORT_SECTION);
  return heads.flatMap((h) => own.filter((l) => l.length > SHORT_LABEL && !l.startsWith(h)).map((l) => h + l));
}

function prepTarget(t: MatchTarget, settings: MatchSettings, contestedTitles?: ReadonlySet<string>): Prepared {
  const { ignore, implied } = settings;
  const v = (xs: readonly string[]) => [...new Set(xs.flatMap((x) => labelVariants(x, ignore)))];
  const labels = v(t.labels);
  const context = v(t.context);
  const ends = implied.map(normalizeLabel).filter(Boolean);
  const bare = labels.flatMap((l) => ends.filter((e) => l.endsWith(e) && l.length - e.length >= 2).map((e) => l.slice(0, -e.length)));
  const own = v(t.labels.slice(0, 1));
  const synonyms = labels.filter((l) => !own.includes(l));
  const contested = contestedTitles ? synonyms.filter((l) => contestedTitles.has(l)) : [];
  const free = synonyms.filter((l) => !contested.includes(l));
  const rw = rewrite(settings);
  const canon = [...new Set([...own, ...free].flatMap(rw))];
  return {
    labels,
    context,
    hints: v(t.hints ?? []).filter((h) => h.length <= 24),
    // the field's title read in its nearest section (题库 › 最近更新日期): a page may say both in one label
    shortJoined: [...joinShort(context, labels.slice(0, 2)), ...nearestJoined(t.context, own, ignore)],
    bare,
    own,
    free,
    contested,
    canon,
    sections: (t.sections ?? []).map(v).filter((s) => s.length),
  };
}

function prepCandidate(c: MatchCandidate, settings: MatchSettings): Prepared {
  const v = (xs: readonly string[]) => [...new Set(xs.flatMap((x) => labelVariants(x, settings.ignore)))].filter((x) => x.length <= 40);
  const labels = v(c.labels);
  const context = v(c.context);
  const rw = rewrite(settings);
  return { labels, context, hints: [], shortJoined: joinShort(context, labels), bare: [], own: labels, free: [], contested: [], canon: [...new Set(labels.flatMap(rw))], sections: [] };
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
const isYesNoControl = (c: MatchCandidate): boolean => c.kind === 'toggle' || (!!c.options?.length && c.options.every((o) => YES_NO.test(normalizeLabel(o))));

/** The score of one draft field against one page control. */
export function scorePair(t: MatchTarget, c: MatchCandidate, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): number {
  return scorePrepared(t, prepTarget(t, settings), c, prepCandidate(c, settings), settings);
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

/** The fewest characters a yes/no question and a yes/no field's title must share, in order. */
const QUESTION_CORE = 4;
/** A sentence's clauses (本单位承诺所填信息真实有效，并承担相应责任): a declaration is often asked by its first. */
const clauses = (xs: readonly string[]): string[] => xs.flatMap((x) => x.split(/[,;。，；]/).filter((c) => c.length >= QUESTION_CORE && c !== x));

/**
 * A yes/no control asks its question in its own words (视频监控, 考核场所有无视频监控, 面向本单位职工开展评价)
 * for a yes/no field titled as a statement (考核场所配备视频监控系统); a date picker names its date its own
 * way (题库最近更新 for 最近更新日期 in 题库): how much of the shorter wording the longer one says, in order,
 * once question words are dropped. Only between fields and controls of such a kind: the control's kind
 * has already narrowed the draft to its few yes/no fields, or its few dates.
 */
function narrowKind(t: MatchTarget, pt: Prepared, c: MatchCandidate, pc: Prepared): number {
  if (!((t.kind === 'toggle' && isYesNoControl(c)) || (t.kind === 'date' && c.kind === 'date'))) return 0;
  let m = 0;
  const mine = [...pt.own, ...pt.free, ...pt.canon];
  const page = [...pc.labels, ...pc.canon];
  for (const a of [...mine, ...clauses(mine), ...pt.shortJoined]) {
    for (const b of [...page, ...clauses(page)]) {
      const shorter = Math.min(a.length, b.length);
      const common = lcs(a, b);
      if (common < QUESTION_CORE) continue;
      const q = common / shorter;
      if (q >= 0.6) m = Math.max(m, 0.25 + 0.65 * q);
    }
  }
  return m;
}

/** What the page as a whole says about the draft's sections, for one control. */
interface SectionView {
  /** how well the control's headings name each section of the draft (by section key) */
  names: Map<string, number>;
  /** sections the page shows: a heading names them, or a field of theirs is asked for by a label only it has */
  present: ReadonlySet<string>;
}

/** How well a heading must name a section to say the control belongs to it. */
const NAMES = 0.8;
/** A control under its field's own section heading gains this much. */
const SECTION_BONUS = 0.06;
/** A control under another section's heading keeps this share of its score for a field of this one. */
const OTHER_SECTION = 0.8;
/** A field of a section the page never shows, matched by a label other sections' fields share, keeps this share. */
const ABSENT_SECTION = 0.85;

/**
 * How long a page label may be and still need its heading to say whose it is (姓名, 手机号码, 联系人电话);
 * a longer one (本单位承诺所填信息真实有效…) names its field whatever heading a flat page put above it.
 */
const NEEDS_HEADING = 6;

const sectionKey = (names: readonly string[]): string => names.join('|');

function scorePrepared(t: MatchTarget, pt: Prepared, c: MatchCandidate, pc: Prepared, settings: MatchSettings = DEFAULT_MATCH_SETTINGS, view?: SectionView): number {
  // a material's long name (营业执照副本复印件) and an upload's short label (营业执照) name the same thing
  const direct =
    t.kind === 'file' && c.kind === 'file'
      ? Math.max(best(pt.labels, pc.labels), best(pc.labels, pt.labels))
      : Math.max(
          best(pt.own, pc.labels),
          SYNONYM_WEIGHT * best(pt.free, pc.labels),
          CONTESTED_WEIGHT * best(pt.contested, pc.labels),
          CANON_WEIGHT * Math.max(best(pt.canon, pc.labels), best([...pt.own, ...pt.free, ...pt.canon], pc.canon)),
        );
  // a short page label under a heading reads as one label (联系人信息 › 姓名 ~ 联系人姓名); a long label
  // names its field by itself, and joining it would only cost time
  const joined = pc.shortJoined;
  const withHeading = joined.length ? 0.97 * best([...pt.own, ...pt.free], joined) : 0;
  // and a short field title inside a section reads as one too (联系人 › 姓名)
  const bothJoined = pt.shortJoined.length ? 0.97 * Math.max(best(pt.shortJoined, pc.labels), joined.length ? best(pt.shortJoined, joined) : 0) : 0;
  const hinted = 0.85 * best(pt.hints, pc.labels);
  // the field's label without its generic ending, said exactly (考核点 for 考核点名称)
  const bare = pt.bare.some((b) => pc.labels.includes(b)) ? 0.98 : 0;
  let byLabel = Math.max(direct, withHeading, hinted, bare, declaration(t, pt, c, pc), narrowKind(t, pt, c, pc));
  let bonus = 0;
  let factor = 1;
  const own = pt.sections[pt.sections.length - 1];
  if (own && view) {
    const needsHeading = pc.labels.some((l) => l.length <= NEEDS_HEADING);
    // whose field the control is, by the headings around it (经办人信息 › 手机号码 is the contact's)
    const key = sectionKey(own);
    const ancestors = new Set(pt.sections.slice(0, -1).map(sectionKey));
    const mine = view.names.get(key) ?? 0;
    let other = 0;
    for (const [k, v] of view.names) if (k !== key && !ancestors.has(k)) other = Math.max(other, v);
    if (mine >= NAMES) bonus = SECTION_BONUS;
    else if (needsHeading && other >= NAMES) factor = OTHER_SECTION;
    // a part of a section (the institution's 评价机构负责人) the page shows nowhere — no heading, none of
    // its own labels — does not take a control by a label it shares with another field (手机号码, 姓名, 职务)
    else if (needsHeading && pt.sections.length > 1 && !view.present.has(key)) byLabel *= ABSENT_SECTION;
  } else if (pt.context.length && pc.context.length) bonus = 0.08 * (best(pt.context, pc.context) - 0.5);
  let score = (Math.max(byLabel, bothJoined) + bonus) * factor;
  score *= kindFit(t, c);
  // a list of names is not the number of them: a text value fits a quantity label poorly
  if (t.forms?.length && !t.forms.some((f) => NUMBER.test(f.trim())) && t.kind !== 'toggle' && asksForNumber(c.labels, settings.quantity)) score *= 0.6;
  // and a number of people is not a person: a count fits only a label that asks for a number
  if (t.quantity && settings.quantity.length && c.kind !== 'number' && !asksForNumber(c.labels, settings.quantity)) score *= 0.6;
  // not clamped at 1: two exact titles (职务 of the contact, 职务 of the institution's head) must keep what
  // their headings say about them, or every same-named field would tie
  return Math.max(0, Math.min(1.1, score));
}

/** How alike an option must be to a wanted form, and ahead of the next option, to count as the value's. */
const CLOSE_OPTION = 0.6;
const CLOSE_MARGIN = 0.1;

/**
 * Whether a choice control can show a value: one of its forms is an option (`exact`), or one option is
 * clearly the closest wording of a form (`close`: 市属国有企业 for 市属国企); `none` when no option or
 * several alike fit (企业 fits 中央企业 and 市属企业 alike: the control asks for something else).
 */
export function optionFit(forms: readonly string[], options: readonly string[]): 'exact' | 'close' | 'none' {
  const opts = options.map(normalizeLabel).filter(Boolean);
  const wanted = [...new Set(forms.map(normalizeLabel).filter(Boolean))];
  if (wanted.some((f) => opts.includes(f))) return 'exact';
  const scores = opts.map((o) => Math.max(0, ...wanted.map((f) => Math.max(similarity(f, o), similarity(o, f)))));
  const sorted = [...scores].sort((a, b) => b - a);
  return sorted[0] >= CLOSE_OPTION && sorted[0] - (sorted[1] ?? 0) >= CLOSE_MARGIN ? 'close' : 'none';
}

function kindFit(t: MatchTarget, c: MatchCandidate): number {
  if (c.kind === 'file') return t.kind === 'file' ? 1 : 0;
  if (t.kind === 'file') return 0;
  const yesNoOptions = !!c.options?.length && c.options.every((o) => YES_NO.test(normalizeLabel(o)));
  if (t.kind === 'toggle') return c.kind === 'toggle' || yesNoOptions ? 1 : c.kind === 'choice' ? 0.8 : 0.5;
  if (c.kind === 'toggle') return 0.5;
  if (yesNoOptions) return 0.6;
  // the options the control offers decide between like-named fields: a value it cannot show loses
  if (c.options?.length && t.forms?.length) {
    const fit = optionFit(t.forms, c.options);
    return fit === 'exact' ? 1.05 : fit === 'close' ? 1 : 0.6;
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
 * What the page says about the draft's sections: for each control, how well its headings name each
 * section; and which sections the page shows at all — a heading names one, or a control asks for one
 * of its fields by a label no other field has (电子邮箱 shows the contact; 手机号码 alone shows no one).
 */
function sectionViews(pts: readonly Prepared[], pcs: readonly Prepared[], settings: MatchSettings): SectionView[] {
  const sections = new Map<string, string[]>();
  for (const p of pts) for (const s of p.sections) sections.set(sectionKey(s), s);
  if (!sections.size) return pcs.map(() => ({ names: new Map(), present: new Set() }));
  const present = new Set<string>();
  const names = pcs.map((pc) => {
    const m = new Map<string, number>();
    for (const [k, s] of sections) {
      const v = pc.context.length ? best(s, pc.context) : 0;
      m.set(k, v);
      if (v >= NAMES) present.add(k);
    }
    return m;
  });
  const count = new Map<string, number>();
  for (const p of pts) for (const l of new Set([...p.own, ...p.free, ...p.contested])) count.set(l, (count.get(l) ?? 0) + 1);
  pts.forEach((p) => {
    const own = p.sections[p.sections.length - 1];
    if (!own || present.has(sectionKey(own))) return;
    const distinct = [...p.own, ...p.free].filter((l) => count.get(l) === 1 && l.length > SHORT_LABEL - 2);
    if (distinct.length && pcs.some((pc) => best(distinct, pc.labels) >= settings.fillAt)) present.add(sectionKey(own));
  });
  return names.map((n) => ({ names: n, present }));
}

/**
 * One-to-one assignment, best scores first. A pair whose control scores within `tieMargin` for
 * another open field, or whose field scores so for another open control, is ambiguous: neither is
 * filled from it.
 */
export function assignFields(targets: readonly MatchTarget[], candidates: readonly MatchCandidate[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): MatchResult {
  // a synonym that is another field's own title (企业性质 for 单位类型) names that field first
  const titles = new Set(targets.flatMap((t) => (t.labels.length ? labelVariants(t.labels[0], settings.ignore) : [])));
  const pts = targets.map((t) => {
    const mine = new Set(t.labels.length ? labelVariants(t.labels[0], settings.ignore) : []);
    return prepTarget(t, settings, new Set([...titles].filter((x) => !mine.has(x))));
  });
  const pcs = candidates.map((c) => prepCandidate(c, settings));
  const pairs: MatchPair[] = [];
  memo = new Map();
  try {
    const views = sectionViews(pts, pcs, settings);
    targets.forEach((t, ti) => {
      candidates.forEach((c, ci) => {
        const score = scorePrepared(t, pts[ti], c, pcs[ci], settings, views[ci]);
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
