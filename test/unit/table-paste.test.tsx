// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { isSpreadsheetPaste, parseSpreadsheetText } from '../../forms/ui/theme/table-paste';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

function paste(target: Element, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: { getData(t: string): string } };
  Object.defineProperty(event, 'clipboardData', { value: { getData: (t: string) => (t === 'text/plain' ? text : '') } });
  target.dispatchEvent(event);
  return event;
}

describe('spreadsheet text', () => {
  it('cuts tab-separated lines into cells, with quoted cells holding tabs, newlines and quotes', () => {
    expect(parseSpreadsheetText('a\tb\r\n"c\td"\t"say ""hi""\nthere"\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['c\td', 'say "hi"\nthere'],
    ]);
    expect(isSpreadsheetPaste('张三\n')).toBe(false);
    expect(isSpreadsheetPaste('张三\t310101199001011234')).toBe(true);
    expect(isSpreadsheetPaste('张三\n李四')).toBe(true);
  });
});

describe('pasting a staff list into a table', () => {
  it('fills rows from the cell pasted into, adds the rows needed, and turns names and labels into codes', async () => {
    let last: Record<string, unknown> = {};
    render(
      <DocumentPage
        pack={pack}
        engine={createInterpreterEngine(pack)}
        docId="filing-enterprise"
        lang="zh"
        initialData={{ occupations: [{}] }}
        onData={(d) => (last = d)}
      />,
    );
    const first = document.getElementById('root_occupations_0_code')!;
    fireEvent.focus(first);
    const ev = paste(first, '电工\t甲\t初级工、中级工\t国家职业标准\n机修钳工\t\t五级\t国家职业标准\n焊工\t乙\n');
    expect(ev.defaultPrevented).toBe(true);
    await waitFor(() => expect((last.occupations as unknown[] | undefined)?.length).toBe(3));
    const occ = last.occupations as Record<string, unknown>[];
    expect(occ.map((r) => r.code)).toEqual(['6-31-01-03', '6-31-01-02', '6-18-02-04']);
    // the read-only name column is skipped: the sheet's second column is the trade
    expect(occ[0].trade).toBe('甲');
    expect(occ[0].levels).toEqual(['初级工', '中级工']);
    expect(occ[0].standardBasis).toBe('national-standard');
    expect(occ[2].trade).toBe('乙');
  });

  it('names each add button by its list and puts the focus in the new row', async () => {
    render(<DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{}} />);
    const names = [...document.querySelectorAll('button.add')].map((b) => b.textContent);
    expect(names).toContain('添加考评人员');
    expect(names).toContain('添加申报职业（工种）及等级');
    expect(new Set(names).size).toBe(names.length);
    const add = [...document.querySelectorAll('button.add')].find((b) => b.textContent === '添加考评人员') as HTMLButtonElement;
    fireEvent.click(add);
    await waitFor(() => expect(document.activeElement?.id).toMatch(/^root_evaluators_0_/));
    // the new row is empty, not wrong: nothing red yet
    await new Promise((r) => setTimeout(r, 500));
    expect([...document.querySelectorAll('#root_evaluators__array .has-error')].map((e) => e.id + ' ' + e.textContent)).toEqual([]);
  });
});
