/**
 * Every safety check a pack passes before it is applied — on each edit in the editor, on import, and by
 * `formkit pack check`. All problems are listed with their location; the caller applies nothing unless
 * the list is empty.
 */
import { dateProblem } from '../formats/calendar-date';
import { resolveCitation } from '../pack/citation';
import { documentSchema } from '../pack/document-schema';
import { PackError } from '../pack/pack-error';
import { parsePack } from '../pack/parse-pack';
import type { Citation, Pack, PackFiles } from '../pack/types';
import { allRules } from '../rules/pack-rules';
import { unresolvedParams } from '../rules/parameters';
import { runRuleCase } from '../rules/run-case';
import type { Rule } from '../rules/types';
import { checkMetaSchema } from './meta-schema';
import { checkPackPatterns } from './pack-patterns';
import { isSafePointer } from '../pack/json-pointer';
import { at, seg, type PackProblem } from './problem';
import { checkSchemaSubset } from './schema-subset';
import { checkStructure } from './structure-check';
import { checkUiNames } from './ui-names';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValidDate = (s: string) => dateProblem(s) === null;
const isCitation = (v: unknown): v is Citation => isObj(v) && typeof v.source === 'string' && typeof v.article === 'string';

export interface CheckOptions {
  /** run every rule's cases (default true; the editor may skip them while typing and run them on publish) */
  runCases?: boolean;
}

export function checkPack(files: PackFiles, options: CheckOptions = {}): PackProblem[] {
  const structural = checkStructure(files);
  // a file with forbidden keys or beyond the limits is not read any further
  if (structural.length) return structural;
  let pack: Pack;
  try {
    pack = parsePack(files);
  } catch (e) {
    if (e instanceof PackError) return [{ where: e.where, zh: e.zh, en: e.en }];
    return [{ where: '(pack)', zh: `文书包无法读取：${(e as Error).message}`, en: `pack cannot be read: ${(e as Error).message}` }];
  }
  return [
    ...checkManifest(pack),
    ...checkSchemas(pack),
    ...checkPackPatterns(files),
    ...checkCitations(pack),
    ...checkRules(pack, options.runCases ?? true),
    ...checkMigrations(pack),
    ...checkPrefillPointers(pack),
  ];
}

function checkManifest(pack: Pack): PackProblem[] {
  const out: PackProblem[] = [];
  const m = pack.manifest;
  if (!/^\d+\.\d+\.\d+$/.test(m.version)) out.push({ where: at('pack.json', '/version'), zh: '版本号须为 主.次.修订（如 1.2.0）', en: 'version must be major.minor.patch (like 1.2.0)' });
  if (!isValidDate(m.effective)) out.push({ where: at('pack.json', '/effective'), zh: '生效日期须为 YYYY-MM-DD', en: 'effective date must be YYYY-MM-DD' });
  const seen = new Set<string>();
  m.documents.forEach((id, i) => {
    if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) out.push({ where: at('pack.json', `/documents/${i}`), zh: '文书编号只能用小写字母、数字和连字符', en: 'document ids use lower-case letters, digits and hyphens' });
    if (seen.has(id)) out.push({ where: at('pack.json', `/documents/${i}`), zh: `文书 ${id} 重复`, en: `document ${id} listed twice` });
    seen.add(id);
  });
  return out;
}

function checkSchemas(pack: Pack): PackProblem[] {
  const out: PackProblem[] = [];
  const shared = new Set(Object.keys(pack.definitions));
  const defsFile = 'common/definitions.json';
  for (const [name, def] of Object.entries(pack.definitions)) {
    const pointer = seg('definitions') + seg(name);
    out.push(...checkMetaSchema(def, defsFile, pointer));
    out.push(...checkSchemaSubset(def, { file: defsFile, base: pointer, definitions: shared }, false));
  }
  for (const [id, doc] of Object.entries(pack.documents)) {
    const file = `documents/${id}/schema.json`;
    const meta = checkMetaSchema(doc.schema, file);
    out.push(...meta);
    const own = isObj(doc.schema.definitions) ? Object.keys(doc.schema.definitions) : [];
    out.push(...checkSchemaSubset(doc.schema, { file, definitions: new Set([...own, ...shared]) }, true));
    if (doc.schema.type !== 'object') out.push({ where: at(file, '/type'), zh: '文书的顶层类型须为 object', en: 'a document\'s top-level type must be object' });
    out.push(...checkUiNames(doc.ui, `documents/${id}/ui.json`));
    if (!meta.length) {
      try {
        documentSchema(pack, id);
      } catch (e) {
        if (e instanceof PackError) out.push({ where: e.where, zh: e.zh, en: e.en });
      }
    }
  }
  return out;
}

/** Citations outside rules: schema `x-citations`, reference files, shared parameters. */
function checkCitations(pack: Pack): PackProblem[] {
  const out: PackProblem[] = [];
  const check = (c: unknown, where: string) => {
    if (!isCitation(c)) out.push({ where, zh: '依据须为 {source, article}', en: 'citation must be {source, article}' });
    else if (!resolveCitation(pack, c)) out.push({ where, zh: `依据 ${c.source} / ${c.article} 在来源文件中不存在`, en: `citation ${c.source} / ${c.article} does not resolve to an article` });
  };
  for (const [id, doc] of Object.entries(pack.documents)) {
    const cites = doc.schema['x-citations'];
    if (Array.isArray(cites)) cites.forEach((c, i) => check(c, at(`documents/${id}/schema.json`, `/x-citations/${i}`)));
  }
  for (const [path, file] of Object.entries(pack.files)) {
    if (/^reference\//.test(path) && isObj(file) && 'citation' in file) check(file.citation, at(path, '/citation'));
  }
  const params = pack.files['rules/parameters.json'];
  if (isObj(params) && isObj(params.parameters)) {
    for (const [name, p] of Object.entries(params.parameters)) {
      if (isObj(p) && 'citation' in p) check(p.citation, at('rules/parameters.json', seg('parameters') + seg(name) + '/citation'));
    }
  }
  return out;
}

function checkRules(pack: Pack, runCases: boolean): PackProblem[] {
  const out: PackProblem[] = [];
  const ids = new Map<string, string>();
  const indexInFile = new Map<string, number>();
  for (const { rule, file } of allRules(pack)) {
    const i = indexInFile.get(file) ?? 0;
    indexInFile.set(file, i + 1);
    const where = (pointer = '') => at(file, `/rules/${i}${pointer}`);
    const add = (pointer: string, zh: string, en: string) => out.push({ where: where(pointer), zh, en });
    const r = rule as Partial<Rule>;
    if (!isObj(rule) || typeof r.id !== 'string' || !r.id) {
      add('', '规则缺少 id', 'rule has no id');
      continue;
    }
    const name = `规则 ${r.id}`;
    if (ids.has(r.id)) add('/id', `${name} 的 id 与 ${ids.get(r.id)} 中的规则重复`, `rule id ${r.id} repeats one in ${ids.get(r.id)}`);
    ids.set(r.id, file);
    if (!isCitation(r.citation)) add('/citation', `${name} 缺少依据条文`, `rule ${r.id} has no citation`);
    else if (!resolveCitation(pack, r.citation)) add('/citation', `${name} 的依据 ${r.citation.source} / ${r.citation.article} 不存在`, `rule ${r.id}: citation ${r.citation.source} / ${r.citation.article} does not resolve`);
    if (r.severity !== 'error' && r.severity !== 'warning') add('/severity', `${name} 的级别须为 error 或 warning`, `rule ${r.id}: severity must be error or warning`);
    if (!isObj(r.message) || typeof r.message.zh !== 'string' || !r.message.zh || typeof r.message.en !== 'string' || !r.message.en) {
      add('/message', `${name} 须有中文和英文提示`, `rule ${r.id} needs a message in Chinese and English`);
    }
    if (!isObj(r.effective) || !isValidDate(String(r.effective.from)) || (r.effective.until !== undefined && !isValidDate(String(r.effective.until)))) {
      add('/effective', `${name} 的有效期须为 {from: YYYY-MM-DD, until?}`, `rule ${r.id}: effective must be {from: YYYY-MM-DD, until?}`);
    }
    if (!Array.isArray(r.documents) || r.documents.some((d) => d !== '*' && !(d in pack.documents) && !d.startsWith('check:'))) {
      add('/documents', `${name} 适用的文书不存在`, `rule ${r.id} names a document the pack does not have`);
    }
    for (const p of unresolvedParams(pack, r.params)) add('/params', `${name} 引用的参数 ${p} 不存在`, `rule ${r.id}: parameter ${p} does not exist`);
    if (!Array.isArray(r.cases) || r.cases.length === 0) {
      add('/cases', `${name} 没有测试用例（至少一个触发、一个不触发）`, `rule ${r.id} has no cases (at least one that fires and one that does not)`);
      continue;
    }
    if (!runCases) continue;
    r.cases.forEach((c, k) => {
      let result;
      try {
        result = runRuleCase(pack, rule as Rule, c);
      } catch (e) {
        add(`/cases/${k}`, `${name} 的用例“${c?.name ?? k}”运行出错：${(e as Error).message}`, `rule ${r.id}, case "${c?.name ?? k}" failed to run: ${(e as Error).message}`);
        return;
      }
      if (!result.ok) {
        const got = result.fired.join(', ') || '—';
        const want = result.expected.join(', ') || '—';
        const why = result.problems.length ? `；${result.problems.join('；')}` : '';
        add(`/cases/${k}`, `${name} 的用例“${c.name}”未通过：期望 ${want}，实际 ${got}${why}`, `rule ${r.id}, case "${c.name}" fails: expected ${want}, got ${got}${why}`);
      }
    });
  }
  return out;
}

function checkMigrations(pack: Pack): PackProblem[] {
  const file = pack.files['migrations.json'];
  if (file === undefined) return [];
  const list = isObj(file) ? file.migrations : undefined;
  if (!Array.isArray(list)) return [{ where: 'migrations.json', zh: '迁移说明须为 {"migrations": [...]}', en: 'migration notes must be {"migrations": [...]}' }];
  const out: PackProblem[] = [];
  list.forEach((n, i) => {
    const ok = isObj(n) && typeof n.docId === 'string' && typeof n.fromVersion === 'string' && typeof n.toVersion === 'string' &&
      (n.renames === undefined || isObj(n.renames)) && (n.removals === undefined || Array.isArray(n.removals));
    if (!ok) out.push({ where: at('migrations.json', `/migrations/${i}`), zh: '迁移说明须含 docId、fromVersion、toVersion，以及 renames 对象和/或 removals 列表', en: 'a migration note needs docId, fromVersion, toVersion, and a renames object and/or removals list' });
    if (!ok) return;
    const pointers = [...Object.entries((n.renames ?? {}) as Record<string, unknown>).flat(), ...((n.removals ?? []) as unknown[])];
    for (const p of pointers) if (typeof p !== 'string' || !isSafePointer(p)) out.push(unsafePointer('migrations.json', `/migrations/${i}`, p));
  });
  return out;
}

const unsafePointer = (file: string, pointer: string, p: unknown): PackProblem => ({
  where: at(file, pointer),
  zh: `路径 ${String(p)} 不允许：含 __proto__、constructor 或 prototype 段，或不是字符串`,
  en: `pointer ${String(p)} is not allowed: it holds a __proto__, constructor or prototype segment, or is not a string`,
});

/** Prefill targets of checks are JSON pointers into a document's data. */
function checkPrefillPointers(pack: Pack): PackProblem[] {
  const out: PackProblem[] = [];
  for (const [path, file] of Object.entries(pack.files)) {
    if (!/^checks\//.test(path) || !isObj(file) || !isObj(file.prefill)) continue;
    for (const target of Object.keys(file.prefill)) if (!isSafePointer(target)) out.push(unsafePointer(path, `/prefill/${target.replace(/~/g, '~0').replace(/\//g, '~1')}`, target));
  }
  return out;
}
