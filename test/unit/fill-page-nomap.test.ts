// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchSettings } from '../../forms/core/fill/match-fields';
import { planFill } from '../../forms/core/fill/plan-fill';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { fillPage } from '../../forms/portal/fill-page';

let pack: Pack;
let draft: unknown;
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'];
  // happy-dom lays nothing out: every element gets a visible box (the geometric verdict has its own tests)
  // (an inline `left` on an ancestor moves it, so the page's off-screen trap stays off-screen)
  Element.prototype.getBoundingClientRect = function (this: Element) {
    let left = 10;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let e: Element | null = this; e; e = e.parentElement) left += Number.parseFloat((e as HTMLElement).style?.left || '0') || 0;
    return { left, top: 10, right: left + 200, bottom: 40, width: 200, height: 30, x: left, y: 10, toJSON: () => ({}) } as DOMRect;
  };
});

const plainBody = () => readFileSync('demo/plain/index.html', 'utf8').replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<iframe[^>]*><\/iframe>/g, '');

describe('filling a page no map was written for', () => {
  it('a server-rendered table layout: fields by the cell to their left, traps left alone', async () => {
    document.body.innerHTML = plainBody();
    const sel = document.querySelector('select[name=t4]') as HTMLSelectElement;
    sel.insertAdjacentHTML('beforeend', '<option value="310101">黄浦区</option><option value="310110">杨浦区</option>');
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const run = await fillPage(document, 'f1', plan.items, { settings: matchSettings(pack.files) });
    if (process.env.DEBUG_FILL) console.log(run.report.outcomes.map((o) => `${o.status} ${o.id} ${o.reason ?? ''} ${o.value}`).join('\n'));
    const v = (n: string) => (document.querySelector(`[name=${n}]`) as HTMLInputElement).value;
    expect(v('t1')).toBe('上海示例电气集团有限公司');
    expect(v('t2')).toBe('91310110666007217T');
    expect(v('t3')).toBe('张建国');
    expect(sel.value).toBe('310110');
    expect(v('t7')).toBe('2025-03-10');
    expect(v('t11')).toBe('赵磊');
    expect(v('qm_rq')).toBe('2025年3月10日');
    expect(v('t13')).toBe('');
    expect((document.querySelector('[name=t8]') as HTMLInputElement).checked).toBe(true);
    expect([...document.querySelectorAll<HTMLInputElement>('[name=t9]:checked')].map((i) => i.value)).toEqual(['a', 'b', 'c', 'd']);
    // the occupation table is found by its headers and grown with its 添加一行 button (plain.js is not loaded here: no rows appear)
    for (const id of ['trap-readonly', 'trap-disabled', 'trap-password', 'trap-hidden']) {
      const el = document.getElementById(id) as HTMLInputElement;
      expect(el.value === '' || el.value === '（自动带出）', id).toBe(true);
    }
    const byId = (id: string) => run.report.outcomes.find((o) => o.id === id);
    expect(byId('/questionBank/description')).toMatchObject({ status: 'not-found', reason: 'maybe', suggestion: { label: expect.stringContaining('题库情况说明') } });
    expect(run.report.outcomes.filter((o) => o.status === 'filled' && o.id.startsWith('derived:'))).toEqual([]);
  });
});
