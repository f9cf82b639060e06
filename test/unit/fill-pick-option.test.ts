// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FillFailure } from '../../forms/portal/controls/control';
import { findOption, type OptionSource } from '../../forms/portal/controls/pick-option';
import { keepPopup, popupOf } from '../../forms/portal/controls/popup';
import { OPTIONS_WAIT_MS } from '../../forms/portal/dom/wait';

/** A select's popup as the adapters see it: options appear when `offer` is called. */
function fakeSelect({ searchable }: { searchable: boolean }) {
  document.body.innerHTML = `<div class="sel"><input ${searchable ? '' : 'readonly'}></div><ul class="pop"></ul>`;
  const box = document.querySelector('input') as HTMLInputElement;
  const pop = document.querySelector('.pop') as HTMLElement;
  const offer = (labels: string[]) => {
    pop.innerHTML = labels.map((l) => `<li>${l}</li>`).join('');
  };
  const src: OptionSource = {
    list: () => (pop.querySelector('li') ? pop : null),
    option: (list, label) => [...list.querySelectorAll('li')].find((li) => li.textContent === label),
    searchBox: () => (box.readOnly ? null : box),
  };
  return { box, offer, src };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('choosing an option (selects, remote selects)', () => {
  it('takes the option from the open list without typing', async () => {
    const { box, offer, src } = fakeSelect({ searchable: true });
    offer(['市属国企', '其他']);
    const o = await findOption(src, '市属国企');
    expect(o.textContent).toBe('市属国企');
    expect(box.value).toBe('');
  });

  it('searches a remote select: types the label, waits for the server to offer it', async () => {
    const { box, offer, src } = fakeSelect({ searchable: true });
    const queries: string[] = [];
    box.addEventListener('input', () => {
      queries.push(box.value);
      setTimeout(() => offer(['上海市经济和信息化委员会']), 300);
    });
    const o = await findOption(src, '上海市经济和信息化委员会');
    expect(queries).toEqual(['上海市经济和信息化委员会']);
    expect(o.textContent).toBe('上海市经济和信息化委员会');
  });

  it('reports no-option when the server never offers it within the bound, and does not guess', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { box, offer, src } = fakeSelect({ searchable: true });
    box.addEventListener('input', () => setTimeout(() => offer(['上海市交通委员会']), 300));
    const p = findOption(src, '上海市不存在的委员会');
    const failed = expect(p).rejects.toMatchObject({ reason: 'no-option', detail: '上海市不存在的委员会' });
    await vi.advanceTimersByTimeAsync(OPTIONS_WAIT_MS + 2000);
    await failed;
    await expect(p).rejects.toBeInstanceOf(FillFailure);
  });

  it('does not type into a select without search; it fails once its list has had its time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { box, offer, src } = fakeSelect({ searchable: false });
    offer(['国家职业标准']);
    const p = findOption(src, '评价规范');
    const failed = expect(p).rejects.toMatchObject({ reason: 'no-option' });
    await vi.advanceTimersByTimeAsync(5000);
    await failed;
    expect(box.value).toBe('');
  });
});

describe('finding a control popup', () => {
  it('remembers an Element UI dropdown seen inside its select after it moves to <body>', () => {
    document.body.innerHTML = '<div class="el-select"><input><div class="el-select-dropdown" id="own"></div></div>';
    const root = document.querySelector('.el-select')!;
    keepPopup(root, '.el-select-dropdown');
    document.body.append(document.getElementById('own')!);
    expect(popupOf(root, '.el-select-dropdown')?.id).toBe('own');
  });
});
