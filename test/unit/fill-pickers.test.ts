// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { controlFor } from '../../forms/portal/controls/controls';
import { unusableReason } from '../../forms/portal/dom/visibility';

// happy-dom lays nothing out: an element is "shown" unless display:none (the popup's own test)
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const hidden = (this as HTMLElement).style?.display === 'none';
    return { left: 0, top: 0, right: hidden ? 0 : 100, bottom: hidden ? 0 : 30, width: hidden ? 0 : 100, height: hidden ? 0 : 30, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
  };
  Element.prototype.getClientRects = function (this: Element) {
    return ((this as HTMLElement).style?.display === 'none' ? [] : [this.getBoundingClientRect()]) as unknown as DOMRectList;
  };
});

/** A laydate-like calendar: opens on click, pages by month, a day cell writes the input and closes. */
function calendarPage(opensPopup: boolean): HTMLInputElement {
  document.body.innerHTML = `<input id="d" readonly lay-key="1" placeholder="yyyy年MM月dd日">`;
  const input = document.getElementById('d') as HTMLInputElement;
  let y = 2026;
  let m = 12;
  const render = (box: HTMLElement) => {
    const days = Array.from({ length: 28 }, (_, i) => `<td lay-ymd="${y}-${m}-${i + 1}">${i + 1}</td>`).join('');
    box.innerHTML = `<i class="laydate-prev-y"></i><i class="laydate-prev-m"></i><span lay-ym="${y}-${m}">${y} 年</span><i class="laydate-next-m"></i><i class="laydate-next-y"></i><table><tr>${days}</tr></table>`;
  };
  input.addEventListener('click', () => {
    if (!opensPopup || document.querySelector('.layui-laydate')) return;
    const box = document.createElement('div');
    box.className = 'layui-laydate';
    render(box);
    box.addEventListener('click', (e) => {
      const t = e.target as Element;
      const step = t.matches('.laydate-prev-m') ? -1 : t.matches('.laydate-next-m') ? 1 : t.matches('.laydate-prev-y') ? -12 : t.matches('.laydate-next-y') ? 12 : 0;
      if (step) {
        const k = y * 12 + m - 1 + step;
        y = Math.floor(k / 12);
        m = (k % 12) + 1;
        setTimeout(() => render(box), 5);
        return;
      }
      const ymd = t.closest('td')?.getAttribute('lay-ymd');
      if (!ymd) return;
      const [yy, mm, dd] = ymd.split('-').map(Number);
      input.value = `${yy}年${String(mm).padStart(2, '0')}月${String(dd).padStart(2, '0')}日`;
      box.remove();
    });
    document.body.append(box);
  });
  return input;
}

const forms = { texts: ['2025-03-10', '2025年03月10日'] };

describe('a read-only input a popup fills', () => {
  it('is a control: the calendar it opens is paged to the month and the day is clicked', async () => {
    const input = calendarPage(true);
    const c = controlFor(input)!;
    expect(unusableReason(c.root, c.inputs, c.textInputs)).toBeNull();
    await c.write('2025-03-10', forms);
    expect(input.value).toBe('2025年03月10日');
    expect(document.querySelector('.layui-laydate')).toBeNull();
  });
  it('that opens nothing when clicked stays as it was, said to be read-only', async () => {
    const input = calendarPage(false);
    input.value = '2024年01月01日';
    await expect(controlFor(input)!.write('2025-03-10', forms)).rejects.toMatchObject({ reason: 'readonly' });
    expect(input.value).toBe('2024年01月01日');
  });
  it('a plain read-only input (no picker marks) is not a control to fill', () => {
    document.body.innerHTML = `<input id="r" readonly value="沪人社职〔2024〕120号">`;
    const c = controlFor(document.getElementById('r')!)!;
    expect(unusableReason(c.root, c.inputs, c.textInputs)).toBe('readonly');
  });
});
