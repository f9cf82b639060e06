/**
 * When the bureau changes an assumption a rule case was written for — a parameter's value, the filing
 * catalogue — the case keeps what it assumed (`params`, `reference` on the case, see run-case.ts) so it
 * still tests the rule it was written for instead of breaking. Only cases of rules that read the changed
 * thing are touched, and a case that already pins it keeps its own value.
 */
import type { PackFiles } from '../pack/types';
import type { Rule, RuleCase } from '../rules/types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the pack operations that read each reference file a catalogue import can change */
const READERS: Record<string, string[]> = { 'filing-catalog': ['catalog_entry'] };

const ruleFilePaths = (files: PackFiles) =>
  Object.keys(files).filter((p) => (/^documents\/[^/]+\/rules\.json$/.test(p) || /^rules\/[^/]+\.json$/.test(p)) && Array.isArray((files[p] as { rules?: unknown })?.rules));

function readsParam(rule: Rule, name: string): boolean {
  return Object.values(rule.params ?? {}).some((v) => isObj(v) && v.$param === name);
}

function mentionsOp(v: unknown, ops: string[]): boolean {
  if (Array.isArray(v)) return v.some((x) => mentionsOp(x, ops));
  if (!isObj(v)) return false;
  return Object.entries(v).some(([k, x]) => ops.includes(k) || mentionsOp(x, ops));
}

function mapCases(files: PackFiles, applies: (rule: Rule) => boolean, pin: (c: RuleCase) => RuleCase | null): { files: PackFiles; pinned: string[] } {
  const out = { ...files };
  const pinned: string[] = [];
  for (const path of ruleFilePaths(files)) {
    const file = files[path] as { rules: Rule[] };
    let changed = false;
    const rules = file.rules.map((rule) => {
      if (!isObj(rule) || !Array.isArray(rule.cases) || !applies(rule)) return rule;
      const cases = rule.cases.map((c) => {
        const next = pin(c);
        if (!next) return c;
        changed = true;
        pinned.push(`${rule.id}: ${c.name}`);
        return next;
      });
      return { ...rule, cases };
    });
    if (changed) out[path] = { ...file, rules };
  }
  return { files: out, pinned };
}

/** Cases of rules reading parameter `name` keep `oldValue`. */
export function pinParameter(files: PackFiles, name: string, oldValue: unknown): { files: PackFiles; pinned: string[] } {
  return mapCases(
    files,
    (rule) => readsParam(rule, name),
    (c) => (isObj(c.params) && Object.hasOwn(c.params, name) ? null : { ...c, params: { ...(c.params ?? {}), [name]: oldValue } }),
  );
}

/**
 * Cases of rules reading reference file `stem` keep the rows they name (by code, anywhere in the case's
 * data) from `oldFile`; rows the case does not name are left out, so a pinned case stays small.
 */
export function pinReference(files: PackFiles, stem: string, oldFile: unknown): { files: PackFiles; pinned: string[] } {
  const ops = READERS[stem];
  if (!ops || !isObj(oldFile) || !Array.isArray(oldFile.entries)) return { files, pinned: [] };
  const entries = oldFile.entries as { code?: unknown }[];
  return mapCases(
    files,
    (rule) => mentionsOp(rule, ops),
    (c) => {
      // a case may already say how the list is (its status, say) without naming rows: it keeps that and gets the rows
      const own = isObj(c.reference) && isObj(c.reference[stem]) ? (c.reference[stem] as Record<string, unknown>) : undefined;
      if (own && Object.hasOwn(own, 'entries')) return null;
      const text = JSON.stringify(c.data ?? null);
      const rows = entries.filter((e) => typeof e?.code === 'string' && text.includes(e.code));
      // the list's own facts (status, source, date) as the case assumed them, then what the case itself says
      const meta = Object.fromEntries(Object.entries(oldFile).filter(([k]) => k !== 'entries'));
      return { ...c, reference: { ...(c.reference ?? {}), [stem]: { ...meta, ...(own ?? {}), entries: rows } } };
    },
  );
}
