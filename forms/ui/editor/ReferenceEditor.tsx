import { todayIso } from '../../core/formats/calendar-date';
import readXlsxFile from 'read-excel-file/browser';
import { useState } from 'preact/hooks';
import { catalogFromRows, checkCatalog, parseCsv, STANDARD_BASES, type CatalogEntry } from '../../core/editor/catalog-import';
import type { PackProblem } from '../../core/editor/problem';
import type { Pack, PackFiles } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { pick } from './lang';
import { ProblemList } from './ProblemList';

const CATALOG = 'reference/filing-catalog.json';

export interface ReferenceEditorProps {
  lang: Lang;
  files: PackFiles;
  pack: Pack | null;
  onFiles(files: PackFiles): void;
  /** open a reference file in the JSON view (synonyms, portal maps, …) */
  onOpenJson(path: string): void;
}

/** The filing-eligible catalogue as a table, importable from CSV/XLSX and checked against the 2022 大典. */
export function ReferenceEditor({ lang, files, pack, onFiles, onOpenJson }: ReferenceEditorProps) {
  const catalog = (files[CATALOG] ?? { entries: [] }) as { entries?: CatalogEntry[] };
  const entries = catalog.entries ?? [];
  const [importProblems, setImportProblems] = useState<PackProblem[]>([]);
  const [notice, setNotice] = useState('');
  const occupations = ((pack?.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] }) ?? {}).occupations ?? [];
  const levels = (((pack?.reference.levels as { levels?: { name: string }[] }) ?? {}).levels ?? []).map((l) => l.name);
  const problems = checkCatalog(entries, occupations, levels);
  const setEntries = (next: CatalogEntry[]) => onFiles({ ...files, [CATALOG]: { ...catalog, entries: next } });
  const setEntry = (i: number, e: Partial<CatalogEntry>) => setEntries(entries.map((x, k) => (k === i ? { ...x, ...e } : x)));

  const importFile = async (file: File) => {
    setNotice('');
    try {
      const rows: unknown[][] = /\.xlsx$/i.test(file.name) ? ((await readXlsxFile(file))[0]?.data ?? []) : parseCsv(await file.text());
      const r = catalogFromRows(rows, file.name);
      setImportProblems(r.problems);
      if (!r.entries.length) return;
      // an imported list is the bureau's copy of the national catalogue: rules may then treat a missing code as an error
      onFiles({ ...files, [CATALOG]: { ...catalog, status: 'official', date: todayIso(), source: { type: 'national', document: file.name, confirmed: true }, entries: r.entries } });
      setNotice(pick(lang, `已从 ${file.name} 导入 ${r.entries.length} 条`, `Imported ${r.entries.length} entries from ${file.name}`));
    } catch (e) {
      setImportProblems([{ where: file.name, zh: `文件无法读取：${(e as Error).message}`, en: `the file could not be read: ${(e as Error).message}` }]);
    }
  };

  return (
    <section class="reference-editor" aria-label={pick(lang, '参考数据', 'Reference data')}>
      <h2>{pick(lang, '可备案职业（工种）目录', 'Filing-eligible catalogue')}</h2>
      <p class="hint">
        {pick(lang, '可导入 CSV 或 XLSX（表头：职业编码,职业名称,评价依据,等级）；每行按2022年版职业分类大典核对。', 'Import CSV or XLSX (headings: code,name,standardBasis,levels); each row is checked against the 2022 classification.')}
      </p>
      <label class="btn">
        {pick(lang, '导入 CSV / XLSX', 'Import CSV / XLSX')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          class="visually-hidden"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void importFile(f);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {notice && <p role="status">{notice}</p>}
      <ProblemList lang={lang} problems={importProblems} title={pick(lang, '导入时跳过的行', 'Rows not imported')} />
      <table class="catalog">
        <thead>
          <tr>
            <th>{pick(lang, '职业编码', 'Code')}</th>
            <th>{pick(lang, '职业名称', 'Name')}</th>
            <th>{pick(lang, '大典名称', '2022 name')}</th>
            <th>{pick(lang, '评价依据', 'Standard basis')}</th>
            <th>{pick(lang, '等级（顿号分隔）', 'Levels')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => {
            const official = occupations.find((o) => o.code === e.code)?.name;
            const rowProblems = problems.filter((p) => p.where.startsWith(`${CATALOG}#/entries/${i}/`));
            return (
              <tr key={i} class={rowProblems.length ? 'has-problem' : ''} title={rowProblems.map((p) => pick(lang, p.zh, p.en)).join('\n')}>
                <td>
                  <input class="mono" value={e.code} aria-label={pick(lang, `第${i + 1}行职业编码`, `Row ${i + 1} code`)} onInput={(ev) => setEntry(i, { code: ev.currentTarget.value.trim() })} />
                </td>
                <td>
                  <input value={e.name} aria-label={pick(lang, `第${i + 1}行职业名称`, `Row ${i + 1} name`)} onInput={(ev) => setEntry(i, { name: ev.currentTarget.value })} />
                </td>
                <td class={official ? '' : 'problem'}>{official ?? pick(lang, '大典中无此编码', 'not in 2022 list')}</td>
                <td>
                  <select value={e.standardBasis} onChange={(ev) => setEntry(i, { standardBasis: ev.currentTarget.value })}>
                    {STANDARD_BASES.map((b) => (
                      <option key={b} value={b}>
                        {b === 'national-standard' ? pick(lang, '国家职业标准', 'national standard') : pick(lang, '评价规范', 'evaluation spec')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input value={e.levels.join('、')} onInput={(ev) => setEntry(i, { levels: ev.currentTarget.value.split(/[、,，\s]+/).filter(Boolean) })} />
                </td>
                <td>
                  <button type="button" class="btn small remove" onClick={() => setEntries(entries.filter((_, k) => k !== i))}>
                    {pick(lang, '删除', 'Remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" class="btn" onClick={() => setEntries([...entries, { code: '', name: '', standardBasis: 'national-standard', levels: [] }])}>
        {pick(lang, '添加一行', 'Add row')}
      </button>
      <ProblemList lang={lang} problems={problems} title={pick(lang, '目录核对', 'Catalogue check')} />
      <h2>{pick(lang, '其他参考数据', 'Other reference data')}</h2>
      <ul class="file-links">
        {Object.keys(files)
          .filter((p) => (p.startsWith('reference/') && p !== CATALOG) || p.startsWith('portals/') || p === 'rules/parameters.json')
          .sort()
          .map((p) => (
            <li key={p}>
              <button type="button" class="btn small" onClick={() => onOpenJson(p)}>
                {p}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
