// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { addedRows, presentPointers, visibleFindings } from '../../forms/ui/document/visible-findings';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';

let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

const finding = (path: string) => ({ path, message: path, severity: 'error' as const });

describe('what a clerk sees on a new form', () => {
  it('never pre-ticks the declaration nor reports it ticked', async () => {
    let last: Record<string, unknown> | undefined;
    render(
      <DocumentPage pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{}} onData={(d) => (last = d)} />,
    );
    const box = document.getElementById('root_declaration_commitment') as HTMLInputElement;
    expect(box).not.toBeNull();
    expect(box.checked).toBe(false);
    // any change the form reports (defaults included) does not hold a ticked declaration
    fireEvent.input(document.getElementById('root_institution_name') as HTMLInputElement, { target: { value: '上海某某机械有限公司' } });
    fireEvent.blur(document.getElementById('root_institution_name') as HTMLInputElement);
    await waitFor(() => expect(last).toBeDefined());
    expect((last!.declaration as { commitment?: unknown } | undefined)?.commitment).not.toBe(true);
  });

  it('does not count unticked boxes as entries when a draft is reopened', () => {
    expect([...presentPointers({ declaration: { signature: { sealed: false } }, a: '', b: 'x', c: true })]).toEqual(['/b', '/c']);
  });

  it('keeps rows just added quiet until a cell of theirs is touched, and shows a row finding once the row is', () => {
    const fs = [finding('/occupations/1/code'), finding('/occupations/1'), finding('/occupations/0/code')];
    const added = addedRows({ occupations: [{ code: 'x' }] }, { occupations: [{ code: 'x' }, {}] });
    expect(added).toEqual(['/occupations/1']);
    // after a submit, the new row is still quiet; the old row's finding shows
    expect(visibleFindings(fs, new Set(), true, new Set(added)).map((f) => f.path)).toEqual(['/occupations/0/code']);
    // touching a cell of the row shows that cell's finding and the row's own
    expect(visibleFindings(fs, new Set(['/occupations/1/code']), false).map((f) => f.path)).toEqual(['/occupations/1/code', '/occupations/1']);
  });
});

describe('levels as the ladder names them', () => {
  it('labels level choices 五级/初级工 in the form and on paper, unless ui.json names them', async () => {
    const { printModel } = await import('../../forms/ui/print/print-model');
    render(
      <DocumentPage
        pack={pack}
        engine={createInterpreterEngine(pack)}
        docId="filing-enterprise"
        lang="zh"
        initialData={{ occupations: [{ code: '6-31-01-03', levels: ['初级工', '技师'] }] }}
      />,
    );
    expect(document.getElementById('root_occupations__array')?.textContent).toContain('五级/初级工');
    expect(document.getElementById('root_occupations__array')?.textContent).toContain('二级/技师');
    const m = printModel(pack, 'filing-enterprise', { occupations: [{ code: '6-31-01-03', levels: ['初级工', '技师'] }] });
    expect(JSON.stringify(m.sections)).toContain('五级/初级工、二级/技师');
  });
});
