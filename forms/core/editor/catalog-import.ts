/**
 * The filing-eligible catalogue (国家公布的可备案职业（工种）目录) as bureau staff maintain it: imported
 * from a CSV or spreadsheet export, each row checked against the 2022 大典 list and the pack's levels.
 */
import type { PackProblem } from './problem';

export interface CatalogEntry {
  code: string;
  name: string;
  standardBasis: string;
  levels: string[];
}

export const STANDARD_BASES = ['national-standard', 'evaluation-spec'] as const;
const BASIS_WORDS: Record<string, string> = {
  'national-standard': 'national-standard',
  国家职业标准: 'national-standard',
  国家职业技能标准: 'national-standard',
  'evaluation-spec': 'evaluation-spec',
  评价规范: 'evaluation-spec',
  职业技能评价规范: 'evaluation-spec',
};

/** Column headings accepted (English ids or the Chinese headings of the published tables). */
const HEADINGS: Record<keyof CatalogEntry, string[]> = {
  code: ['code', '职业编码', '编码', '职业（工种）编码', '职业代码'],
  name: ['name', '职业名称', '名称', '职业（工种）名称'],
  standardBasis: ['standardbasis', '评价依据', '标准依据', '依据'],
  levels: ['levels', '等级', '可备案等级', '职业技能等级'],
};

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export interface CatalogImport {
  entries: CatalogEntry[];
  problems: PackProblem[];
}

/** Rows (first row = headings) → catalogue entries; rows that cannot be read are reported, not guessed. */
export function catalogFromRows(rows: unknown[][], source = 'import'): CatalogImport {
  const problems: PackProblem[] = [];
  if (!rows.length) return { entries: [], problems: [{ where: source, zh: '文件为空', en: 'the file is empty' }] };
  const head = rows[0].map((c) => String(c ?? '').trim().toLowerCase());
  const col = Object.fromEntries(
    (Object.keys(HEADINGS) as (keyof CatalogEntry)[]).map((k) => [k, head.findIndex((h) => HEADINGS[k].some((w) => w.toLowerCase() === h))]),
  ) as Record<keyof CatalogEntry, number>;
  const missing = (Object.keys(col) as (keyof CatalogEntry)[]).filter((k) => col[k] < 0);
  if (missing.length) {
    return {
      entries: [],
      problems: [{ where: `${source} 第1行`, zh: `缺少列：${missing.map((k) => HEADINGS[k][1]).join('、')}（表头示例：职业编码,职业名称,评价依据,等级）`, en: `missing columns: ${missing.join(', ')} (headings e.g. code,name,standardBasis,levels)` }],
    };
  }
  const entries: CatalogEntry[] = [];
  rows.slice(1).forEach((r, i) => {
    const cell = (k: keyof CatalogEntry) => String(r[col[k]] ?? '').trim();
    const basis = BASIS_WORDS[cell('standardBasis')] ?? BASIS_WORDS[cell('standardBasis').toLowerCase()];
    const where = `${source} 第${i + 2}行`;
    if (!basis) {
      problems.push({ where, zh: `评价依据“${cell('standardBasis')}”应为 国家职业标准 或 评价规范`, en: `standard basis "${cell('standardBasis')}" must be national-standard or evaluation-spec` });
      return;
    }
    entries.push({ code: cell('code'), name: cell('name'), standardBasis: basis, levels: cell('levels').split(/[、,，;；/\s]+/).filter(Boolean) });
  });
  return { entries, problems };
}

/** Each entry against the 2022 大典 (code exists, name agrees) and the pack's levels; duplicate codes too. */
export function checkCatalog(
  entries: readonly CatalogEntry[],
  occupations: readonly { code: string; name: string }[],
  levels: readonly string[],
  where = 'reference/filing-catalog.json',
): PackProblem[] {
  const byCode = new Map(occupations.map((o) => [o.code, o.name]));
  const known = new Set(levels);
  const seen = new Set<string>();
  const out: PackProblem[] = [];
  entries.forEach((e, i) => {
    const at = `${where}#/entries/${i}`;
    const name = byCode.get(e.code);
    if (!/^\d-\d{2}-\d{2}-\d{2}$/.test(e.code)) out.push({ where: `${at}/code`, zh: `职业编码 ${e.code || '（空）'} 格式应为 D-DD-DD-DD`, en: `occupation code ${e.code || '(empty)'} must look like D-DD-DD-DD` });
    else if (name === undefined) out.push({ where: `${at}/code`, zh: `职业编码 ${e.code} 不在2022年版职业分类大典中`, en: `occupation code ${e.code} is not in the 2022 classification` });
    else if (e.name && e.name !== name) out.push({ where: `${at}/name`, zh: `${e.code} 在大典中的名称是“${name}”，不是“${e.name}”`, en: `${e.code} is named "${name}" in the classification, not "${e.name}"` });
    if (seen.has(e.code)) out.push({ where: `${at}/code`, zh: `职业编码 ${e.code} 重复`, en: `occupation code ${e.code} appears twice` });
    seen.add(e.code);
    if (!e.levels.length) out.push({ where: `${at}/levels`, zh: '至少填写一个等级', en: 'at least one level is needed' });
    for (const l of e.levels) if (known.size && !known.has(l)) out.push({ where: `${at}/levels`, zh: `等级“${l}”不在等级表中`, en: `level "${l}" is not in the level list` });
  });
  return out;
}

/**
 * Text of a CSV file from its bytes: UTF-8 (with or without BOM) when it decodes cleanly, UTF-16 by
 * its BOM, otherwise GB18030 — what Excel and WPS write on Chinese Windows ("CSV" = ANSI = GBK, which
 * GB18030 contains). The browser's and Node's TextDecoder read all three.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export interface LevelDef {
  name: string;
  grade?: string | null;
  aliases?: string[];
}

/** Level names as written in tables (五级, 四级, 初级) → the ladder's names (初级工, 中级工); unknown ones stay as written. */
export function normalizeLevels(entries: CatalogEntry[], ladder: readonly LevelDef[]): CatalogEntry[] {
  const byWord = new Map<string, string>();
  for (const l of ladder) for (const w of [l.name, l.grade, ...(l.aliases ?? [])]) if (w) byWord.set(w, l.name);
  // 初级/中级/高级 without 工 are common in spreadsheets
  for (const l of ladder) if (l.name.endsWith('工')) byWord.set(l.name.slice(0, -1), byWord.get(l.name.slice(0, -1)) ?? l.name);
  return entries.map((e) => ({ ...e, levels: [...new Set(e.levels.map((x) => byWord.get(x) ?? x))] }));
}

export interface CatalogChange {
  added: CatalogEntry[];
  changed: { before: CatalogEntry; after: CatalogEntry }[];
  removed: CatalogEntry[];
  /** the catalogue after the import */
  entries: CatalogEntry[];
}

const sameEntry = (a: CatalogEntry, b: CatalogEntry) => a.name === b.name && a.standardBasis === b.standardBasis && a.levels.join('|') === b.levels.join('|');

/**
 * What an import does to the catalogue. `merge`: rows with a known code replace that row in place, new
 * codes are added at the end, nothing is removed. `replace`: the file becomes the catalogue.
 */
export function catalogChange(current: readonly CatalogEntry[], incoming: readonly CatalogEntry[], mode: 'merge' | 'replace'): CatalogChange {
  const byCode = new Map(incoming.map((e) => [e.code, e]));
  const had = new Map(current.map((e) => [e.code, e]));
  const added = incoming.filter((e) => !had.has(e.code));
  const changed = incoming.filter((e) => had.has(e.code) && !sameEntry(had.get(e.code)!, e)).map((after) => ({ before: had.get(after.code)!, after }));
  if (mode === 'replace') return { added, changed, removed: current.filter((e) => !byCode.has(e.code)), entries: [...incoming] };
  return { added, changed, removed: [], entries: [...current.map((e) => byCode.get(e.code) ?? e), ...added] };
}

export const BASIS_LABEL: Record<string, string> = { 'national-standard': '国家职业标准', 'evaluation-spec': '评价规范' };

/** The catalogue as rows with the Chinese headings the import reads back. */
export function catalogRows(entries: readonly CatalogEntry[]): string[][] {
  return [['职业编码', '职业名称', '评价依据', '等级'], ...entries.map((e) => [e.code, e.name, BASIS_LABEL[e.standardBasis] ?? e.standardBasis, e.levels.join('、')])];
}

/** RFC 4180 CSV with a UTF-8 BOM, so Excel and WPS open the Chinese text correctly. */
export function toCsv(rows: readonly string[][]): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
