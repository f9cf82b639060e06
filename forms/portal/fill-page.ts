/**
 * Runs one fill plan in the page: find each field, check it is safe to touch, remember what it
 * held, set it like a user would, read it back. The result is the report and the undo list.
 * DOM only — no extension APIs here, so it is testable with happy-dom and reusable by the bench.
 */
import { labelKeys } from '../core/fill/normalize-label';
import type { FillOutcome, FillReport, FillValue, PlanItem } from '../core/fill/types';
import { controlFor, FillFailure, type Control } from './controls/controls';
import { click as clickEl } from './dom/click';
import { findUnits, type FieldUnit } from './dom/find-units';
import { hasStepsBar, inHiddenPanel } from './dom/steps';
import { isHidden, isOffScreen, unusableReason } from './dom/visibility';
import { nextFrame, sleep, waitFor } from './dom/wait';
import { collectDocuments } from './frames';
import { sameValue, showValue } from './values';

export interface UndoEntry {
  control: Control;
  before: FillValue | null;
  title: string;
}

export interface AddedRow {
  row: Element;
  removeRow?: string;
}

export interface FillRun {
  report: FillReport;
  undo: UndoEntry[];
  addedRows: AddedRow[];
}

type Keyed = FieldUnit & { keys: Set<string> };

const keyed = (u: FieldUnit): Keyed => ({ ...u, keys: new Set(u.labels.flatMap(labelKeys)) });

// IME: never write into a field while the user is composing text in it
const composing = new WeakSet<EventTarget>();
export function watchComposition(doc: Document): void {
  doc.addEventListener('compositionstart', (e) => e.target && composing.add(e.target), true);
  doc.addEventListener('compositionend', (e) => e.target && composing.delete(e.target), true);
}

async function rowElement(docs: Document[], item: PlanItem, added: AddedRow[]): Promise<Element | null> {
  const row = item.row!;
  const rowsIn = () => docs.flatMap((d) => [...d.querySelectorAll(row.rows)]);
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

function candidatesFor(item: PlanItem, docs: Document[], units: Keyed[], scope: Element | null): FieldUnit[] {
  if ('selector' in item.match) {
    const sel = item.match.selector;
    const found = scope ? [...scope.querySelectorAll(sel)] : docs.flatMap((d) => [...d.querySelectorAll(sel)]);
    return found.map((root) => ({ root, labels: [] }));
  }
  const wanted = item.match.labels;
  const pool = scope ? findUnits(scope).map(keyed) : units;
  return pool.filter((u) => wanted.some((l) => u.keys.has(l)));
}

export async function fillPage(top: Document, fillId: string, items: PlanItem[]): Promise<FillRun> {
  const t0 = performance.now();
  const { docs, crossOrigin } = collectDocuments(top);
  const units = docs.flatMap((d) => findUnits(d).map(keyed));
  const outcomes: FillOutcome[] = [];
  const undo: UndoEntry[] = [];
  const addedRows: AddedRow[] = [];
  const taken = new Set<Element>();
  // on a wizard, what is missing or hidden with its panel belongs to another step: say so
  const wizard = hasStepsBar(docs);

  for (const item of items) {
    const started = performance.now();
    const base = { id: item.id, path: item.path, title: item.title, value: showValue(item.value) };
    let scope: Element | null = null;
    if (item.row) {
      scope = await rowElement(docs, item, addedRows);
      if (!scope) {
        outcomes.push({ ...base, status: 'not-found', reason: wizard ? 'other-step' : 'row-missing' });
        continue;
      }
    }
    const found = candidatesFor(item, docs, units, scope);
    if (!found.length) {
      outcomes.push({ ...base, status: 'not-found', reason: wizard ? 'other-step' : 'no-field' });
      continue;
    }
    const checked = found.map((u) => {
      const control = controlFor(u.root);
      const why = control ? unusableReason(control.root, control.inputs, control.textInputs) : 'unsupported';
      return { control, why };
    });
    const usable = checked.filter((c) => c.control && !c.why);
    if (!usable.length) {
      const why = checked[0].why ?? 'unsupported';
      const otherStep = wizard && why === 'hidden' && checked.every((c) => c.control && inHiddenPanel(c.control.root));
      outcomes.push({ ...base, status: 'skipped', reason: otherStep ? 'other-step' : why });
      continue;
    }
    if (usable.length > 1) {
      outcomes.push({ ...base, status: 'skipped', reason: 'ambiguous', detail: String(usable.length) });
      continue;
    }
    const control = usable[0].control!;
    if (taken.has(control.root)) {
      outcomes.push({ ...base, status: 'skipped', reason: 'taken' });
      continue;
    }
    taken.add(control.root);
    if (control.textInputs.some((i) => composing.has(i))) {
      const done = await waitFor(() => !control.textInputs.some((i) => composing.has(i)), 2000);
      if (!done) {
        outcomes.push({ ...base, status: 'skipped', reason: 'composing' });
        continue;
      }
    }
    const ordered = item.kind === 'cascade';
    const before = control.read();
    if (sameValue(before, item.value, ordered)) {
      outcomes.push({ ...base, status: 'filled', detail: 'unchanged' });
      continue;
    }
    try {
      await control.write(item.value);
      if (!control.sync) await sleep(0);
    } catch (e) {
      // a control may have changed before it failed (some options of a multiple select): undo covers it
      if (!sameValue(control.read(), before ?? '')) undo.push({ control, before, title: item.title });
      const ms = Math.round(performance.now() - started);
      if (e instanceof FillFailure) outcomes.push({ ...base, status: 'failed', reason: e.reason, detail: e.detail, ms });
      else outcomes.push({ ...base, status: 'failed', reason: 'error', detail: String((e as Error)?.message ?? e), ms });
      continue;
    }
    undo.push({ control, before, title: item.title });
    const after = await waitFor(() => sameValue(control.read(), item.value, ordered), READ_BACK_MS);
    const ms = Math.round(performance.now() - started);
    outcomes.push(after ? { ...base, status: 'filled', ms } : { ...base, status: 'failed', reason: 'did-not-stick', detail: showValue(control.read()), ms });
  }
  return {
    report: { fillId, url: top.defaultView?.location.href ?? '', outcomes, crossOriginFrames: crossOrigin, elapsedMs: Math.round(performance.now() - t0) },
    undo,
    addedRows,
  };
}

/**
 * How long a control may take to show a value after it was set before it counts as not stuck. Apps
 * re-render asynchronously (React batches, Ant Design's InputNumber reformats after its own update),
 * and on a busy machine that took longer than 300 ms in CI; the wait ends as soon as the value shows.
 */
const READ_BACK_MS = 1500;

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
    const btn = added.removeRow ? added.row.querySelector(added.removeRow) : null;
    if (btn) clickEl(btn);
    await nextFrame();
  }
  run.undo = [];
  run.addedRows = [];
  return { restored, failed };
}
