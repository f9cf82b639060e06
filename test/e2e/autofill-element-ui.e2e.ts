/**
 * Autofill end to end, the rest of the portal controls: the Element UI (Vue 2) portal, a remote
 * el-select (options fetched only after typing, on Element Plus and Element UI), and a multi-step
 * wizard (only the visible step is filled; the user moves on and fills again). As in
 * autofill.e2e.ts, the app's own model is what is checked, with the report, the undo and the traps.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FillStatus } from '../../forms/core/fill/types';
import {
  expectSafetyReport,
  fillFrom,
  model,
  normalizeEmpty,
  openPortal,
  sampleDraft,
  startAutofillEnv,
  statusOf,
  stopAutofillEnv,
  trapValues,
  TRAPS_UNTOUCHED,
  undo,
  type AutofillEnv,
  type FillReply,
} from './autofill-helpers';

const draft = sampleDraft();
let env: AutofillEnv;

beforeAll(async () => {
  env = await startAutofillEnv();
});
afterAll(() => stopAutofillEnv(env));
// a failed test must not leave its portal tab open: fills find their tab by URL
afterEach(async () => {
  for (const p of env.session.context.pages()) if (p.url().startsWith(env.demo.origin)) await p.close();
});

const fill = (page: Page, data: unknown = draft) => fillFrom(env, page, data);

/** Every value the filing-enterprise sample maps to the Element demos' model. */
const STEP_ONE = {
  orgName: '上海示例电气集团有限公司',
  uscc: '91310110666007217T',
  legalRep: '张建国',
  district: ['上海市', '杨浦区'],
  industryAuthority: '上海市经济和信息化委员会',
  ownership: '市属国企',
  applyDate: '2025-03-10',
};
const STEP_TWO = {
  bankBasis: '国家职业标准',
  bankCount: 2400,
  bankUpdated: '2025-01-15',
  covers: ['机构备案', '评价报名', '资格审核', '过程监管'],
  video: '是',
  videoDays: 180,
};
const STEP_THREE = {
  contactName: '赵磊',
  contactMobile: '13812345678',
  contactEmail: 'zhaolei@example.com',
  occupations: [
    { code: '6-31-01-03', name: '电工', levels: ['初级工', '中级工', '高级工', '技师'] },
    { code: '6-18-02-04', name: '焊工', levels: ['中级工', '高级工'] },
  ],
};
const EVERYTHING = { ...STEP_ONE, address: '上海市杨浦区示例路100号', premium: true, ...STEP_TWO, ...STEP_THREE };

describe('Element UI (Vue 2 + Element UI 2)', () => {
  it('every mapped field ends in the Vue model, the remote select is searched, traps untouched, undo restores', async () => {
    const page = await openPortal(env, '/element-ui/index.html');
    const before = await model(page);
    const r = await fill(page);
    expectSafetyReport(env, r);
    expect(await model(page)).toMatchObject({
      ...EVERYTHING,
      trapHidden: '',
      trapOffscreen: '',
      trapReadonly: '（自动带出）',
      trapDisabled: '',
      trapPassword: '',
    });
    for (const p of [
      '/institution/name',
      '/institution/registrationDistrict',
      '/institution/industryAuthority',
      '/ownership',
      '/applicationDate',
      '/scope/premiumLevels',
      '/questionBank/basis',
      '/questionBank/itemCount',
      '/questionBank/lastUpdated',
      '/informationSystem/covers',
      '/facilities/videoSurveillance',
      '/facilities/videoRetentionDays',
      '/occupations/0/levels',
      '/occupations/1/levels',
    ]) {
      expect(statusOf(r, p)?.status, p).toBe('filled');
    }
    expect(await trapValues(env, page)).toEqual(TRAPS_UNTOUCHED);
    // Element UI leaves no dropdown or date panel open behind the fill
    expect(await page.locator('.el-select-dropdown:visible, .el-picker-panel:visible, .el-cascader__dropdown:visible').count()).toBe(0);
    await page.screenshot({ path: 'screenshots/autofill-element-ui.png', fullPage: true });

    const u = await undo(env, page);
    expect(u).toMatchObject({ ok: true, failed: [] });
    expect(normalizeEmpty(await model(page))).toEqual(normalizeEmpty(before));
    await page.close();
  });
});

describe('remote el-select (options loaded after typing)', () => {
  for (const [name, path] of [
    ['Element Plus', '/element/index.html'],
    ['Element UI', '/element-ui/index.html'],
  ]) {
    it(`${name}: an option the server never offers is reported failed (no-option), the rest is filled`, async () => {
      const page = await openPortal(env, path);
      const unknown = structuredClone(draft);
      unknown.institution.industryAuthority = '上海市不存在的委员会';
      const r = await fill(page, unknown);
      expect(statusOf(r, '/institution/industryAuthority')).toMatchObject({ status: 'failed', reason: 'no-option', detail: '上海市不存在的委员会' });
      const m = await model(page);
      expect(m.industryAuthority).toBe('');
      expect(m).toMatchObject({ orgName: STEP_ONE.orgName, ownership: STEP_ONE.ownership, contactEmail: STEP_THREE.contactEmail });
      // typed, searched, not found: the search text does not linger in the select
      const shown = await page.locator('.el-form-item', { hasText: '行业主管部门' }).locator('input').first().inputValue();
      expect(shown).toBe('');
      await page.close();
    });
  }
});

describe('multi-step wizard (el-steps, 上一步/下一步)', () => {
  const outcome = (r: FillReply, path: string) => statusOf(r, path);
  const expectOtherStep = (r: FillReply, paths: string[], status: FillStatus) => {
    for (const p of paths) expect(outcome(r, p), p).toMatchObject({ status, reason: 'other-step' });
  };
  const noFailures = (r: FillReply) => expect(r.ok && r.report.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
  const ONE = ['/institution/name', '/institution/uscc', '/institution/registrationDistrict', '/institution/industryAuthority', '/ownership', '/applicationDate'];
  const TWO = ['/questionBank/basis', '/questionBank/itemCount', '/questionBank/lastUpdated', '/informationSystem/covers', '/facilities/videoSurveillance'];
  const CONTACTS = ['/contact/name', '/contact/email'];
  // rows of step 3 are never added while step 3 is out of sight (its add button hidden or absent)
  const ROWS = ['/occupations/0/code', '/occupations/1/levels'];

  for (const [mode, query, hiddenStatus] of [
    ['other steps kept in the DOM, hidden (v-show)', '', 'skipped'],
    ['only the current step rendered (v-if)', '?steps=if', 'not-found'],
  ] as const) {
    it(`${mode}: each fill touches the visible step only; step by step the model gets everything`, async () => {
      const page = await openPortal(env, `/element/wizard.html${query}`);
      const r1 = await fill(page);
      noFailures(r1);
      for (const p of ONE) expect(outcome(r1, p)?.status, p).toBe('filled');
      expectOtherStep(r1, TWO, hiddenStatus);
      expectOtherStep(r1, CONTACTS, hiddenStatus);
      expectOtherStep(r1, ROWS, 'not-found');
      const m1 = await model(page);
      expect(m1).toMatchObject({ step: 1, ...STEP_ONE, bankBasis: '', contactName: '', occupations: [] });
      expect(m1.bankCount).toBeUndefined();

      await page.getByRole('button', { name: '下一步' }).click();
      await expect.poll(async () => (await model(page)).step).toBe(2);
      const r2 = await fill(page);
      noFailures(r2);
      for (const p of TWO) expect(outcome(r2, p)?.status, p).toBe('filled');
      expectOtherStep(r2, ONE, hiddenStatus);
      expectOtherStep(r2, CONTACTS, hiddenStatus);
      expectOtherStep(r2, ROWS, 'not-found');
      const m2 = await model(page);
      expect(m2).toMatchObject({ step: 2, ...STEP_ONE, ...STEP_TWO, contactName: '', occupations: [] });

      await page.getByRole('button', { name: '下一步' }).click();
      await expect.poll(async () => (await model(page)).step).toBe(3);
      const r3 = await fill(page);
      noFailures(r3);
      for (const p of [...CONTACTS, ...ROWS]) expect(outcome(r3, p)?.status, p).toBe('filled');
      expectOtherStep(r3, [...ONE, ...TWO], hiddenStatus);
      expect(await model(page)).toMatchObject({ step: 3, ...STEP_ONE, ...STEP_TWO, ...STEP_THREE });
      if (!query) await page.screenshot({ path: 'screenshots/autofill-wizard.png', fullPage: true });

      // undo takes back the last fill (this step's fields and the rows it added), not the earlier steps
      const u = await undo(env, page);
      expect(u).toMatchObject({ ok: true, failed: [] });
      expect(await model(page)).toMatchObject({ step: 3, ...STEP_ONE, ...STEP_TWO, contactName: '', contactMobile: '', contactEmail: '', occupations: [] });

      // back on step 1 everything the user filled there is still in place
      await page.getByRole('button', { name: '上一步' }).click();
      await page.getByRole('button', { name: '上一步' }).click();
      await expect.poll(async () => (await model(page)).step).toBe(1);
      await expect.poll(() => page.locator('.el-form-item', { hasText: '单位名称' }).locator('input').inputValue()).toBe(STEP_ONE.orgName);
      await page.close();
    });
  }
});
