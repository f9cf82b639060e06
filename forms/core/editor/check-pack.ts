/**
 * Every safety check a pack passes before it is applied — on each edit in the editor, on import, and by
 * `formkit pack check`. All problems are listed with their location; the caller applies nothing unless
 * the list is empty.
 */
import { packText } from '../i18n/pack-translation';
import { dateProblem } from '../formats/calendar-date';
import { resolveCitation } from '../pack/citation';
import { documentSchema } from '../pack/document-schema';
import { PackError } from '../pack/pack-error';
import { parsePack } from '../pack/parse-pack';
import { placeholderUses } from '../pack/param-texts';
import type { Citation, Pack, PackFiles } from '../pack/types';
import { allRules } from '../rules/pack-rules';
import { unresolvedParams } from '../rules/parameters';
import { runRuleCase } from '../rules/run-case';
import { sourceProblem } from '../rules/rule-source';
import type { Rule } from '../rules/types';
import { rotationProblems } from './key-rotation';
import { checkMetaSchema } from './meta-schema';
import { checkPackPatterns } from './pack-patterns';
import { checkCatalog, type CatalogEntry } from './catalog-import';
import { unknownRuleVars } from './rule-vars';
import { isSafePointer } from '../schema/json-pointer';
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
    ...rotationProblems(files),
    ...checkPlaceholders(files),
    ...checkSchemas(pack),
    ...checkPackPatterns(files),
    ...checkCitations(pack),
    ...checkRules(pack, options.runCases ?? true),
    ...checkMigrations(pack),
    ...checkCatalogFile(pack),
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

/** names a rule message or check text fills from its own scope, never parameters */
const SCOPE_NAMES = new Set(['today', 'index', 'rowNumber', 'data', 'params', 'let', 'row', 'out', 'input']);

/** Every `{name}` in a text names a parameter with a single value; `|cn`/`|en` only for numbers. */
function checkPlaceholders(files: PackFiles): PackProblem[] {
  const out: PackProblem[] = [];
  const params = (files['rules/parameters.json'] as { parameters?: Record<string, { value?: unknown }> } | undefined)?.parameters ?? {};
  for (const name of Object.keys(params)) {
    if (SCOPE_NAMES.has(name)) out.push({ where: at('rules/parameters.json', seg('parameters') + seg(name)), zh: `参数名 ${name} 与规则中的变量同名，请换一个名称`, en: `parameter name ${name} is a rule variable name; choose another` });
  }
  const seen = new Set<string>();
  for (const use of placeholderUses(files)) {
    const key = `${use.file}|${use.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ruleText = /^(rules|checks)\/|\/rules\.json$/.test(use.file);
    if (!Object.hasOwn(params, use.name)) {
      if (ruleText && SCOPE_NAMES.has(use.name)) continue;
      out.push({ where: use.file, zh: `文字“${use.text}”中的 {${use.name}} 不是参数名：请在“参数”中添加该参数，或改正拼写`, en: `{${use.name}} in "${use.text}" is not a parameter: add it under Parameters or fix the spelling` });
      continue;
    }
    const v = params[use.name]?.value;
    if (v === null || typeof v === 'object') out.push({ where: use.file, zh: `参数 ${use.name} 的值不是单个数值或文字，不能写进文字“${use.text}”`, en: `parameter ${use.name} is not a single value and cannot be written into "${use.text}"` });
    else if (/\{[^}|]+\|(cn|en)\}/.test(use.text) && typeof v !== 'number' && use.text.includes(`{${use.name}|`)) out.push({ where: use.file, zh: `参数 ${use.name} 不是数字，不能用 |cn 或 |en 写成文字`, en: `parameter ${use.name} is not a number: |cn and |en need a number` });
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
    if (/^reference\//.test(path) && isObj(file)) {
      if (file.status !== undefined && file.status !== 'official' && file.status !== 'sample') out.push({ where: at(path, '/status'), zh: '参考数据的状态须为 official 或 sample', en: 'a reference list\'s status must be official or sample' });
      if (isObj(file.source)) {
        const sp = sourceProblem(pack, file.source);
        if (sp) out.push({ where: at(path, '/source'), zh: sp.zh, en: sp.en });
      }
    }
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
    if (!isCitation(r.citation) || !r.citation.source || !r.citation.article) add('/citation', `${name} 尚未选择依据条文：请在“依据条文”中选择本规则所依据的条款`, `rule ${r.id} has no citation: choose the article it rests on under "Article"`);
    else if (!resolveCitation(pack, r.citation)) add('/citation', `${name} 的依据 ${r.citation.source} / ${r.citation.article} 不存在`, `rule ${r.id}: citation ${r.citation.source} / ${r.citation.article} does not resolve`);
    // a typed source is optional for a rule a bureau writes, but when present it must be well formed
    if (r.source !== undefined) {
      const sp = sourceProblem(pack, r.source, isCitation(r.citation) ? r.citation.source : undefined);
      if (sp) add('/source', `${name}：${sp.zh}`, `rule ${r.id}: ${sp.en}`);
    }
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
    if (Array.isArray(r.documents)) for (const u of unknownRuleVars(pack, rule as Rule)) add(u.where === 'message' ? '/message' : `/${u.where.split('.')[0]}`, u.zh, u.en);
    if (!Array.isArray(r.cases) || r.cases.length === 0) {
      add('/cases', `${name} 没有测试用例（至少一个触发、一个不触发）`, `rule ${r.id} has no cases (at least one that fires and one that does not)`);
      continue;
    }
    if (!runCases) continue;
    // a case's name in English from the pack's table (i18n/en.json), as the English UI shows it
    const caseEn = (c: { name?: unknown } | undefined, k: number) => (typeof c?.name === 'string' ? packText(pack, c.name, 'en') : String(k));
    r.cases.forEach((c, k) => {
      let result;
      try {
        result = runRuleCase(pack, rule as Rule, c);
      } catch (e) {
        add(`/cases/${k}`, `${name} 的用例“${c?.name ?? k}”运行出错：${(e as Error).message}`, `rule ${r.id}, case "${caseEn(c, k)}" failed to run: ${(e as Error).message}`);
        return;
      }
      if (!result.ok) {
        const got = result.fired.join(', ') || '—';
        const want = result.expected.join(', ') || '—';
        const why = result.problems.length ? `；${result.problems.join('；')}` : '';
        add(`/cases/${k}`, `${name} 的用例“${c.name}”未通过：期望 ${want}，实际 ${got}${why}`, `rule ${r.id}, case "${caseEn(c, k)}" fails: expected ${want}, got ${got}${why}`);
      }
    });
  }
  return out;
}

/** Catalogue rows with errors (unknown code, wrong name, unknown level, duplicates) block publishing and installing. */
function checkCatalogFile(pack: Pack): PackProblem[] {
  const cat = pack.reference['filing-catalog'] as { entries?: unknown } | undefined;
  if (!cat || !Array.isArray(cat.entries)) return [];
  const entries = (cat.entries as Partial<CatalogEntry>[]).map((e) => ({ code: String(e?.code ?? ''), name: String(e?.name ?? ''), standardBasis: String(e?.standardBasis ?? ''), levels: Array.isArray(e?.levels) ? e.levels.map(String) : [] }));
  const occupations = (pack.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] } | undefined)?.occupations ?? [];
  const levels = ((pack.reference.levels as { levels?: { name: string }[] } | undefined)?.levels ?? []).map((l) => l.name);
  return checkCatalog(entries, occupations, levels);
}

function checkMigrations(pack: Pack): PackProblem[] {
  const file = pack.files['migrations.json'];
  if (file === undefined) return [];
  const list = isObj(file) ? file.migrations : undefined;
  if (!Array.isArray(list)) return [{ where: 'migrations.json', zh: '迁移说明须为 {"migrations": [...]}', en: 'migration notes must be {"migrations": [...]}' }];
  const out: PackProblem[] = [];
  list.forEach((n, i) => {
    const ok = isObj(n) && typeof n.docId === 'string' && typeof n.fromVersion === 'string' && typeof n.toVersion === 'string' &&
      (n.renames === undefined || isObj(n.renames)) && (n.removals === undefined || Array.isArray(n.removals)) &&
      (n.values === undefined || (Array.isArray(n.values) && n.values.every((v) => isObj(v) && typeof v.path === 'string' && 'equals' in v && (v.set === undefined || isObj(v.set)))));
    if (!ok) out.push({ where: at('migrations.json', `/migrations/${i}`), zh: '迁移说明须含 docId、fromVersion、toVersion，以及 renames 对象、removals 列表和/或 values 列表（{path, equals, set}）', en: 'a migration note needs docId, fromVersion, toVersion, and a renames object, removals list and/or values list ({path, equals, set})' });
    if (!ok) return;
    const pointers = [...Object.entries((n.renames ?? {}) as Record<string, unknown>).flat(), ...((n.removals ?? []) as unknown[]), ...((n.values ?? []) as Array<{ path?: unknown }>).map((v) => v.path)];
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
    for (const target of Object.keys(file.prefill)) if (!isSafePointer(target)) out.push(unsafePointer(path, `/prefill${seg(target)}`, target));
  }
  return out;
}
