// @vitest-environment happy-dom
/** Learn mode listens to the user only: a page's synthetic clicks (isTrusted false) teach nothing. */
import { describe, expect, it, vi } from 'vitest';
import { startRecorder } from '../../forms/portal/recorder';

describe('learn mode', () => {
  it('ignores clicks a page dispatches itself', () => {
    // happy-dom has no Option constructor
    vi.stubGlobal('Option', function (text: string, value: string) {
      const o = document.createElement('option');
      o.text = text;
      o.value = value;
      return o;
    });
    document.body.innerHTML = '<label for="a">机构名称</label><input id="a" name="a">';
    const onLearned = vi.fn();
    const stop = startRecorder(document, { fields: [{ path: '/institution/name', title: '机构名称' }], lang: 'zh', onLearned });
    const input = document.getElementById('a')!;
    input.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const root = document.getElementById(document.documentElement.lastElementChild!.id)!.shadowRoot!;
    expect((root.querySelector('.pick') as HTMLElement).hidden).toBe(true);
    (root.querySelector('.save') as HTMLButtonElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onLearned).not.toHaveBeenCalled();
    stop();
  });
});
