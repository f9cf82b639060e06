// @vitest-environment happy-dom
/**
 * The background checks the tab's origin before it sends a fill; the tab may navigate in between. The
 * content script checks again and fills nothing on a page whose origin the background did not check.
 */
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanItem } from '../../forms/core/fill/types';
import { registerAutofill } from '../../shared/autofill/autofill-service';
import { rememberDraft } from '../../shared/autofill/store';

interface ContentScript {
  main(): void;
}

const item: PlanItem = { id: '/institution/name', path: '/institution/name', title: '机构名称', match: { selector: '#name' }, value: '上海示例电气集团有限公司', kind: 'text' };
const fill = (origins: string[]) => ({ type: 'cs:fill', fillId: `f-${origins.join()}`, items: [item], lang: 'zh', origins });

/** Delivers a message to the content script's listener as the browser does, with a sendResponse callback. */
async function send(msg: unknown): Promise<unknown> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => void trigger(msg, {}, resolve));
}

beforeAll(() => {
  // happy-dom lays nothing out: every element gets a visible box
  Element.prototype.getBoundingClientRect = () => ({ left: 10, top: 10, right: 210, bottom: 40, width: 200, height: 30, x: 10, y: 10, toJSON: () => ({}) }) as DOMRect;
  // the WXT build wraps the entrypoint; here its definition is the script itself
  vi.stubGlobal('defineContentScript', (def: ContentScript) => def);
});

describe('the autofill content script', () => {
  it('fills nothing when the page is no longer on the origin the background checked, and fills when it is', async () => {
    const win = window as unknown as { happyDOM: { setURL(url: string): void } };
    win.happyDOM.setURL('https://other.example/after-navigation');
    document.body.innerHTML = '<label for="name">机构名称</label><input id="name" type="text">';
    const script = (await import('../../extension/autofill.content')).default as unknown as ContentScript;
    script.main();
    const input = document.getElementById('name') as HTMLInputElement;

    await expect(send(fill(['https://portal.example']))).resolves.toEqual({ error: 'origin-changed' });
    expect(input.value).toBe('');

    win.happyDOM.setURL('https://portal.example/apply');
    const report = (await send(fill(['https://portal.example']))) as { outcomes: { id: string; status: string }[] };
    expect(report.outcomes.find((o) => o.id === '/institution/name')?.status).toBe('filled');
    expect(input.value).toBe('上海示例电气集团有限公司');
  });
});

describe('the background when the content script finds the tab elsewhere', () => {
  it('says the page moved to another site and nothing was filled (not “no report”)', async () => {
    const bundled = readFileSync('generated/pack.json', 'utf8');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(bundled)));
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    const title = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, {
      commands: { onCommand: { addListener: (l: typeof onCommand) => (onCommand = l) } },
      action: { setBadgeText: vi.fn(async () => undefined), setTitle: title },
      scripting: { executeScript: vi.fn(async () => []) },
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url: 'https://zwdt.sh.gov.cn/form' } as never);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ error: 'origin-changed' } as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ action: { default_title: '技能等级认定表单助手' } } as never);
    await rememberDraft({ docId: 'filing-enterprise', data: { institution: { name: '上海示例电气集团有限公司' } } });
    registerAutofill();
    onCommand!('autofill-current-tab', { id: 7 });
    await waitFor(() => expect(title).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledWith(7, expect.objectContaining({ type: 'cs:fill', origins: ['https://zwdt.sh.gov.cn'] }), { frameId: 0 });
    expect(title).toHaveBeenCalledWith({ tabId: 7, title: '页面已转到其他网站，未填写任何内容：https://zwdt.sh.gov.cn' });
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
});
