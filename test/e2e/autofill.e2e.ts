/**
 * Autofill end to end: the built extension in Chromium fills each demo portal from the valid
 * filing-enterprise sample, driven by a runtime message from an extension page (what the popup
 * button sends). Checked: the app's own model holds every mapped value, the report says so, the
 * traps are untouched, undo puts the page back. (Element UI, remote selects and wizards:
 * autofill-element-ui.e2e.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFillSpeed } from '../../demo/bench/fill-speed';
import type { AutofillResult } from '../../forms/core/fill/messages';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import * as h from './autofill-helpers';
import { expectSafetyReport as expectSafety, normalizeEmpty, sampleDraft, statusOf, TRAPS_UNTOUCHED, type AutofillEnv } from './autofill-helpers';

const draft = sampleDraft();

let env: AutofillEnv;
let session: AutofillEnv['session'];
let demo: AutofillEnv['demo'];
let ext: Page;

beforeAll(async () => {
  env = await h.startAutofillEnv();
  ({ session, demo, ext } = env);
});
afterAll(() => h.stopAutofillEnv(env));

const openPortal = (path: string) => h.openPortal(env, path);
const model = h.model;
const send = (url: string, type: 'bg:autofill' | 'bg:autofill-undo', extra: Record<string, unknown> = {}) => h.send(env, url, type, extra);
const fill = (page: Page, extra: Record<string, unknown> = {}) => h.fillFrom(env, page, draft, extra);
const trapValues = (page: Page) => h.trapValues(env, page);
const expectSafetyReport = (r: AutofillResult) => expectSafety(env, r);

describe('autofill into the demo portals', () => {
  it('Element Plus: every mapped field ends in the Vue model, traps untouched, undo restores', async () => {
    const page = await openPortal('/element/index.html');
    const before = await model(page);
    const r = await fill(page);
    expectSafetyReport(r);
    const m = await model(page);
    expect(m).toMatchObject({
      orgName: '上海示例电气集团有限公司',
      uscc: '91310110666007217T',
      legalRep: '张建国',
      district: ['上海市', '杨浦区'],
      address: '上海市杨浦区示例路100号',
      industryAuthority: '上海市经济和信息化委员会',
      ownership: '市属国企',
      applyDate: '2025-03-10',
      premium: true,
      bankBasis: '国家职业标准',
      bankCount: 2400,
      bankUpdated: '2025-01-15',
      covers: ['机构备案', '评价报名', '资格审核', '过程监管'],
      video: '是',
      videoDays: 180,
      contactName: '赵磊',
      contactMobile: '13812345678',
      contactEmail: 'zhaolei@example.com',
      occupations: [
        { code: '6-31-01-03', name: '电工', levels: ['初级工', '中级工', '高级工', '技师'] },
        { code: '6-18-02-04', name: '焊工', levels: ['中级工', '高级工'] },
      ],
      trapHidden: '',
      trapOffscreen: '',
      trapReadonly: '（自动带出）',
      trapDisabled: '',
      trapPassword: '',
    });
    for (const p of ['/institution/name', '/institution/registrationDistrict', '/institution/industryAuthority', '/applicationDate', '/informationSystem/covers', '/occupations/1/levels']) {
      expect(statusOf(r, p)?.status, p).toBe('filled');
    }
    expect(await trapValues(page)).toEqual(TRAPS_UNTOUCHED);
    expect(await page.locator('#formkit-fill-report').count()).toBe(1);
    await page.screenshot({ path: 'screenshots/autofill-element.png', fullPage: true });

    const u = await send(page.url(), 'bg:autofill-undo');
    expect(u).toMatchObject({ ok: true, failed: [] });
    expect(normalizeEmpty(await model(page))).toEqual(normalizeEmpty(before));
    await page.close();
  });

  it('Ant Design: the React form state holds every mapped value, traps untouched, undo restores', async () => {
    const page = await openPortal('/antd/index.html');
    const r = await fill(page);
    expectSafetyReport(r);
    expect(await model(page)).toMatchObject({
      orgName: '上海示例电气集团有限公司',
      uscc: '91310110666007217T',
      legalRep: '张建国',
      district: '杨浦区',
      region: ['上海市', '杨浦区'],
      address: '上海市杨浦区示例路100号',
      ownership: '市属国企',
      applyDate: '2025-03-10',
      premium: true,
      bankBasis: '国家职业标准',
      bankCount: 2400,
      covers: ['机构备案', '评价报名', '资格审核', '过程监管'],
      contactName: '赵磊',
      contactMobile: '13812345678',
      contactEmail: 'zhaolei@example.com',
      occupations: [
        { code: '6-31-01-03', levels: ['初级工', '中级工', '高级工', '技师'] },
        { code: '6-18-02-04', levels: ['中级工', '高级工'] },
      ],
    });
    expect(await trapValues(page)).toEqual(TRAPS_UNTOUCHED);
    await page.screenshot({ path: 'screenshots/autofill-antd.png', fullPage: true });

    const u = await send(page.url(), 'bg:autofill-undo');
    expect(u).toMatchObject({ ok: true, failed: [] });
    const after = await model(page);
    expect(after).toMatchObject({ orgName: '', ownership: '其他', premium: false, occupations: [], covers: [] });
    expect(after.district ?? null).toBeNull();
    expect(after.applyDate ?? null).toBeNull();
    await page.close();
  });

  it('plain table layout: labels in cells, a same-origin frame filled, the cross-origin frame only after confirmation', async () => {
    const page = await openPortal('/plain/index.html');
    const before = await model(page);
    const r = await fill(page);
    expectSafetyReport(r);
    expect(await model(page)).toMatchObject({
      t1: '上海示例电气集团有限公司',
      t2: '91310110666007217T',
      t3: '张建国',
      t4: '310110',
      t5: '上海市杨浦区示例路100号',
      t6: '2',
      t7: '2025-03-10',
      t8: true,
      t9: ['a', 'b', 'c', 'd'],
      t10: '2400',
      t11: '赵磊',
      t12: '13812345678',
      qm_rq: '2025年3月10日',
      email: 'zhaolei@example.com',
      occupations: [
        { code: '6-31-01-03', name: '电工', levels: '初级工、中级工、高级工、技师' },
        { code: '6-18-02-04', name: '焊工', levels: '中级工、高级工' },
      ],
    });
    expect(await trapValues(page)).toEqual(TRAPS_UNTOUCHED);
    await page.screenshot({ path: 'screenshots/autofill-plain.png', fullPage: true });

    const u = await send(page.url(), 'bg:autofill-undo');
    expect(u).toMatchObject({ ok: true, failed: [] });
    expect(await model(page)).toEqual(before);

    // the user confirms the foreign frame by its origin: only then is it filled
    const again = await fill(page, { confirmFrames: [demo.frameOrigin] });
    expect(again.ok && again.report.crossOriginFrames).toEqual([]);
    const frame = page.frames().find((f) => f.url().startsWith(demo.frameOrigin))!;
    expect(await frame.evaluate(() => (document.getElementById('frame-org') as HTMLInputElement).value)).toBe('上海示例电气集团有限公司');
    await page.close();
  });

  it('learn mode: a field the matcher cannot name is taught once, saved as a user map, exported, and used by later fills', async () => {
    const page = await openPortal('/plain/index.html');
    const first = await fill(page);
    expect((await model(page)).t13).toBe('');
    expect(first.ok).toBe(true);
    const started = await ext.evaluate(async (url) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ url });
      return c.runtime.sendMessage({ type: 'bg:autofill-learn', tabId: tab.id, docId: 'filing-enterprise' });
    }, page.url());
    expect(started).toEqual({ ok: true });
    await page.click('textarea[name="t13"]');
    const bar = page.locator('#formkit-fill-recorder');
    await bar.locator('select').selectOption('/questionBank/description');
    await bar.locator('button.save').click();
    await expect.poll(async () => (await ext.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:portal-maps-export' }))).json, { timeout: 5000 }).toContain('题库情况说明');
    await bar.locator('button.stop').click();

    await send(page.url(), 'bg:autofill-undo');
    await fill(page);
    expect((await model(page)).t13).toBe('依据国家职业标准开发理论和技能题库，每年更新。');

    // import checks the whole file first: a broken map changes nothing
    const exported = (await ext.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:portal-maps-export' }))).json;
    const broken = JSON.stringify({ format: 'formkit-portal-maps@1', maps: [{ id: 'x', title: { zh: 'x' }, origins: ['ftp://x'], documents: {} }] });
    const refused = await ext.evaluate((json) => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:portal-maps-import', json }), broken);
    expect(refused).toMatchObject({ ok: false, where: 'maps[0]/origins' });
    const after = (await ext.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:portal-maps-export' }))).json;
    expect(after).toBe(exported);
    const reimported = await ext.evaluate((json) => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:portal-maps-import', json }), exported);
    expect(reimported).toEqual({ ok: true, count: 1 });
    await page.close();
  });

  it('does not write into a field while the user is composing text in it (IME)', async () => {
    const page = await openPortal('/plain/index.html');
    await fill(page); // the content script is now on the page and watching compositions
    await send(page.url(), 'bg:autofill-undo');
    await page.focus('input[name="t1"]');
    await page.dispatchEvent('input[name="t1"]', 'compositionstart', { data: 'shang' });
    const r = await fill(page);
    expect(statusOf(r, '/institution/name')).toMatchObject({ status: 'skipped', reason: 'composing' });
    expect(await page.inputValue('input[name="t1"]')).toBe('');
    expect(statusOf(r, '/institution/uscc')?.status).toBe('filled');
    await page.close();
  });

  it('fills from a draft stored by the workbench, chosen by id', async () => {
    const wb = await session.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(draft)}`);
    const listDrafts = () =>
      ext.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'bg:autofill-drafts' }));
    await expect.poll(async () => ((await listDrafts()) as { drafts?: unknown[] }).drafts?.length ?? 0, { timeout: 15000 }).toBeGreaterThan(0);
    const { drafts } = (await listDrafts()) as { drafts: Array<{ id: string; docId: string }> };
    await wb.close();
    const page = await openPortal('/plain/index.html');
    const r = await send(page.url(), 'bg:autofill', { draftId: drafts[0].id });
    expect(statusOf(r, '/institution/name')?.status).toBe('filled');
    expect((await model(page)).t1).toBe('上海示例电气集团有限公司');
    await page.close();
  });

  it('refuses a page that is neither HTTPS nor a listed portal, and touches nothing', async () => {
    const page = await session.context.newPage();
    await page.goto('data:text/html,<meta charset=utf-8><label for=n>机构名称</label><input id=n>');
    const r = await ext.evaluate(async (draft) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const tabs = await c.tabs.query({});
      const newest = tabs.reduce((a: { id: number }, b: { id: number }) => (b.id > a.id ? b : a));
      return c.runtime.sendMessage({ type: 'bg:autofill', tabId: newest.id, draft: { docId: 'filing-enterprise', data: draft } });
    }, draft);
    expect(r.ok).toBe(false);
    expect(['no-access', 'insecure', 'not-listed']).toContain(r.reason);
    expect(r.message.zh.length).toBeGreaterThan(0);
    expect(await page.inputValue('#n')).toBe('');
    await page.close();
  });

  it('measures the speed targets (100 native fields, target ≤ 100 ms; 10 selects + 5 dates, target ≤ 2 s) within regression bounds', async () => {
    const speed = await measureFillSpeed(session.context, session.extensionId, demo.origin);
    console.log('autofill speed', speed);
    expect(speed.elementFilled).toBe(15);
    // the targets (100 ms, 2 s) hold on a quiet machine; shared CI cores run several times slower, so the
    // test guards against regressions by an order of magnitude and `npm run bench` reports the figures
    expect(speed.nativeInPageMs).toBeLessThan(1500);
    expect(speed.elementEndToEndMs).toBeLessThan(20000);
  });
});
