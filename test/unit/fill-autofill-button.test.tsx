// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutofillResult } from '../../forms/core/fill/messages';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';

const ok: AutofillResult = {
  ok: true,
  docId: 'filing-enterprise',
  portalId: 'demo-plain',
  planSkipped: [{ path: '/occupations', title: '申报职业（工种）及等级', reason: 'array-without-map' }],
  report: {
    fillId: 'f1',
    url: 'http://127.0.0.1:5173/plain/index.html',
    elapsedMs: 12,
    crossOriginFrames: ['http://127.0.0.1:5174'],
    outcomes: [
      { id: '/institution/name', path: '/institution/name', title: '机构名称', status: 'filled', value: '上海示例电气集团有限公司' },
      { id: '/contact/position', path: '/contact/position', title: '职务', status: 'skipped', value: '人力资源部经理', reason: 'disabled' },
      { id: '/ownership', path: '/ownership', title: '企业性质', status: 'failed', value: '市属国企', reason: 'did-not-stick' },
    ],
  },
};

let sent: Array<Record<string, unknown>>;
beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener(((msg: Record<string, unknown>) => {
    sent.push(msg);
    if (msg.type === 'bg:autofill-last') return Promise.resolve({ result: null });
    if (msg.type === 'bg:autofill') return Promise.resolve(ok);
    if (msg.type === 'bg:autofill-undo') return Promise.resolve({ ok: true, restored: 1, failed: [] });
    if (msg.type === 'bg:autofill-learn') return Promise.resolve({ ok: true });
    if (msg.type === 'bg:autofill-drafts') {
      return Promise.resolve({ ok: true, drafts: [
        { id: 'd1', docId: 'filing-enterprise', title: '上海示例电气集团有限公司', updated: '2025-03-10T00:00:00Z', locked: false },
        { id: 'd2', docId: 'filing-enterprise', title: '加密的草稿', updated: '2025-03-09T00:00:00Z', locked: true },
      ] });
    }
    return undefined;
  }) as never);
});
afterEach(cleanup);

describe('the popup autofill button', () => {
  it('sends one autofill message with the draft and shows the report with reasons', async () => {
    render(<AutofillButton draft={{ docId: 'filing-enterprise', data: { a: 1 } }} />);
    fireEvent.click(screen.getByText('填写当前页面'));
    // the counts are those of the list (the table skipped while planning counts as skipped), problems first
    await waitFor(() => expect(screen.getByText(/未成功 1 · 未找到 0 · 已跳过 2 · 已填写 1/)).toBeTruthy());
    const items = [...document.querySelectorAll('.autofill-report li')].map((li) => li.className);
    expect(items).toEqual(['s-failed', 's-skipped', 's-skipped', 's-filled']);
    expect(sent.find((m) => m.type === 'bg:autofill')).toMatchObject({ draft: { docId: 'filing-enterprise', data: { a: 1 } } });
    expect(screen.getByText(/字段已禁用/)).toBeTruthy();
    expect(screen.getByText(/填写后读回的值不一致/)).toBeTruthy();
    expect(screen.getByText(/表格没有门户映射/)).toBeTruthy();
  });
  it('names a cross-origin frame and fills it only when that button is pressed; undo reports the count', async () => {
    render(<AutofillButton draft={{ docId: 'filing-enterprise', data: {} }} />);
    fireEvent.click(screen.getByText('填写当前页面'));
    const frameButton = await screen.findByText('也填写其他网站嵌入的区域（http://127.0.0.1:5174）');
    fireEvent.click(frameButton);
    await waitFor(() => expect(sent.filter((m) => m.type === 'bg:autofill')).toHaveLength(2));
    expect(sent.filter((m) => m.type === 'bg:autofill')[1]).toMatchObject({ confirmFrames: ['http://127.0.0.1:5174'] });
    fireEvent.click(await screen.findByText('撤销填写'));
    expect(await screen.findByText('已撤销 1 项')).toBeTruthy();
  });
  it('starts learn mode for the document of the draft', async () => {
    render(<AutofillButton draft={{ docId: 'filing-enterprise', data: { secret: 'x' } }} />);
    fireEvent.click(screen.getByText('手动对应此页面的字段'));
    expect(await screen.findByText(/请在页面上点击字段/)).toBeTruthy();
    const learn = sent.find((m) => m.type === 'bg:autofill-learn');
    expect(learn).toMatchObject({ docId: 'filing-enterprise' });
    expect(JSON.stringify(learn)).not.toContain('secret');
  });
  it('without a draft from its page, offers the stored drafts and fills the chosen one by id', async () => {
    render(<AutofillButton />);
    const select = (await screen.findByRole('combobox')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['上次使用的草稿', '上海示例电气集团有限公司', '加密的草稿（已加密）']);
    expect(select.options[2].disabled).toBe(true);
    select.value = 'd1';
    fireEvent.change(select);
    fireEvent.click(screen.getByText('填写当前页面'));
    await waitFor(() => expect(sent.find((m) => m.type === 'bg:autofill')).toMatchObject({ draftId: 'd1' }));
    expect(sent.find((m) => m.type === 'bg:autofill')?.draft).toBeUndefined();
  });
  it('shows why a fill was refused', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners?.();
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener(((msg: Record<string, unknown>) =>
      Promise.resolve(
        msg.type === 'bg:autofill'
          ? { ok: false, reason: 'not-listed', origin: 'https://evil.example', message: { zh: '该网站不在允许填写的门户列表中：https://evil.example', en: 'x' } }
          : { result: null },
      )) as never);
    render(<AutofillButton draft={{ docId: 'filing-enterprise', data: {} }} />);
    fireEvent.click(screen.getByText('填写当前页面'));
    expect((await screen.findByRole('alert')).textContent).toContain('https://evil.example');
  });
});
