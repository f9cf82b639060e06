// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAutofill } from '../../shared/autofill/autofill-service';
import { AutofillButton } from '../../forms/ui/popup/AutofillButton';

// Autofill's other two entry points (keyboard command and context menu), which headless Chromium cannot press: the keyboard
// command (handled in the background, answered on the toolbar icon) and the optional host permission
// the popup asks for inside the click, at first use on a portal.
const bundled = readFileSync('generated/pack.json', 'utf8');
type Listener = (command: string, tab?: { id?: number }) => void;

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(bundled)));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the keyboard command', () => {
  async function press(url: string) {
    let onCommand: Listener | undefined;
    const badge = vi.fn(async () => undefined);
    const title = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, {
      commands: { onCommand: { addListener: (l: Listener) => (onCommand = l) } },
      action: { setBadgeText: badge, setTitle: title },
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url } as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ action: { default_title: '技能等级认定表单助手' } } as never);
    registerAutofill();
    expect(onCommand).toBeDefined();
    onCommand!('autofill-current-tab', { id: 7 });
    await waitFor(() => expect(title).toHaveBeenCalled());
    return { badge, title };
  }

  it('checks the tab’s origin like the popup button and says on the toolbar icon why nothing was filled', async () => {
    const { badge, title } = await press('https://example.com/form');
    expect(badge).toHaveBeenCalledWith({ tabId: 7, text: '!' });
    expect(title).toHaveBeenCalledWith({ tabId: 7, title: '该网站不在允许填写的门户列表中：https://example.com' });
  });

  it('refuses a plain-HTTP portal address (HTTPS required except on this machine)', async () => {
    const { title } = await press('http://zwdt.sh.gov.cn/form');
    expect(title).toHaveBeenCalledWith({ tabId: 7, title: expect.stringContaining('只在 HTTPS 页面上填写') });
  });
});

describe('the host permission for a portal', () => {
  function mount(granted: boolean) {
    const sent: Array<Record<string, unknown>> = [];
    const request = vi.fn(async () => granted);
    Object.assign(fakeBrowser, { permissions: { request } });
    fakeBrowser.runtime.onMessage.addListener(((msg: Record<string, unknown>) => {
      sent.push(msg);
      if (msg.type === 'bg:autofill') return Promise.resolve({ ok: false, reason: 'no-draft', message: { zh: '请先选择要填写的草稿', en: '' } });
      return Promise.resolve({ result: null });
    }) as never);
    render(<AutofillButton draft={{ docId: 'filing-enterprise', data: {} }} requestOrigin="https://zwdt.sh.gov.cn" />);
    fireEvent.click(screen.getByText('填写当前页面'));
    return { sent, request };
  }

  it('is asked for the portal’s own origin only, inside the click, and a refusal fills nothing', async () => {
    const { sent, request } = mount(false);
    expect(await screen.findByText('未获得该网站的访问授权')).toBeTruthy();
    expect(request).toHaveBeenCalledWith({ origins: ['https://zwdt.sh.gov.cn/*'] });
    expect(sent.some((m) => m.type === 'bg:autofill')).toBe(false);
  });

  it('once granted, the fill goes ahead', async () => {
    const { sent } = mount(true);
    await waitFor(() => expect(sent.some((m) => m.type === 'bg:autofill')).toBe(true));
  });
});
