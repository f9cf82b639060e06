import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

// The toolbar popup as a user meets it: pick a check, answer, read the cited answer, open the prefilled form.
let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/popup-${name}.png`, fullPage: true });

describe('popup quick checks', () => {
  it('answers the renewal check as the user types, cites 三（四）3, remembers it, and opens the renewal form prefilled', async () => {
    const popup = await session.open('popup.html');
    await popup.setViewportSize({ width: 420, height: 700 });
    await popup.getByRole('tab', { name: '续期备案是否按时' }).click();

    await popup.fill('#f-renewal-expiryDate', '2025-08-31');
    await popup.fill('#f-renewal-today', '2025-08-21');
    const outcome = popup.locator('.outcome');
    await expect.poll(() => outcome.textContent()).toContain('续期申请期内');
    expect(await popup.locator('[data-output="daysLeft"]').textContent()).toBe('10');
    expect(await popup.locator('[data-output="windowOpens"]').textContent()).toBe('2025-05-31');
    const label = popup.locator('.reasons button.article').first();
    expect(await label.textContent()).toBe('三（四）3');
    expect(await label.getAttribute('title')).toContain('备案期满前三个月内未书面提出续期备案申请');
    await shot(popup, 'renewal-open');

    // typing on: a submitted date inside the window changes the answer at once
    await popup.fill('#f-renewal-renewalSubmittedOn', '2025-07-01');
    await expect.poll(() => outcome.textContent()).toContain('已在申请期内书面申请');

    // the popup remembers the last check and its answers
    await popup.reload();
    await expect.poll(() => popup.getByRole('tab', { name: '续期备案是否按时' }).getAttribute('aria-selected')).toBe('true');
    expect(await popup.inputValue('#f-renewal-expiryDate')).toBe('2025-08-31');

    // follow the prefilled link into the workbench
    const link = popup.locator('a.open-document');
    expect(await link.getAttribute('data-document')).toBe('renewal');
    expect(await link.getAttribute('href')).toMatch(/\/workbench\.html#\/new\/renewal\?prefill=[A-Za-z0-9_-]+$/);
    const [form] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await form.waitForLoadState();
    await expect
      .poll(() => form.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value)), { timeout: 30000 })
      .toEqual(expect.arrayContaining(['2025-08-31', '2025-07-01']));
    expect(await form.textContent('body')).toContain('续期备案申请');
    await shot(form, 'workbench-prefilled');
    expect(session.problems).toEqual([]);
  });

  it('draws the remembered check and its answers from static markup, before any module runs (first frame)', async () => {
    const first = await session.open('popup.html');
    await first.evaluate(() =>
      localStorage.setItem('formkit.popup.lastCheck', JSON.stringify({ kind: 'renewal', answers: { expiryDate: '2025-08-31' } })),
    );
    await first.close();
    const popup = await session.context.newPage();
    // what the page holds once parsed, before its deferred module can have run
    await popup.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { __atParse: unknown };
        w.__atParse = {
          kind: document.querySelector('#app form.check')?.getAttribute('data-kind'),
          expiry: document.querySelector<HTMLInputElement>('#f-renewal-expiryDate')?.value,
          styled: getComputedStyle(document.body).margin,
        };
      });
    });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as unknown as { __atParse?: unknown }).__atParse);
    expect(await popup.evaluate(() => (window as unknown as { __atParse: unknown }).__atParse)).toEqual({
      kind: 'renewal',
      expiry: '2025-08-31',
      styled: '0px',
    });
    // the page itself holds no module script: the boot script adds the app after the first frame
    const source = await popup.evaluate(() => fetch('/popup.html').then((r) => r.text()));
    expect(source).not.toMatch(/<script[^>]*type="module"/);
    expect(source).toContain('data-app="/popup-app.js"');
    // then the app mounts over it and answers, keeping the answer
    await popup.fill('#f-renewal-today', '2025-08-21');
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('续期申请期内');
    expect(await popup.inputValue('#f-renewal-expiryDate')).toBe('2025-08-31');
    expect(await popup.locator('script[src="/popup-app.js"]').count()).toBe(1);
    await popup.close();
  });

  it('explains bad or missing answers instead of guessing, and cites every answer', async () => {
    const popup = await session.open('popup.html');
    await popup.getByRole('tab', { name: '违纪违规可以怎样处理' }).click();
    await expect.poll(() => popup.locator('.hint').textContent()).toContain('认定情形');
    await popup.selectOption('#f-sanction-tier', 'general');
    await popup.getByLabel('终止备案').check();
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('有措施不属于本案可采取的措施');
    expect(await popup.locator('[data-rule="sanction-measure-outside-tier"]').textContent()).toContain('终止备案 不属于本案可采取的处理措施');
    await shot(popup, 'sanction');
    expect(session.problems).toEqual([]);
  });

  it('level check: a certificate row and years make a candidate eligible, naming the condition met', async () => {
    const popup = await session.open('popup.html');
    await popup.getByRole('tab', { name: '能否申报这个等级' }).click();
    await popup.selectOption('#f-level-targetLevel', '中级工');
    await popup.fill('#f-level-age', '24');
    await popup.fill('#f-level-yearsInOccupation', '3');
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('不符合申报条件');
    await popup.getByRole('button', { name: '+ 添加证书' }).click();
    await popup.selectOption('#f-level-certificates-0-level', '初级工');
    await popup.fill('#f-level-certificates-0-yearsAfter', '3');
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('符合申报条件');
    expect(await popup.locator('[data-output="conditionsMet"]').textContent()).toContain('五级/初级工证书后，累计从事本职业或相关职业工作满3年');
    await shot(popup, 'level');
    expect(session.problems).toEqual([]);
  });

  it('an early renewal carried into the workbench is flagged there by the 三（四）3 rule at its field', async () => {
    const popup = await session.open('popup.html');
    await popup.getByRole('tab', { name: '续期备案是否按时' }).click();
    await popup.fill('#f-renewal-expiryDate', '2025-08-31');
    await popup.fill('#f-renewal-today', '2025-06-10');
    await popup.fill('#f-renewal-renewalSubmittedOn', '2025-03-01');
    await expect.poll(() => popup.locator('[data-rule="renewal-submitted-early"]').count()).toBe(1);
    const [form] = await Promise.all([session.context.waitForEvent('page'), popup.locator('a.open-document').click()]);
    await form.waitForLoadState();
    await form.getByRole('button', { name: '提交校验' }).click();
    await expect
      .poll(() => form.textContent('body'), { timeout: 30000 })
      .toContain('书面续期申请日期 2025-03-01 早于续期申请期：应在备案期满前3个月内（2025-05-31 至 2025-08-31）提出');
    await shot(form, 'workbench-rule-finding');
    expect(session.problems).toEqual([]);
  });
});
