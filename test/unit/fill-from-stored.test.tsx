// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateReference } from '../../forms/core/reference/reference-context';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { parseFillFrom, rowsFromDocument } from '../../forms/core/schema/rows-from-document';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DocumentPage } from '../../forms/ui/document/DocumentPage';
import type { StoredDocument, StoredDocuments } from '../../forms/ui/theme/form-context';

let pack: Pack;
afterEach(cleanup);
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  activateReference(pack);
});

const filing = (id: string, title: string, occupations: unknown[]): StoredDocument => ({
  id,
  docId: 'filing-enterprise',
  title,
  updated: '2025-03-10T08:00:00.000Z',
  data: { institution: { name: title }, occupations },
});

function open(stored: StoredDocuments, initialData: Record<string, unknown> = {}) {
  let data: Record<string, unknown> = initialData;
  const asked: string[][] = [];
  render(
    <DocumentPage
      pack={pack}
      engine={createInterpreterEngine(pack)}
      docId="candidate-registration"
      lang="zh"
      initialData={initialData}
      onData={(d) => (data = d)}
      storedDocuments={async (ids) => (asked.push([...ids]), stored)}
    />,
  );
  const button = [...document.querySelectorAll<HTMLButtonElement>('#root_filedScope__array button')].find((b) => b.textContent === '从已保存的草稿带入');
  return { button: button!, data: () => data, asked };
}

const status = () => document.querySelector('#root_filedScope__array .fill-from-status')?.textContent ?? '';

describe('the filed scope, filled from the institution’s filing draft', () => {
  it('reads the rows of the source list, only the target’s fields, without empty rows or repeats', () => {
    const from = parseFillFrom({ documents: ['filing-enterprise'], list: '/occupations' })!;
    const data = { occupations: [{ code: '6-31-01-03', name: '电工', levels: ['初级工'], basis: 'national' }, {}, { code: '6-31-01-03', name: '电工', levels: ['初级工'] }] };
    expect(rowsFromDocument(data, from, ['code', 'name', 'levels'])).toEqual([{ code: '6-31-01-03', name: '电工', levels: ['初级工'] }]);
    expect(parseFillFrom({ documents: ['x'], list: '/__proto__/a' })).toBeUndefined();
    expect(parseFillFrom({ documents: [], list: '/occupations' })).toBeUndefined();
  });

  it('fills from the one stored filing at once, into the form and the draft', async () => {
    const one = filing('d1', '上海示例电气集团有限公司', [
      { code: '6-31-01-03', name: '电工', levels: ['初级工', '中级工'] },
      { code: '6-18-02-04', name: '焊工', levels: ['中级工'] },
    ]);
    const { button, data, asked } = open({ drafts: [one], locked: 0 });
    expect(button).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(status()).toBe('已从「上海示例电气集团有限公司」带入 2 项。'));
    expect(asked[0]).toEqual(expect.arrayContaining(['filing-enterprise', 'filing-social-org', 'filing-school']));
    expect(data().filedScope).toEqual([
      { code: '6-31-01-03', name: '电工', levels: ['初级工', '中级工'] },
      { code: '6-18-02-04', name: '焊工', levels: ['中级工'] },
    ]);
    expect((document.getElementById('root_filedScope_1_code') as HTMLInputElement).value).toBe('6-18-02-04');
  });

  it('offers a choice among several stored filings', async () => {
    const a = filing('a', '甲公司', [{ code: '6-31-01-03', name: '电工', levels: ['初级工'] }]);
    const b = filing('b', '乙公司', [{ code: '6-18-02-04', name: '焊工', levels: ['高级工'] }]);
    const { button, data } = open({ drafts: [a, b], locked: 0 });
    fireEvent.click(button);
    const choice = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLButtonElement>('.fill-from-choices button')].find((x) => x.textContent?.includes('乙公司'));
      expect(found).toBeTruthy();
      return found!;
    });
    expect(document.querySelector('.fill-from-choices legend')?.textContent).toBe('选择要带入的草稿');
    expect(data().filedScope ?? []).toEqual([]); // nothing filled before the choice
    fireEvent.click(choice);
    await waitFor(() => expect(data().filedScope).toEqual([{ code: '6-18-02-04', name: '焊工', levels: ['高级工'] }]));
    expect(document.querySelector('.fill-from-choices')).toBeNull();
  });

  it('says clearly when there is no filing draft, and when the drafts are encrypted', async () => {
    const none = open({ drafts: [], locked: 0 });
    fireEvent.click(none.button);
    await waitFor(() => expect(status()).toContain('没有可带入的草稿'));
    expect(status()).toContain('「企业职业技能等级评价机构备案申请」');
    expect(none.data().filedScope ?? []).toEqual([]);
    cleanup();
    const locked = open({ drafts: [], locked: 2 });
    fireEvent.click(locked.button);
    await waitFor(() => expect(status()).toBe('有 2 份草稿已加密：请先在「草稿」页输入口令解锁，再带入。'));
  });
});
