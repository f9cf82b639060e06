import { todayIso } from '../../core/formats/calendar-date';
import readXlsxFile from 'read-excel-file/browser';
import writeXlsxFile from 'write-excel-file/browser';
import { useState } from 'preact/hooks';
import { pinReference } from '../../core/editor/case-pinning';
import {
  BASIS_LABEL,
  catalogChange,
  catalogFromRows,
  catalogRows,
  checkCatalog,
  decodeCsvBytes,
  normalizeLevels,
  parseCsv,
  STANDARD_BASES,
  toCsv,
  type CatalogChange,
  type CatalogEntry,
  type LevelDef,
} from '../../core/editor/catalog-import';
import { downloadText } from '../download';
import type { PackProblem } from '../../core/editor/problem';
import type { Pack, PackFiles } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { ProblemList } from './ProblemList';
import { ReferenceStatus } from './ReferenceStatus';
import { textIn } from '../../core/i18n/text';

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
  const ladder = ((pack?.reference.levels as { levels?: LevelDef[] }) ?? {}).levels ?? [];
  const levels = ladder.map((l) => l.name);
  const problems = checkCatalog(entries, occupations, levels);
  const [incoming, setIncoming] = useState<{ name: string; entries: CatalogEntry[]; encoding: string } | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  // rule cases that read the catalogue keep the rows they were written for (case-pinning.ts)
  const setEntries = (next: CatalogEntry[], meta: Record<string, unknown> = {}) => {
    const pinned = pinReference(files, 'filing-catalog', catalog);
    onFiles({ ...pinned.files, [CATALOG]: { ...catalog, ...meta, entries: next } });
  };
  const setEntry = (i: number, e: Partial<CatalogEntry>) => setEntries(entries.map((x, k) => (k === i ? { ...x, ...e } : x)));
  const change: CatalogChange | null = incoming ? catalogChange(entries, incoming.entries, mode) : null;

  const importFile = async (file: File) => {
    setNotice('');
    setIncoming(null);
    try {
      let rows: unknown[][];
      let encoding = 'xlsx';
      if (/\.xlsx$/i.test(file.name)) rows = (await readXlsxFile(file))[0]?.data ?? [];
      else {
        const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
        encoding = decoded.encoding;
        rows = parseCsv(decoded.text);
      }
      const r = catalogFromRows(rows, file.name);
      setImportProblems(r.problems);
      if (!r.entries.length) return;
      setIncoming({ name: file.name, entries: normalizeLevels(r.entries, ladder), encoding });
    } catch (e) {
      setImportProblems([{ where: file.name, zh: `文件无法读取：${(e as Error).message}`, en: `the file could not be read: ${(e as Error).message}` }]);
    }
  };
  const apply = () => {
    if (!incoming || !change) return;
    // an imported list is the bureau's copy of the national catalogue: rules may then treat a missing code as an error
    setEntries(change.entries, { status: 'official', date: todayIso(), source: { type: 'national', document: incoming.name, confirmed: true } });
    setNotice(
      textIn({ zh: `已从 ${incoming.name} ${mode === 'merge' ? '合并' : '替换'}：新增 ${change.added.length} 条，修改 ${change.changed.length} 条，删除 ${change.removed.length} 条`, en: `${mode === 'merge' ? 'Merged' : 'Replaced'} from ${incoming.name}: ${change.added.length} added, ${change.changed.length} changed, ${change.removed.length} removed` }, lang),
    );
    setIncoming(null);
  };
  const exportCsv = () => downloadText('filing-catalog.csv', toCsv(catalogRows(entries)), 'text/csv;charset=utf-8');
  const exportXlsx = async () => {
    const blob = await writeXlsxFile(catalogRows(entries), { sheet: '可备案职业目录' }).toBlob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'filing-catalog.xlsx';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const levelText = (e: CatalogEntry) => e.levels.join('、');

  return (
    <section class="reference-editor" aria-label={textIn({ zh: '参考数据', en: 'Reference data' }, lang)}>
      <h2>{textIn({ zh: '可备案职业（工种）目录', en: 'Filing-eligible catalogue' }, lang)}</h2>
      <ReferenceStatus meta={files[CATALOG] as Record<string, unknown> | undefined} lang={lang} />
      <p class="hint">
        {textIn({ zh: '可导入 CSV 或 XLSX（表头：职业编码,职业名称,评价依据,等级）；每行按2022年版职业分类大典核对。', en: 'Import CSV or XLSX (headings: code,name,standardBasis,levels); each row is checked against the 2022 classification.' }, lang)}
      </p>
      <label class="btn">
        {textIn({ zh: '导入 CSV / XLSX', en: 'Import CSV / XLSX' }, lang)}
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
      <button type="button" class="btn" onClick={exportCsv}>
        {textIn({ zh: '导出 CSV', en: 'Export CSV' }, lang)}
      </button>{' '}
      <button type="button" class="btn" onClick={() => void exportXlsx()}>
        {textIn({ zh: '导出 XLSX', en: 'Export XLSX' }, lang)}
      </button>
      {notice && <p role="status">{notice}</p>}
      <ProblemList lang={lang} problems={importProblems} title={textIn({ zh: '导入时跳过的行', en: 'Rows not imported' }, lang)} />
      {incoming && change && (
        <div class="card import-preview" role="group" aria-label={textIn({ zh: '导入预览', en: 'Import preview' }, lang)}>
          <h3>
            {textIn({ zh: `导入预览：${incoming.name}（${incoming.entries.length} 条，编码 ${incoming.encoding.toUpperCase()}）`, en: `Import preview: ${incoming.name} (${incoming.entries.length} rows, ${incoming.encoding.toUpperCase()})` }, lang)}
          </h3>
          <div class="row">
            <label class="inline">
              <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
              {textIn({ zh: '合并（同编码的行更新，新编码追加，其余保留）', en: 'Merge (same code updated, new codes added, the rest kept)' }, lang)}
            </label>
            <label class="inline">
              <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
              {textIn({ zh: '替换（文件成为整个目录）', en: 'Replace (the file becomes the whole catalogue)' }, lang)}
            </label>
          </div>
          <p data-testid="import-summary">
            {textIn({ zh: `新增 ${change.added.length} 条，修改 ${change.changed.length} 条，删除 ${change.removed.length} 条；导入后共 ${change.entries.length} 条`, en: `${change.added.length} added, ${change.changed.length} changed, ${change.removed.length} removed; ${change.entries.length} after the import` }, lang)}
          </p>
          <ul class="change-list">
            {change.added.map((e) => (
              <li key={`a${e.code}`} data-change="added">
                <span class="tag added">{textIn({ zh: '新增', en: 'added' }, lang)}</span> {e.code} {e.name}（{levelText(e)}）
              </li>
            ))}
            {change.changed.map(({ before, after }) => (
              <li key={`c${after.code}`} data-change="changed">
                <span class="tag changed">{textIn({ zh: '修改', en: 'changed' }, lang)}</span> {after.code} {after.name}：
                {before.name !== after.name && `${before.name} → ${after.name}；`}
                {before.standardBasis !== after.standardBasis && `${BASIS_LABEL[before.standardBasis] ?? before.standardBasis} → ${BASIS_LABEL[after.standardBasis] ?? after.standardBasis}；`}
                {levelText(before) !== levelText(after) && `${levelText(before)} → ${levelText(after)}`}
              </li>
            ))}
            {change.removed.map((e) => (
              <li key={`r${e.code}`} data-change="removed">
                <span class="tag removed">{textIn({ zh: '删除', en: 'removed' }, lang)}</span> {e.code} {e.name}
              </li>
            ))}
          </ul>
          <button type="button" class="btn primary" onClick={apply}>
            {mode === 'merge' ? textIn({ zh: '确认合并', en: 'Merge' }, lang) : textIn({ zh: '确认替换', en: 'Replace' }, lang)}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setIncoming(null)}>
            {textIn({ zh: '取消', en: 'Cancel' }, lang)}
          </button>
        </div>
      )}
      <table class="catalog">
        <thead>
          <tr>
            <th>{textIn({ zh: '职业编码', en: 'Code' }, lang)}</th>
            <th>{textIn({ zh: '职业名称', en: 'Name' }, lang)}</th>
            <th>{textIn({ zh: '大典名称', en: '2022 name' }, lang)}</th>
            <th>{textIn({ zh: '评价依据', en: 'Standard basis' }, lang)}</th>
            <th>{textIn({ zh: '等级（顿号分隔）', en: 'Levels' }, lang)}</th>
            <th>
              <span class="visually-hidden">{textIn({ zh: '操作', en: 'Actions' }, lang)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => {
            const official = occupations.find((o) => o.code === e.code)?.name;
            const rowProblems = problems.filter((p) => p.where.startsWith(`${CATALOG}#/entries/${i}/`));
            return (
              <tr key={i} class={rowProblems.length ? 'has-problem' : ''} title={rowProblems.map((p) => textIn(p, lang)).join('\n')}>
                <td>
                  <input class="mono" value={e.code} aria-label={textIn({ zh: `第${i + 1}行职业编码`, en: `Row ${i + 1} code` }, lang)} onInput={(ev) => setEntry(i, { code: ev.currentTarget.value.trim() })} />
                </td>
                <td>
                  <input value={e.name} aria-label={textIn({ zh: `第${i + 1}行职业名称`, en: `Row ${i + 1} name` }, lang)} onInput={(ev) => setEntry(i, { name: ev.currentTarget.value })} />
                </td>
                <td class={official ? '' : 'problem'}>{official ?? textIn({ zh: '大典中无此编码', en: 'not in 2022 list' }, lang)}</td>
                <td>
                  <select value={e.standardBasis} aria-label={textIn({ zh: `第${i + 1}行评价依据`, en: `Row ${i + 1} standard basis` }, lang)} onChange={(ev) => setEntry(i, { standardBasis: ev.currentTarget.value })}>
                    {STANDARD_BASES.map((b) => (
                      <option key={b} value={b}>
                        {b === 'national-standard' ? textIn({ zh: '国家职业标准', en: 'national standard' }, lang) : textIn({ zh: '评价规范', en: 'evaluation spec' }, lang)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input value={e.levels.join('、')} aria-label={textIn({ zh: `第${i + 1}行等级`, en: `Row ${i + 1} levels` }, lang)} onChange={(ev) => setEntry(i, { levels: normalizeLevels([{ ...e, levels: ev.currentTarget.value.split(/[、,，\s]+/).filter(Boolean) }], ladder)[0].levels })} />
                </td>
                <td>
                  <button type="button" class="btn small remove" onClick={() => setEntries(entries.filter((_, k) => k !== i))}>
                    {textIn({ zh: '删除', en: 'Remove' }, lang)}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" class="btn" onClick={() => setEntries([...entries, { code: '', name: '', standardBasis: 'national-standard', levels: [] }])}>
        {textIn({ zh: '添加一行', en: 'Add row' }, lang)}
      </button>
      <ProblemList lang={lang} problems={problems} title={textIn({ zh: `目录核对：${problems.length} 个问题，修正前不能发布`, en: `Catalogue check: ${problems.length} problem(s); publishing waits until they are fixed` }, lang)} />
      <h2>{textIn({ zh: '其他参考数据', en: 'Other reference data' }, lang)}</h2>
      <ul class="file-links">
        {Object.keys(files)
          .filter((p) => (p.startsWith('reference/') && p !== CATALOG) || p.startsWith('portals/') || p === 'rules/parameters.json')
          .sort()
          .map((p) => (
            <li key={p}>
              <button type="button" class="btn small" onClick={() => onOpenJson(p)}>
                {p}
              </button>
              {p.startsWith('reference/') && <ReferenceStatus meta={files[p] as Record<string, unknown> | undefined} lang={lang} />}
            </li>
          ))}
      </ul>
    </section>
  );
}
