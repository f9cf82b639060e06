/**
 * Runs one fill plan in the page: find each field, check a person could see and edit it, remember
 * what it held, set it like a user would, read it back. The result is the report and the undo list.
 * DOM only — no extension APIs here, so it is testable with happy-dom and reusable by the bench.
 *
 * Fields come three ways: a portal map's selector or exact label; without a map, the scored matcher
 * (core/fill/match-fields.ts) assigns page controls to draft fields one to one; lists go into the
 * table whose headers name their columns, adding rows with its add button.
 */
import { DEFAULT_MATCH_SETTINGS, assignFields, scorePair, type MatchCandidate, type MatchSettings, type MatchTarget } from '../core/fill/match-fields';
import { labelKeys } from '../core/fill/normalize-label';
import type { FillOutcome, FillReport, FillValue, PlanItem } from '../core/fill/types';
import { controlFor, FillFailure, type Control } from './controls/controls';
import { fileFrom, type FileControl } from './controls/file-controls';
import { click as clickEl } from './dom/click';
import { findUnits, type FieldUnit } from './dom/find-units';
import { hasStepsBar, inHiddenPanel } from './dom/steps';
import { findListTables, removeButtonIn, rowCells, type ListTable } from './dom/tables';
import { findRepeaters, unitsIn, type Repeater } from './dom/repeaters';
import { isHidden, isOffScreen, resetVisibilityCache, unusableReason, type UnusableReason } from './dom/visibility';
import { nextFrame, sleep, waitFor } from './dom/wait';
import { closeOpenedPopups, openPopups } from './dom/popups-opened';
import { collectDocuments } from './frames';
import { showValue, showsValue, sameValue } from './values';
import { oneToOne } from '../core/fill/one-to-one';

export interface UndoEntry {
  control: Control;
  before: FillValue | null;
  title: string;
}

export interface AddedRow {
  row: Element;
  /** a map's selector for the row's remove button */
  removeRow?: string;
  /** the remove button found in a row added without a map */
  removeButton?: Element;
}

/** A control the matcher thought might be the field, below the bar for filling it (可能是 …). */
export interface Suggestion {
  item: PlanItem;
  unit: FieldUnit;
  control: Control;
  label: string;
}

export interface FillRun {
  report: FillReport;
  undo: UndoEntry[];
  addedRows: AddedRow[];
  /** by outcome id: the suggested control, for a one-click accept */
  suggestions: Map<string, Suggestion>;
}

export interface FillOptions {
  settings?: MatchSettings;
}

type Keyed = FieldUnit & { keys: Set<string> };

const keyed = (u: FieldUnit): Keyed => ({ ...u, keys: new Set(u.labels.flatMap(labelKeys)) });

// IME: never write into a field while the user is composing text in it
const composing = new WeakSet<EventTarget>();
export function watchComposition(doc: Document): void {
  doc.addEventListener('compositionstart', (e) => e.target && composing.add(e.target), true);
  doc.addEventListener('compositionend', (e) => e.target && composing.delete(e.target), true);
}

/**
 * How long a control may take to show a value after it was set before it counts as not stuck. Apps
 * re-render asynchronously (React batches, Ant Design's InputNumber reformats after its own update),
 * and on a busy machine that took longer than 300 ms in CI; the wait ends as soon as the value shows.
 */
const READ_BACK_MS = 1500;
/**
 * A native control (`sync`) shows its value in the task that set it; a page script that refuses it
 * (a controlled React input) puts the old one back within its own event handler or the next render.
 * Waiting the library read-back for it made every refused option cost 1.5 s of the fill.
 */
const SYNC_READ_BACK_MS = 150;
/** A date picker offered the next format of a date sooner: a parse it refused shows nothing more later. */
const DATE_ATTEMPT_MS = 250;
const MAX_DATE_ATTEMPTS = 4;
/** How long a date must keep showing after it was set (a picker reverts refused text on close, after a render). */
const DATE_SETTLE_MS = 120;

/** How much better a list's item must fit a control than the single field it was suggested to. */
const CLEARLY_BETTER = 0.15;

const base = (item: PlanItem) => ({ id: item.id, path: item.path, title: item.title, value: showValue(item.value) });

async function rowElement(docs: Document[], item: PlanItem, added: AddedRow[]): Promise<Element | null> {
  const row = item.row!;
  const rowsIn = () => docs.flatMap((d) => [...d.querySelectorAll(row.rows!)]);
  let rows = rowsIn();
  let guard = 0;
  while (rows.length <= row.index && row.addRow && guard++ < 50) {
    const button = docs.map((d) => d.querySelector(row.addRow!)).find(Boolean);
    // a button the user cannot see (another step of a wizard) adds rows the user cannot see either
    if (!button || (button as HTMLButtonElement).disabled || isHidden(button) || isOffScreen(button)) break;
    const before = rows.length;
    clickEl(button);
    const grown = await waitFor(() => rowsIn().length > before, 1500);
    if (!grown) break;
    rows = rowsIn();
    added.push({ row: rows[rows.length - 1], removeRow: row.removeRow });
  }
  return rows[row.index] ?? null;
}

function exactCandidates(item: PlanItem, docs: Document[], units: Keyed[], scope: Element | null): FieldUnit[] {
  if ('selector' in item.match) {
    const sel = item.match.selector;
    const found = scope ? [...scope.querySelectorAll(sel)] : docs.flatMap((d) => [...d.querySelectorAll(sel)]);
    return found.map((root) => ({ root, labels: [] }));
  }
  const wanted = item.match.labels;
  const pool = scope ? findUnits(scope).map(keyed) : units;
  return pool.filter((u) => wanted.some((l) => u.keys.has(l)));
}

const isScored = (item: PlanItem): boolean => 'scored' in item.match && item.match.scored === true;

/** What the matcher knows of a draft item. */
function targetOf(item: PlanItem): MatchTarget {
  const m = item.match as { labels: string[]; context?: string[]; hints?: string[]; sections?: string[][] };
  return {
    id: item.id,
    labels: m.labels,
    context: m.context ?? [],
    hints: m.hints,
    sections: m.sections,
    kind: item.kind === 'toggle' ? 'toggle' : item.kind,
    forms: [...(typeof item.value === 'string' ? [item.value] : []), ...(item.forms?.texts ?? []), ...(item.forms?.each ?? []).flat()],
    // a count or a sum of the draft's lists goes only where a number is asked for
    ...(item.derived && typeof item.value === 'string' && /^\d+(\.\d+)?$/.test(item.value) ? { quantity: true } : {}),
  };
}

/**
 * Within a table already known to hold a list, a column header is read against the list's columns
 * only, so a shorter header (等级 for 申报等级) is enough: the table's other columns and its heading
 * have said what the rows are.
 */
const columnSettings = (s: MatchSettings): MatchSettings => ({ ...s, fillAt: Math.max(s.suggestAt, s.fillAt - 0.15) });

/**
 * A list the page shows no table for may still be asked for as single fields (考核点名称 for a draft
 * with one site, 督导人员 for its one supervisor): its first item's fields are offered to the matcher,
 * a short column title (姓名) read together with the list's title so it never competes with the
 * contact's 姓名.
 */
function firstItemTarget(item: PlanItem): MatchTarget {
  const t = targetOf(item);
  const title = item.row?.title;
  const labels = t.labels.flatMap((l) => (l.replace(/\s+/g, '').length <= 3 ? (title ? [`${title}${l}`] : []) : [l]));
  return { ...t, labels };
}

/** What the matcher knows of a page control. */
function candidateOf(unit: FieldUnit, control: Control): MatchCandidate {
  let options: string[] | undefined;
  try {
    options = control.options?.().slice(0, 60);
  } catch {
    options = undefined;
  }
  return { labels: unit.labels, context: unit.context ?? [], kind: control.role ?? 'text', options };
}

interface Live {
  unit: FieldUnit;
  control: Control;
}

export class FillSession {
  readonly outcomes: FillOutcome[] = [];
  readonly undo: UndoEntry[] = [];
  readonly addedRows: AddedRow[] = [];
  readonly suggestions = new Map<string, Suggestion>();
  readonly taken = new Set<Element>();

  constructor(readonly top: Document | null = null) {}

  /** A material into an upload control; the report lists the file by name. */
  private async upload(item: PlanItem, control: Control, b: Omit<FillOutcome, 'status'>, started: number): Promise<FillOutcome> {
    const fc = control as FileControl;
    if (item.kind !== 'file' || !item.file || typeof fc.attach !== 'function') return { ...b, status: 'skipped', reason: 'unsupported' };
    if (!item.file.data) return { ...b, status: 'skipped', reason: 'no-file' };
    if (showsValue(fc.read(), [item.file.name])) return { ...b, status: 'filled', detail: 'unchanged' };
    try {
      await fc.attach(fileFrom(control.root.ownerDocument, item.file.data, item.file.name, item.file.type));
    } catch (e) {
      return { ...b, status: 'failed', reason: 'error', detail: String((e as Error)?.message ?? e) };
    }
    const name = item.file.name;
    const ok = await waitFor(() => (fc.read() as string[]).includes(name), READ_BACK_MS);
    const ms = Math.round(performance.now() - started);
    return ok ? { ...b, status: 'filled', detail: name, ms } : { ...b, status: 'failed', reason: 'did-not-stick', detail: name, ms };
  }

  /** Fills one item into one control and records the outcome. */
  async fillInto(item: PlanItem, control: Control): Promise<FillOutcome> {
    const started = performance.now();
    const doc = control.root.ownerDocument;
    // an outcome in a frame names the frame: the report is per frame
    const b = { ...base(item), ...(this.top && doc !== this.top ? { frame: doc.URL } : {}) };
    const done = (o: FillOutcome): FillOutcome => {
      this.outcomes.push(o);
      return o;
    };
    if (this.taken.has(control.root)) return done({ ...b, status: 'skipped', reason: 'taken' });
    this.taken.add(control.root);
    if (control.textInputs.some((i) => composing.has(i))) {
      const idle = await waitFor(() => !control.textInputs.some((i) => composing.has(i)), 2000);
      if (!idle) return done({ ...b, status: 'skipped', reason: 'composing' });
    }
    if (item.kind === 'file' || control.role === 'file') return done(await this.upload(item, control, b, started));
    const ordered = item.kind === 'cascade' || control.role === 'cascade';
    const before = control.read();
    if (showsValue(before, item.value, item.forms, undefined, ordered)) return done({ ...b, status: 'filled', detail: 'unchanged' });
    // a date picker parses its own display format: offer the date's forms in turn, the likeliest first
    // (a picker chosen in its popup takes the date itself)
    const attempts: FillValue[] =
      control.role === 'date' && control.textInputs.length && item.forms?.texts?.length
        ? [item.value, ...item.forms.texts.filter((t) => /^\d{4}/.test(t) && t !== item.value)].slice(0, MAX_DATE_ATTEMPTS)
        : [item.value];
    let stuck = false;
    for (const [i, attempt] of attempts.entries()) {
      try {
        await control.write(attempt, item.forms);
        if (!control.sync) await sleep(0);
      } catch (e) {
        // a control may have changed before it failed (some options of a multiple select): undo covers it
        if (!sameValue(control.read(), before ?? '')) this.undo.push({ control, before, title: item.title });
        const ms = Math.round(performance.now() - started);
        if (e instanceof FillFailure) return done({ ...b, status: 'failed', reason: e.reason, detail: e.detail, ms });
        return done({ ...b, status: 'failed', reason: 'error', detail: String((e as Error)?.message ?? e), ms });
      }
      if (i === 0) this.undo.push({ control, before, title: item.title });
      const last = i === attempts.length - 1;
      const shows = () => showsValue(control.read(), item.value, item.forms, control.picked, ordered);
      stuck = !!(await waitFor(shows, !last ? DATE_ATTEMPT_MS : control.sync ? SYNC_READ_BACK_MS : READ_BACK_MS));
      // a picker shows typed text at once and may throw it away when it closes (its model refused the
      // format): only a value still shown once the page has settled counts as filled
      if (stuck && control.role === 'date' && !control.sync) {
        await sleep(DATE_SETTLE_MS);
        await nextFrame();
        stuck = shows();
      }
      if (stuck) break;
    }
    const ms = Math.round(performance.now() - started);
    return done(stuck ? { ...b, status: 'filled', ms } : { ...b, status: 'failed', reason: 'did-not-stick', detail: showValue(control.read()), ms });
  }
}

export async function fillPage(top: Document, fillId: string, items: PlanItem[], opts: FillOptions = {}): Promise<FillRun> {
  const t0 = performance.now();
  const settings = opts.settings ?? DEFAULT_MATCH_SETTINGS;
  const { docs, crossOrigin } = collectDocuments(top);
  resetVisibilityCache();
  const popupsBefore = openPopups(docs);
  const session = new FillSession(top);
  // on a wizard, what is missing or hidden with its panel belongs to another step: say so
  const wizard = hasStepsBar(docs);
  const allUnits = docs.flatMap((d) => findUnits(d));

  const exact = items.filter((i) => !isScored(i));
  const scored = items.filter((i) => isScored(i) && !i.row);
  const listed = items.filter((i) => isScored(i) && i.row);

  // lists first: their tables' controls are not offered to single fields
  // a table a portal map fills (its rows or its add button are the map's) is not offered to another list
  const mapRows = exact.flatMap((i) => (i.row?.rows ? [i.row] : []));
  const mapsTable = (t: ListTable) =>
    mapRows.some((r) => {
      try {
        return (!!r.addRow && !!t.addButton?.matches(r.addRow)) || [...t.root.ownerDocument.querySelectorAll(r.rows!)].some((row) => t.root.contains(row));
      } catch {
        return false;
      }
    });
  const tables = findListTables(docs).filter((t) => !mapsTable(t));
  const placed = placeLists(listed, tables, settings);
  // (an item worded exactly like a single field of the draft — a site's 配备视频监控系统 beside the
  // institution's — is never taken for one: the page's lone field is the single one)
  const singleWords = new Set(scored.flatMap((i) => ('labels' in i.match ? i.match.labels : []).flatMap(labelKeys)));
  const looseFirst = listed.filter(
    (i) => i.row!.index === 0 && !placed.has(i.row!.array) && !('labels' in i.match && i.match.labels.flatMap(labelKeys).some((k) => singleWords.has(k))),
  );
  const inTables = (el: Element) => [...placed.values()].some((t) => t.root.contains(el));

  // every control is looked at before any is written: measuring a page whose layout a write just changed
  // costs a layout per field; the view is scrolled back where the user left it afterwards
  const scrolls = docs.map((d) => ({ w: d.defaultView, x: d.defaultView?.scrollX ?? 0, y: d.defaultView?.scrollY ?? 0 }));
  // a map's fields (rows of a map's tables are found once their rows exist)
  const units = allUnits.map(keyed);
  const resolved = new Map<PlanItem, Control | FillOutcome>();
  for (const item of exact) if (!item.row?.rows) resolved.set(item, resolveExact(item, docs, units, null, wizard));
  const claimed = [...resolved.values()].filter((r): r is Control => !('status' in r)).map((c) => c.root);

  // single fields by the scored matcher, over the controls a person can see and edit
  const pool: Live[] = [];
  const unusable: Array<Live & { why: UnusableReason | 'unsupported' }> = [];
  for (const unit of allUnits) {
    if (inTables(unit.root) || claimed.some((t) => unit.root === t || unit.root.contains(t) || t.contains(unit.root))) continue;
    const control = controlFor(unit.root);
    if (!control) continue;
    const why = unusableReason(control.root, control.inputs, control.textInputs);
    if (why) unusable.push({ unit, control, why });
    else pool.push({ unit, control });
  }
  const targets = scored.map(targetOf);
  let assignment = assignFields(targets, pool.map((l) => candidateOf(l.unit, l.control)), settings);
  // a control about to be filled, or one that makes a field ambiguous, is looked at once more for a
  // cover over it: visibility is decided before ambiguity (a covered trap labelled like the real field
  // must not keep the real one from being filled); a covered one leaves the pool
  const looked = new Set<Live>();
  for (let round = 0; round < 4; round++) {
    const contenders = [...assignment.assigned.map((p) => p.candidate), ...assignment.ambiguous.flatMap((a) => a.candidates)].map((i) => pool[i]).filter((l) => !looked.has(l));
    const covered = [...new Set(contenders)].filter((l) => {
      looked.add(l);
      const why = unusableReason(l.control.root, l.control.inputs, l.control.textInputs, { hitTest: true });
      if (why) unusable.push({ ...l, why });
      return !!why;
    });
    if (!covered.length) break;
    const gone = new Set(covered);
    const kept = pool.filter((l) => !gone.has(l));
    pool.splice(0, pool.length, ...kept);
    assignment = assignFields(targets, pool.map((l) => candidateOf(l.unit, l.control)), settings);
  }
  const byTarget = new Map(assignment.assigned.map((p) => [p.target, pool[p.candidate]]));
  // a list's first item takes only the controls no single field wanted (assigned or ambiguous), and
  // only when it fits the list's item clearly better than any single field still open: the site's
  // 配备视频监控系统 never competes with the institution's like-worded field
  const wanted = new Set([...assignment.assigned.map((p) => p.candidate), ...assignment.ambiguous.flatMap((a) => a.candidates)]);
  const spare = pool.filter((_, i) => !wanted.has(i));
  const sameValued = new Map<Live, string[]>();
  for (const p of assignment.suggested) {
    const single = scored.find((i) => i.id === p.target);
    if (single) sameValued.set(pool[p.candidate], [...(sameValued.get(pool[p.candidate]) ?? []), showValue(single.value)]);
  }
  if (looseFirst.length && spare.length) {
    const spareCands = spare.map((l) => candidateOf(l.unit, l.control));
    const loose = assignFields(looseFirst.map(firstItemTarget), spareCands, settings);
    const open = targets.filter((t) => !byTarget.has(t.id));
    for (const p of loose.assigned) {
      const l = spare[p.candidate];
      // the best any single field still open scores for this control
      const rival = Math.max(0, ...open.map((t) => scorePair(t, spareCands[p.candidate], settings)));
      if (p.score - rival < CLEARLY_BETTER) continue;
      // a control suggested (可能是) to a single field holding the same value is that field's
      const item = looseFirst.find((i) => i.id === p.target);
      if (item && sameValued.get(l)?.some((v) => v === showValue(item.value))) continue;
      if (!unusableReason(l.control.root, l.control.inputs, l.control.textInputs, { hitTest: true })) byTarget.set(p.target, l);
    }
  }
  const ambiguous = new Map(assignment.ambiguous.map((a) => [a.target, a.candidates.length]));
  const suggested = new Map(assignment.suggested.map((p) => [p.target, { live: pool[p.candidate], score: p.score }]));
  // for the report: the hidden or disabled control that would have matched a field nothing else took
  const blocked = unusable.length ? assignFields(targets, unusable.map((l) => candidateOf(l.unit, l.control)), settings) : null;
  for (const s of scrolls) if (s.w && (s.w.scrollX !== s.x || s.w.scrollY !== s.y)) s.w.scrollTo(s.x, s.y);

  for (const item of exact) {
    const r = resolved.get(item);
    if (!r) await fillMapRow(item, docs, session, wizard);
    else if ('status' in r) session.outcomes.push(r);
    else await session.fillInto(item, r);
  }

  for (const item of scored) {
    const live = byTarget.get(item.id);
    if (live) {
      await session.fillInto(item, live.control);
      continue;
    }
    const b = base(item);
    if (ambiguous.has(item.id)) {
      session.outcomes.push({ ...b, status: 'skipped', reason: 'ambiguous', detail: String(ambiguous.get(item.id)) });
      continue;
    }
    // a blocked control worded like several fields (two 职务) is still reported blocked, not missing
    const block = blocked?.assigned.find((p) => p.target === item.id) ?? blocked?.ambiguous.find((a) => a.target === item.id && a.candidates.length);
    if (block) {
      const u = unusable['candidate' in block ? block.candidate : block.candidates[0]];
      const otherStep = wizard && u.why === 'hidden' && inHiddenPanel(u.control.root);
      session.outcomes.push({ ...b, status: 'skipped', reason: otherStep ? 'other-step' : u.why });
      continue;
    }
    const s = suggested.get(item.id);
    // derived summaries are offered in case a page asks for them: absent is not a problem to report,
    // but a field that may be one (评价职业数 for 申报职业数量) is, like any other 可能是 …
    if (item.derived && !s) continue;
    if (s) {
      const label = s.live.unit.labels[0] ?? '';
      session.suggestions.set(item.id, { item, unit: s.live.unit, control: s.live.control, label });
      session.outcomes.push({ ...b, status: 'not-found', reason: 'maybe', suggestion: { label, score: Math.round(s.score * 100) / 100 } });
      continue;
    }
    session.outcomes.push({ ...b, status: 'not-found', reason: wizard ? 'other-step' : 'no-field' });
  }

  const asSingle = new Set<string>();
  for (const item of looseFirst) {
    const live = byTarget.get(item.id);
    if (!live) continue;
    asSingle.add(item.id);
    await session.fillInto(item, live.control);
  }
  const rest = listed.filter((i) => !asSingle.has(i.id));
  // a list with no table may be a repeater: groups of fields an add button outside any table adds
  const repeated = placeRepeaters(rest.filter((i) => !placed.has(i.row!.array)), findRepeaters(docs, tables.map((t) => t.root)), settings);
  for (const [array, rep] of repeated) await fillRepeater(rest.filter((i) => i.row!.array === array), rep, session, settings);
  await fillLists(
    rest.filter((i) => !repeated.has(i.row!.array)),
    placed,
    session,
    settings,
    wizard,
  );
  await closeOpenedPopups(docs, popupsBefore);

  const order = new Map(items.map((it, i) => [it.id, i]));
  const outcomes = [...session.outcomes].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    report: { fillId, url: top.defaultView?.location.href ?? '', outcomes, crossOriginFrames: crossOrigin, elapsedMs: Math.round(performance.now() - t0) },
    undo: session.undo,
    addedRows: session.addedRows,
    suggestions: session.suggestions,
  };
}

/** A map's field: by selector or exact label; several usable matches are ambiguous (an outcome, not a guess). */
function resolveExact(item: PlanItem, docs: Document[], units: Keyed[], scope: Element | null, wizard: boolean): Control | FillOutcome {
  const b = base(item);
  const found = exactCandidates(item, docs, units, scope);
  if (!found.length) return { ...b, status: 'not-found', reason: wizard ? 'other-step' : 'no-field' };
  const checked = found.map((u) => {
    const control = controlFor(u.root);
    const why = control ? unusableReason(control.root, control.inputs, control.textInputs, { hitTest: true }) : 'unsupported';
    return { control, why };
  });
  const usable = checked.filter((c) => c.control && !c.why);
  if (!usable.length) {
    const why = checked[0].why ?? 'unsupported';
    const otherStep = wizard && why === 'hidden' && checked.every((c) => c.control && inHiddenPanel(c.control.root));
    return { ...b, status: 'skipped', reason: otherStep ? 'other-step' : why };
  }
  if (usable.length > 1) return { ...b, status: 'skipped', reason: 'ambiguous', detail: String(usable.length) };
  return usable[0].control!;
}

/** A field in a row of a map's table: the row is found (added if needed) first. */
async function fillMapRow(item: PlanItem, docs: Document[], session: FillSession, wizard: boolean): Promise<void> {
  const scope = await rowElement(docs, item, session.addedRows);
  if (!scope) {
    session.outcomes.push({ ...base(item), status: 'not-found', reason: wizard ? 'other-step' : 'row-missing' });
    return;
  }
  const r = resolveExact(item, docs, [], scope, wizard);
  if ('status' in r) session.outcomes.push(r);
  else await session.fillInto(item, r);
}

/** Each list (by array pointer) placed in the table whose headers best name its columns, one to one. */
function placeLists(listed: PlanItem[], tables: ListTable[], settings: MatchSettings): Map<string, ListTable> {
  if (!listed.length || !tables.length) return new Map();
  const arrays = new Map<string, PlanItem[]>();
  for (const it of listed) arrays.set(it.row!.array, [...(arrays.get(it.row!.array) ?? []), it]);
  const pairs: Array<{ key: string; value: ListTable; score: number }> = [];
  for (const [array, its] of arrays) {
    // one target per column (the first row's items stand for all rows)
    const columns = new Map<string, PlanItem>();
    for (const it of its) {
      const col = it.path.replace(/\/\d+\//, '/*/');
      if (!columns.has(col)) columns.set(col, it);
    }
    const targets = [...columns.values()].map((it) => ({ ...targetOf(it), id: it.path.replace(/\/\d+\//, '/*/'), kind: undefined, forms: undefined }));
    for (const table of tables) {
      const cands: MatchCandidate[] = table.headers.map((h) => ({ labels: [h], context: table.context }));
      // the table is a list's when one column names itself plainly and enough others follow within it
      const strict = assignFields(targets, cands, settings).assigned.length;
      if (!strict) continue;
      const r = assignFields(targets, cands, columnSettings(settings));
      // a table is a list's when its columns find headers; two lists with like columns (姓名, 身份证号)
      // are told apart by how much of the table they explain and by the section around it
      const matched = r.assigned.length;
      const need = Math.min(2, targets.length);
      if (matched < need) continue;
      const meaningful = table.headers.filter((h) => h.trim() && !/^(操作|序号|编号|#|删除)$/.test(h.trim())).length || 1;
      const columns = r.assigned.reduce((a, p) => a + p.score, 0) / targets.length;
      const headers = matched / meaningful;
      // the list's own title (考评人员) against the table's heading
      const title = its[0].row?.title ?? targets[0].context[targets[0].context.length - 1];
      const section = table.context.length && title ? scorePair({ id: '', labels: [title], context: [] }, { labels: table.context, context: [] }, settings) : 0.5;
      pairs.push({ key: array, value: table, score: 0.4 * columns + 0.3 * headers + 0.3 * section });
    }
  }
  return oneToOne(pairs);
}

/** Each list without a table given the repeater whose add button and section name it best, one to one. */
function placeRepeaters(listed: PlanItem[], repeaters: Repeater[], settings: MatchSettings): Map<string, Repeater> {
  const titles = new Map<string, string>();
  for (const it of listed) if (it.row?.title) titles.set(it.row.array, it.row.title);
  const pairs: Array<{ key: string; value: Repeater; score: number }> = [];
  for (const [array, title] of titles) {
    for (const rep of repeaters) {
      if (!rep.context.length) continue;
      const score = scorePair({ id: '', labels: [title], context: [] }, { labels: rep.context, context: [] }, settings);
      if (score >= settings.suggestAt) pairs.push({ key: array, value: rep, score });
    }
  }
  return oneToOne(pairs);
}

/** Units split into rows where the first unit's label comes round again (rows already on the page). */
function rowsOf(units: FieldUnit[]): FieldUnit[][] {
  const rows: FieldUnit[][] = [];
  for (const u of units) {
    const cur = rows[rows.length - 1];
    if (!cur || (cur[0].labels[0] ?? '') === (u.labels[0] ?? '')) rows.push([u]);
    else cur.push(u);
  }
  return rows;
}

function commonAncestor(els: Element[]): Element {
  let c: Element = els[0].parentElement ?? els[0];
  while (c.parentElement && !els.every((e) => c.contains(e))) c = c.parentElement;
  return c;
}

/**
 * Fills a list into a repeater row by row: a row missing is added with the button, and the fields that
 * appear are that row; its fields are matched to the item's by their labels. A first row added that
 * fits none of the item's fields is taken away again: that button was not the list's.
 */
async function fillRepeater(its: PlanItem[], rep: Repeater, session: FillSession, settings: MatchSettings): Promise<void> {
  const byIndex = new Map<number, PlanItem[]>();
  for (const it of its) byIndex.set(it.row!.index, [...(byIndex.get(it.row!.index) ?? []), it]);
  const rows = rowsOf(unitsIn(rep));
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const items = byIndex.get(index)!;
    let added: AddedRow | null = null;
    while (rows.length <= index) {
      const before = new Set(unitsIn(rep).map((u) => u.root));
      if ((rep.button as HTMLButtonElement).disabled || isHidden(rep.button)) break;
      clickEl(rep.button);
      const fresh = await waitFor(() => {
        const now = unitsIn(rep).filter((u) => !before.has(u.root));
        return now.length ? now : null;
      }, 1500);
      if (!fresh) break;
      // a framework may render the row's fields over a frame or two: the row is read once it settles
      await nextFrame();
      const row = unitsIn(rep).filter((u) => !before.has(u.root));
      rows.push(row);
      const box = commonAncestor(row.map((u) => u.root));
      const remove = removeButtonIn(box);
      added = { row: box, ...(remove ? { removeButton: remove } : {}) };
      session.addedRows.push(added);
    }
    const row = rows[index];
    if (!row) {
      for (const it of items) session.outcomes.push({ ...base(it), status: 'not-found', reason: 'row-missing' });
      continue;
    }
    const live = row.flatMap((u) => {
      const control = controlFor(u.root);
      return control && !unusableReason(control.root, control.inputs, control.textInputs) ? [{ unit: u, control }] : [];
    });
    const r = assignFields(
      items.map((it) => ({ ...targetOf(it), context: [] })),
      live.map((l) => ({ labels: l.unit.labels, context: [], kind: l.control.role, options: l.control.options?.() })),
      columnSettings(settings),
    );
    if (!r.assigned.length && added && index === 0) {
      // not this list's rows: put the page back as it was
      if (added.removeButton) clickEl(added.removeButton);
      session.addedRows.pop();
      for (const it of its) session.outcomes.push({ ...base(it), status: 'not-found', reason: 'no-list' });
      return;
    }
    for (const it of items) {
      const p = r.assigned.find((x) => x.target === it.id);
      if (p) await session.fillInto(it, live[p.candidate].control);
      else session.outcomes.push({ ...base(it), status: 'not-found', reason: 'no-column' });
    }
  }
}

/** Fills each placed list row by row, adding rows with the table's add button as needed. */
async function fillLists(listed: PlanItem[], placed: Map<string, ListTable>, session: FillSession, settings: MatchSettings, wizard: boolean): Promise<void> {
  const byRow = new Map<string, PlanItem[]>();
  for (const it of listed) {
    const k = `${it.row!.array}\u0000${it.row!.index}`;
    byRow.set(k, [...(byRow.get(k) ?? []), it]);
  }
  for (const its of byRow.values()) {
    const { array, index } = its[0].row!;
    const table = placed.get(array);
    const notHere = (reason: string) => {
      for (const it of its) session.outcomes.push({ ...base(it), status: 'not-found', reason });
    };
    if (!table) {
      notHere(wizard ? 'other-step' : 'no-list');
      continue;
    }
    let rows = table.rows();
    let guard = 0;
    while (rows.length <= index && table.addButton && guard++ < 50) {
      const button = table.addButton;
      if ((button as HTMLButtonElement).disabled || isHidden(button) || isOffScreen(button)) break;
      const before = rows.length;
      clickEl(button);
      if (!(await waitFor(() => table.rows().length > before, 1500))) break;
      rows = table.rows();
      const row = rows[rows.length - 1];
      const remove = removeButtonIn(row);
      session.addedRows.push({ row, ...(remove ? { removeButton: remove } : {}) });
    }
    const row = rows[index];
    if (!row) {
      notHere('row-missing');
      continue;
    }
    // the row's controls, each named by the header above its cell
    const cells = rowCells(table, row)
      .map(({ cell, header }) => ({ cell, header, control: controlFor(cell) }))
      .filter((c): c is { cell: Element; header: string; control: Control } => !!c.control);
    const usable = cells.filter((c) => !unusableReason(c.control.root, c.control.inputs, c.control.textInputs));
    const r = assignFields(
      its.map((it) => ({ ...targetOf(it), context: [] })),
      usable.map((c) => ({ labels: [c.header], context: [], kind: c.control.role, options: c.control.options?.() })),
      columnSettings(settings),
    );
    for (const it of its) {
      const p = r.assigned.find((x) => x.target === it.id);
      if (p) await session.fillInto(it, usable[p.candidate].control);
      else session.outcomes.push({ ...base(it), status: 'not-found', reason: 'no-column' });
    }
  }
}

/** Fills a suggested pair the user accepted in the report; returns its new outcome. */
export async function acceptSuggestion(run: FillRun, id: string): Promise<FillOutcome | null> {
  const s = run.suggestions.get(id);
  if (!s) return null;
  const session = new FillSession();
  const o = await session.fillInto(s.item, s.control);
  run.undo.push(...session.undo);
  run.suggestions.delete(id);
  const k = run.report.outcomes.findIndex((x) => x.id === id);
  if (k >= 0) run.report.outcomes[k] = o;
  return o;
}

/** Puts every touched field back, newest first; returns how many could not be restored. */
export async function undoFill(run: FillRun): Promise<{ restored: number; failed: string[] }> {
  let restored = 0;
  const failed: string[] = [];
  for (const entry of [...run.undo].reverse()) {
    try {
      if (entry.before === null) continue;
      const empty = entry.before === '' || (Array.isArray(entry.before) && entry.before.length === 0);
      if (empty && entry.control.clear) await entry.control.clear();
      else await entry.control.write(entry.before);
      await nextFrame();
      const before = entry.before;
      if (await waitFor(() => sameValue(entry.control.read(), before), READ_BACK_MS)) restored++;
      else failed.push(entry.title);
    } catch {
      failed.push(entry.title);
    }
  }
  for (const added of [...run.addedRows].reverse()) {
    const btn = added.removeButton ?? (added.removeRow ? added.row.querySelector(added.removeRow) : null);
    if (btn) clickEl(btn);
    await nextFrame();
  }
  run.undo = [];
  run.addedRows = [];
  return { restored, failed };
}
