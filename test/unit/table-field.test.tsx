// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

// `"ui:field": "table"` (filing documents' occupations and staff lists): one table, a line per row,
// the same ids, widgets and findings as RJSF's own rows.
let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

const rows = [
  { code: '6-31-01-03', levels: ['初级工'], standardBasis: 'national-standard', trade: '甲' },
  { code: '6-18-02-04', levels: ['中级工'], standardBasis: 'national-standard', trade: '乙' },
  { code: '6-18-01-01', levels: ['高级工'], standardBasis: 'national-standard', trade: '丙' },
];

function open(initial: Record<string, unknown>, onData?: (d: Record<string, unknown>) => void) {
  render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={initial} onData={onData} />);
}
const trades = () => [...document.querySelectorAll<HTMLInputElement>('[id^="root_occupations_"][id$="_trade"]')].map((i) => i.value);

describe('a list shown as a table', () => {
  it('has one header of column titles with required marks, and one line per row with the kit’s widgets', () => {
    open({ occupations: rows });
    const table = document.querySelector('#root_occupations__array [role="table"]')!;
    const heads = [...table.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
    expect(heads).toContain('职业编码*');
    expect(heads.some((h) => h?.startsWith('申报等级*'))).toBe(true);
    expect(table.querySelectorAll('.table-row')).toHaveLength(3);
    // the occupation widget (name looked up from the code) and the level checkboxes, in row 2
    expect(document.getElementById('root_occupations_1_code__name')?.textContent).toBe('焊工');
    expect((document.getElementById('root_occupations_1_levels-2') as HTMLInputElement).checked).toBe(true);
    // every text control is named for screen readers by its column and row
    expect(document.getElementById('root_occupations_2_trade')?.getAttribute('aria-label')).toBe('工种（第 3 行）');
    expect(document.getElementById('root_occupations_2_levels')?.getAttribute('aria-label')).toBe('申报等级（第 3 行）');
  });

  it('names a select in a cell and shows its choice', () => {
    // (choosing is covered in Chromium, test/e2e/workbench.e2e.ts: happy-dom does not wire Preact's
    // change handler on <select>)
    open({ evaluators: [{ name: '张三', idNumber: '', level: '高级工' }] });
    const level = document.getElementById('root_evaluators_0_level') as HTMLSelectElement;
    expect(level.getAttribute('aria-label')).toBe('本人职业技能等级（第 1 行）');
    // first drawn as markup (forms/ui/fast/static-row.tsx), which marks the choice; happy-dom's parser misreads
    // `selected` (Chromium does not), so the selection itself is read once the row is live
    expect(level.querySelector('option[selected]')?.textContent).toBe('三级/高级工');
    fireEvent.focus(level);
    expect(document.getElementById('root_evaluators_0_level')).toBe(level); // the same element, adopted
    expect(level.selectedOptions[0].textContent).toBe('三级/高级工');
  });

  it('moves and removes rows, and typed values stay with their row', async () => {
    let last: Record<string, unknown> = {};
    open({ occupations: rows }, (d) => (last = d));
    fireEvent.click(document.querySelector('button[aria-label="下移：申报职业（工种）及等级 第 1 行"]')!);
    await waitFor(() => expect(trades()).toEqual(['乙', '甲', '丙']));
    fireEvent.click(document.querySelector('button[aria-label="删除：申报职业（工种）及等级 第 1 行"]')!);
    await waitFor(() => expect(trades()).toEqual(['甲', '丙']));
    expect((last.occupations as { trade: string }[]).map((r) => r.trade)).toEqual(['甲', '丙']);
    fireEvent.click(document.querySelector('#root_occupations__array > .btn.add')!);
    await waitFor(() => expect(trades()).toEqual(['甲', '丙', '']));
  });

  it('commits a typed cell to the form and shows its finding at the cell', async () => {
    let last: Record<string, unknown> = {};
    open({ occupations: rows }, (d) => (last = d));
    const code = document.getElementById('root_occupations_2_code') as HTMLInputElement;
    fireEvent.input(code, { target: { value: '9-99-99-99' } });
    fireEvent.blur(code);
    await waitFor(() => expect((last.occupations as { code: string }[])[2].code).toBe('9-99-99-99'));
    await waitFor(() => expect(document.getElementById('root_occupations_2_code__error')?.textContent).toMatch(/职业编码/));
    expect(document.querySelector('#root_occupations_2__section')?.classList.contains('has-error')).toBe(true);
  });

  it('does not let the last required row be removed (minItems)', () => {
    open({ occupations: rows.slice(0, 1) });
    expect((document.querySelector('button[aria-label="删除：申报职业（工种）及等级 第 1 行"]') as HTMLButtonElement).disabled).toBe(true);
  });
  it('speaks the form’s language when it changes: rows (drawn as markup or live), their buttons, the lists’ buttons', () => {
    const page = (lang: 'zh' | 'en') => (
      <DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang={lang} initialData={{ occupations: rows, sites: [{}] }} />
    );
    const { rerender } = render(page('zh'));
    fireEvent.focus(document.getElementById('root_occupations_0_trade')!); // row 1 live, row 2 still markup
    rerender(page('en'));
    for (const i of [0, 1]) {
      expect(document.getElementById(`root_occupations_${i}_trade`)?.getAttribute('aria-label')).toBe(`Type of work（row ${i + 1}）`); // the pack's English title (schemas/i18n/en.json)
      expect(document.querySelector(`#root_occupations_${i}__section .btn.remove`)?.textContent).toBe('Remove');
    }
    expect(document.querySelector('#root_occupations__array > .btn.add')?.textContent).toMatch(/^Add to /);
    // a list RJSF draws itself (not a table): its buttons follow too
    expect(document.querySelector('#root_sites__array > .btn.add')?.textContent).toMatch(/^Add to /);
    rerender(page('zh'));
    expect(document.querySelector('#root_sites__array > .btn.add')?.textContent).toBe('添加考核点');
    expect(document.querySelector('#root_occupations_1__section .btn.remove')?.textContent).toBe('删除');
  });
});
