/**
 * A rule may only read what exists: every `data.…` and `row.…` variable (in conditions, computed
 * values, required inputs, messages) must be a field of a document the rule applies to, every `let.…`
 * one of its computed values, every `params.…` one of its parameters. Missing data never fires a rule,
 * so a misspelled field would otherwise pass every check silently.
 */
import type { Pack } from '../pack/types';
import { varsRead } from '../rules/rule-inputs';
import type { Rule } from '../rules/types';
import { schemaFields } from './schema-fields';

export interface UnknownVar {
  variable: string;
  /** where it is read: when, assert, let.x, requires, message, forEach */
  where: string;
  zh: string;
  en: string;
}

const MESSAGE_VAR = /\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g;
const fieldCache = new WeakMap<Pack, Map<string, Set<string>>>();

/** every field of a document as a dotted path, array items as `*` (`occupations.*.code`) */
function fieldsOf(pack: Pack, docId: string): Set<string> {
  let perPack = fieldCache.get(pack);
  if (!perPack) fieldCache.set(pack, (perPack = new Map()));
  let set = perPack.get(docId);
  if (!set) {
    const doc = pack.documents[docId];
    set = new Set(doc ? schemaFields(doc.schema, pack.definitions).map((f) => f.pointer.slice(1).replace(/\//g, '.')) : []);
    // array items of objects are left out of the field list; their children imply them
    for (const f of [...set]) {
      const parts = f.split('.');
      for (let i = 1; i < parts.length; i++) set.add(parts.slice(0, i).join('.'));
    }
    perPack.set(docId, set);
  }
  return set;
}

/** Does dotted `path` (numeric segments as `*`) reach a field, or go inside a field that has no declared children? */
function exists(fields: Set<string>, path: string): boolean {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? '*' : p));
  for (let i = parts.length; i > 0; i--) {
    const prefix = parts.slice(0, i).join('.');
    if (!fields.has(prefix)) continue;
    if (i === parts.length) return true;
    // inside a leaf (a list of codes, `.length`): the schema says nothing more
    const hasChildren = [...fields].some((f) => f.startsWith(`${prefix}.`));
    return !hasChildren;
  }
  return false;
}

export function unknownRuleVars(pack: Pack, rule: Rule): UnknownVar[] {
  const docs = (rule.documents ?? []).includes('*') ? pack.manifest.documents : (rule.documents ?? []).filter((d) => d in pack.documents);
  if (!docs.length) return [];
  const rowBase = typeof rule.forEach === 'string' && rule.forEach.startsWith('data.') ? `${rule.forEach.slice(5)}.*` : null;
  const reads: { variable: string; where: string }[] = [];
  const add = (where: string, vars: string[]) => vars.forEach((variable) => reads.push({ variable, where }));
  if (rule.when !== undefined) add('when', varsRead(rule.when));
  if (rule.assert !== undefined) add('assert', varsRead(rule.assert));
  for (const [name, logic] of Object.entries(rule.let ?? {})) add(`let.${name}`, varsRead(logic));
  if (Array.isArray(rule.requires)) add('requires', rule.requires.filter((r) => typeof r === 'string'));
  if (typeof rule.forEach === 'string') add('forEach', [rule.forEach]);
  for (const text of [rule.message?.zh, rule.message?.en]) if (typeof text === 'string') add('message', [...text.matchAll(MESSAGE_VAR)].map((m) => m[1]));

  const lets = new Set(Object.keys(rule.let ?? {}));
  const params = new Set(Object.keys(rule.params ?? {}));
  const out: UnknownVar[] = [];
  const seen = new Set<string>();
  for (const { variable, where } of reads) {
    if (seen.has(variable)) continue;
    const [root, ...rest] = variable.split('.');
    const tail = rest.join('.');
    let bad = false;
    if (root === 'data' && tail) bad = !docs.some((d) => exists(fieldsOf(pack, d), tail));
    else if (root === 'row' && tail && rowBase) bad = !docs.some((d) => exists(fieldsOf(pack, d), `${rowBase}.${tail}`));
    else if (root === 'let' && rest[0]) bad = !lets.has(rest[0]);
    else if (root === 'params' && rest[0]) bad = !params.has(rest[0]);
    if (!bad) continue;
    seen.add(variable);
    const kind = root === 'let' ? '计算值' : root === 'params' ? '参数' : '字段';
    const place = root === 'let' ? '本规则的“计算”中没有' : root === 'params' ? '本规则的参数中没有' : `文书${docs.length > 1 ? '（任一适用文书）' : `“${String(pack.documents[docs[0]].schema.title ?? docs[0])}”`}中不存在`;
    out.push({
      variable,
      where,
      zh: `规则 ${rule.id} 读取的${kind} ${variable} ${place}：请检查拼写，或从字段列表中选择`,
      en: `rule ${rule.id} reads ${variable}, which ${root === 'let' ? 'is not among its computed values' : root === 'params' ? 'is not among its parameters' : 'is not a field of the document'}: check the spelling or pick it from the field list`,
    });
  }
  return out;
}
