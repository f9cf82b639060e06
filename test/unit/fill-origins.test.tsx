// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOrigin, parseOriginList } from '../../forms/core/fill/origin';
import { AllowedOriginsSettings } from '../../forms/ui/fill/AllowedOriginsSettings';
import { USER_ORIGINS_KEY } from '../../shared/autofill/store';
import { extGet } from '../../shared/storage/extension-store';

afterEach(cleanup);

describe('the user list of extra portal origins', () => {
  it('keeps valid patterns and names every wrong line', () => {
    const r = parseOriginList('https://rsj.sh.gov.cn\n\nhttp://portal.example.cn\nhttps://*.osta.org.cn/\nnot a url\nhttp://127.0.0.1:*');
    expect(r.patterns).toEqual(['https://rsj.sh.gov.cn', 'https://*.osta.org.cn', 'http://127.0.0.1:*']);
    expect(r.problems.map((p) => [p.line, p.zh])).toEqual([
      [3, '只允许 HTTPS（localhost 与 127.0.0.1 除外）'],
      [5, '不是有效的来源，例如 https://rsj.sh.gov.cn 或 https://*.osta.org.cn'],
    ]);
    // what is kept is what the fill's origin check then accepts
    expect(checkOrigin('https://jigou.osta.org.cn/apply', r.patterns)).toMatchObject({ ok: true });
    expect(checkOrigin('https://evil.example/', r.patterns)).toMatchObject({ ok: false, reason: 'not-listed' });
  });

  it('saves nothing while a line is wrong, then saves the list the background reads', async () => {
    render(<AllowedOriginsSettings lang="zh" />);
    const box = document.querySelector('textarea[name="allowed-origins"]') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'https://portal.example.cn\nhttp://portal.example.cn' } });
    fireEvent.click(document.querySelector('.allowed-origins button')!);
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain('第2行'));
    expect(await extGet(USER_ORIGINS_KEY)).toBeUndefined();
    fireEvent.input(box, { target: { value: 'https://portal.example.cn' } });
    fireEvent.click(document.querySelector('.allowed-origins button')!);
    await waitFor(() => expect(document.querySelector('[role="status"]')?.textContent).toContain('已保存 1 个来源'));
    expect(await extGet(USER_ORIGINS_KEY)).toEqual(['https://portal.example.cn']);
  });
});
