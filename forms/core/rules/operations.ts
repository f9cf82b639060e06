import jsonLogic from 'json-logic-js';
import { addMonths, daysBetween, parseDate } from '../formats/calendar-date';
import { activePack } from './pack-context';
import {
  catalogEntry,
  conditionSet,
  levelDef,
  districtNameOf,
  occupationNameOf,
  referenceStatus,
} from './reference-lookups';

/**
 * The operations the notice needs beyond standard JSON Logic. Every operation is total: bad or missing
 * input gives null/false, never an exception, so a half-filled form is never an error in the engine.
 */
const isDate = (v: unknown): v is string => typeof v === 'string' && parseDate(v) !== null;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function compareDates(test: (a: string, b: string) => boolean) {
  return (a: unknown, b: unknown): boolean => isDate(a) && isDate(b) && test(a, b);
}

function getPath(obj: unknown, path: unknown): unknown {
  if (typeof path !== 'string' && typeof path !== 'number') return null;
  let cur: unknown = obj;
  for (const seg of String(path).split('.')) {
    if (seg === '') continue;
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur ?? null;
}

export const OPERATIONS: Record<string, (...args: unknown[]) => unknown> = {
  // ── calendar dates (YYYY-MM-DD); month arithmetic clamps to the month's last day ──
  add_months: (date, months) => (isDate(date) && typeof months === 'number' ? addMonths(date, months) : null),
  days_between: (from, to) => (isDate(from) && isDate(to) ? daysBetween(from, to) : null),
  date_before: compareDates((a, b) => a < b),
  date_on_or_before: compareDates((a, b) => a <= b),
  date_after: compareDates((a, b) => a > b),
  date_on_or_after: compareDates((a, b) => a >= b),
  is_date: (v) => isDate(v),
  /** whole calendar years from one date to another ("满N年"), or null */
  years_between: (from, to) => {
    if (!isDate(from) || !isDate(to)) return null;
    let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
    if (to.slice(5) < from.slice(5)) years -= 1;
    return years;
  },
  /** the birth date inside an 18-character resident ID (positions 7–14), or null */
  birth_date: (id) => {
    if (typeof id !== 'string' || !/^\d{17}[\dXx]$/.test(id)) return null;
    const d = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    return isDate(d) ? d : null;
  },

  // ── lists ──
  /** every element of the first list is in the second */
  subset: (a, b) => {
    const bs = asList(b);
    for (const x of asList(a)) if (!bs.includes(x)) return false;
    return true;
  },
  /** elements of the first list not in the second */
  difference: (a, b) => {
    const bs = asList(b);
    const out: unknown[] = [];
    for (const x of asList(a)) if (!bs.includes(x)) out.push(x);
    return out;
  },
  intersects: (a, b) => {
    const bs = asList(b);
    for (const x of asList(a)) if (bs.includes(x)) return true;
    return false;
  },
  count: (a) => asList(a).length,
  /** a value is present: not null/undefined, not an empty string */
  present: (v) => v !== null && v !== undefined && v !== '',
  /** `get(object, "a.b")` — reads inside a computed value (JSON Logic `var` only reads the scope) */
  get: (obj, path) => getPath(obj, path),
  /** builds an object from name/value pairs: `object("a", 1, "b", 2)` (JSON Logic has no object literal) */
  object: (...pairs) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) o[String(pairs[i])] = pairs[i + 1];
    return o;
  },
  /** each item with `as` = whole years from its `from` date field to `to` (e.g. years since a certificate) */
  with_years: (list, from, to, as) =>
    asList(list).map((item) => {
      const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      return Object.assign({}, o, { [String(as)]: OPERATIONS.years_between(o[String(from)], to) });
    }),
  /** each item with `as` = days from its `from` date to `to` (negative when that date is later), or null */
  with_days: (list, from, to, as) =>
    asList(list).map((item) => {
      const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      return Object.assign({}, o, { [String(as)]: OPERATIONS.days_between(o[String(from)], to) });
    }),
  /** each item with `as` = whether its `field` equals `value` (to compare rows with a value outside the row) */
  mark_equal: (list, field, value, as) =>
    asList(list).map((item) => {
      const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      return Object.assign({}, o, { [String(as)]: o[String(field)] !== undefined && o[String(field)] === value });
    }),
  /** each item with the number in `field` no larger than `max` (years after a certificate cannot exceed the years worked) */
  cap_field: (list, field, max) =>
    asList(list).map((item) => {
      const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      const v = o[String(field)];
      return typeof v === 'number' && typeof max === 'number' && v > max ? Object.assign({}, o, { [String(field)]: max }) : o;
    }),
  /** the first item whose `field` equals `value`, or null */
  find_where: (list, field, value) =>
    (asList(list).find((item) => !!item && typeof item === 'object' && (item as Record<string, unknown>)[String(field)] === value) as unknown) ?? null,
  /** each item with `field` translated through a `{code: newCode}` table (unknown codes become null) */
  relabel: (list, field, table) =>
    asList(list).map((item) => {
      const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      const t = (table && typeof table === 'object' ? table : {}) as Record<string, unknown>;
      return Object.assign({}, o, { [String(field)]: t[String(o[String(field)])] ?? null });
    }),
  /** distinct values, in first-seen order */
  unique: (a) => [...new Set(asList(a))],
  /** values present more than once (empty ones ignored), in first-seen order: the same person entered twice */
  duplicates: (a) => {
    const seen = new Set<unknown>();
    const twice = new Set<unknown>();
    for (const x of asList(a)) {
      if (x === null || x === undefined || x === '') continue;
      if (seen.has(x)) twice.add(x);
      else seen.add(x);
    }
    return [...twice];
  },
  /** the labels of codes from a `{code: label}` table (codes without a label stay as they are) */
  labels: (codes, table) =>
    asList(codes).map((c) => (table && typeof table === 'object' ? ((table as Record<string, unknown>)[String(c)] ?? c) : c)),
  join: (a, sep) => asList(a).map(String).join(typeof sep === 'string' ? sep : '、'),

  // ── pack reference data ──
  occupation_exists: (code) => {
    const pack = activePack();
    return !!pack && occupationNameOf(pack, code) !== null;
  },
  occupation_name: (code) => {
    const pack = activePack();
    return pack ? occupationNameOf(pack, code) : null;
  },
  district_name: (code) => {
    const pack = activePack();
    return pack ? districtNameOf(pack, code) : null;
  },
  /** the filing-eligible catalogue entry {code, name, standardBasis, levels} or null */
  /** a reference list's status: `official` or `sample` (a sample cannot show that a code is missing), or null */
  reference_status: (stem) => {
    const pack = activePack();
    return pack && typeof stem === 'string' ? referenceStatus(pack, stem) : null;
  },
  catalog_entry: (code) => {
    const pack = activePack();
    return pack ? catalogEntry(pack, code) : null;
  },
  /** canonical ladder name for a level or alias (`五级` → `初级工`), or null */
  level_name: (name) => {
    const pack = activePack();
    return pack ? (levelDef(pack, name)?.name ?? null) : null;
  },
  level_rank: (name) => {
    const pack = activePack();
    return pack ? (levelDef(pack, name)?.rank ?? null) : null;
  },
  /** ladder levels only enterprises may run (特级技师, 首席技师 — 二（一）) */
  level_enterprise_only: (name) => {
    const pack = activePack();
    return !!pack && levelDef(pack, name)?.enterpriseOnly === true;
  },
  /**
   * Conditions of a named eligibility condition set met by a candidate for a level: list of condition ids.
   * The conditions are JSON Logic in the set's file, evaluated with the candidate as their scope.
   */
  eligibility_met: (setId, level, candidate) => {
    const pack = activePack();
    const set = pack ? conditionSet(pack, setId) : null;
    const name = pack ? levelDef(pack, level)?.name : undefined;
    if (!set || !name) return [];
    return (set.levels[name] ?? [])
      .filter((c) => {
        try {
          return jsonLogic.truthy(jsonLogic.apply(c.logic as never, (candidate ?? {}) as never));
        } catch {
          return false;
        }
      })
      .map((c) => c.id);
  },
  /** the met conditions as `{id, text}` (Chinese text, for answers people read) */
  eligibility_conditions: (setId, level, candidate) => {
    const pack = activePack();
    const set = pack ? conditionSet(pack, setId) : null;
    const name = pack ? levelDef(pack, level)?.name : undefined;
    if (!set || !name) return [];
    const met = OPERATIONS.eligibility_met(setId, level, candidate) as string[];
    return (set.levels[name] ?? []).filter((c) => met.includes(c.id)).map((c) => ({ id: c.id, text: c.text.zh }));
  },
  eligibility_set_title: (setId) => {
    const pack = activePack();
    return (pack && conditionSet(pack, setId)?.title.zh) ?? null;
  },
  /** whether the set has conditions for the level at all (a level without conditions cannot be checked) */
  eligibility_defined: (setId, level) => {
    const pack = activePack();
    const set = pack ? conditionSet(pack, setId) : null;
    const name = pack ? levelDef(pack, level)?.name : undefined;
    return !!set && !!name && Array.isArray(set.levels[name]);
  },
};

let registered = false;

/** Registers the operations with json-logic-js once per runtime. */
export function registerOperations(): void {
  if (registered) return;
  for (const [name, fn] of Object.entries(OPERATIONS)) jsonLogic.add_operation(name, fn as never);
  registered = true;
}
