import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './harness';

const sample = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../schemas/documents/filing-enterprise/samples/valid-central-soe.json'), 'utf8'),
);

describe('workbench in real Chromium', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('ships a manifest without unsafe-eval', () => {
    const manifest = readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/unsafe-eval/);
    expect(JSON.parse(manifest).manifest_version).toBe(3);
  });

  it('lists the pack documents with their titles', async () => {
    const page = await s.open('workbench.html#/');
    await page.waitForSelector('.doc-card');
    await expect(page.locator('[data-doc-id="filing-enterprise"] h2').textContent()).resolves.toBe('企业职业技能等级评价机构备案申请');
    await page.close();
  });

  it('rejects a wrong check character in 统一社会信用代码 as the user types, and accepts the right one', async () => {
    const page = await s.open('workbench.html#/new/filing-enterprise');
    const uscc = page.locator('#root_institution_uscc');
    await uscc.waitFor();
    await uscc.pressSequentially('91310110666007217a');
    await uscc.blur();
    const error = page.locator('#root_institution_uscc__error');
    await expect.poll(() => error.textContent()).toContain('统一社会信用代码：校验位不正确');
    // the widget upper-cases what was typed once it reaches the form
    await expect.poll(() => uscc.inputValue()).toBe('91310110666007217A');
    await uscc.fill('');
    await uscc.pressSequentially('9131 0110 6660 0721 7T');
    await uscc.blur();
    await expect.poll(() => uscc.inputValue()).toBe('91310110666007217T');
    await expect.poll(() => page.locator('#root_institution_uscc__error').count()).toBe(0);
    await page.close();
  });

  it('edits a list shown as a table: a chosen level, checked boxes and a removed row reach the draft', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    const level = page.locator('#root_evaluators_0_level');
    await level.waitFor();
    await level.selectOption({ label: '二级/技师' });
    await page.getByRole('group', { name: '申报等级（第 1 行）' }).getByLabel('首席技师').check();
    const rows = page.locator('#root_occupations__array .table-row');
    const before = await rows.count();
    // every edit so far saved: the next revision saved is the deletion's
    const badge = page.locator('.save-status');
    await expect.poll(() => badge.getAttribute('data-status')).toBe('saved');
    const savedBefore = Number(await badge.getAttribute('data-revision'));
    await page.getByRole('button', { name: `删除：申报职业（工种）及等级 第 ${before} 行` }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    // stored: the draft opened again shows the same
    await expect.poll(async () => (await badge.getAttribute('data-status')) === 'saved' && Number(await badge.getAttribute('data-revision')) > savedBefore).toBe(true);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/draft\//);
    const again = await s.open(`workbench.html${await page.evaluate(() => location.hash)}`);
    await again.locator('#root_evaluators_0_level').waitFor();
    await expect.poll(() => again.locator('#root_evaluators_0_level option:checked').textContent()).toBe('二级/技师');
    await expect(again.getByRole('group', { name: '申报等级（第 1 行）' }).getByLabel('首席技师').isChecked()).resolves.toBe(true);
    await expect(again.locator('#root_occupations__array .table-row').count()).resolves.toBe(before - 1);
    await again.close();
    await page.close();
  });

  it('hands the focus to a new card’s first field after 添加, as a table’s new row does', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    const add = page.locator('#root_sites__array > button.add');
    await add.waitFor();
    const cards = page.locator('#root_sites__array > .array-item');
    const before = await cards.count();
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cards.count()).toBe(before + 1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`root_sites_${before}_name`);
    // typing goes into the new card, not the button
    await page.keyboard.type('松江实训基地');
    await expect.poll(() => page.locator(`#root_sites_${before}_name`).inputValue()).toBe('松江实训基地');
    await page.close();
  });

  it('fills a candidate registration’s filed scope from the institution’s stored filing draft', async () => {
    // the filing, stored as a draft
    const filing = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    await filing.waitForURL(/#\/draft\//);
    await expect.poll(() => filing.locator('.save-status').getAttribute('data-status')).toBe('saved');
    await filing.close();
    const page = await s.open('workbench.html#/new/candidate-registration');
    const button = page.locator('#root_filedScope__array').getByRole('button', { name: '从已保存的草稿带入' });
    await button.waitFor();
    await button.click();
    // the drafts of earlier tests are filings too: a choice when there are several, the newest first
    const choices = page.locator('.fill-from-choices button', { hasText: sample.institution.name });
    // the stored drafts are read after the click (正在读取…): wait for the choice or the result, whichever it gives
    await page.locator('#root_filedScope__array').locator('.fill-from-choices, .fill-from-status:has-text("已从")').first().waitFor();
    if (await page.locator('.fill-from-choices').count()) await choices.first().click();
    await expect.poll(() => page.locator('#root_filedScope__array .fill-from-status').textContent()).toContain(`已从「${sample.institution.name}」带入 ${sample.occupations.length} 项`);
    await expect.poll(() => page.locator('#root_filedScope_0_code').inputValue()).toBe(sample.occupations[0].code);
    await page.close();
  });

  it('draws a table’s rows as markup first, and reaching into them changes nothing on screen', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    const table = page.locator('#root_occupations__array');
    await page.locator('#root_occupations_0_code').waitFor();
    await table.scrollIntoViewIfNeeded();
    // markup states an input's value as an attribute (Preact never writes it): the rows were drawn as markup
    await expect(page.locator('#root_occupations_0_code').getAttribute('value')).resolves.toBe(sample.occupations[0].code);
    const snapshot = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[role="rowgroup"] *')].map((el, i) => {
          const mark = el as Element & { __mark?: number };
          mark.__mark ??= i;
          const c = el as HTMLInputElement;
          return {
            same: mark.__mark === i,
            // markup states values as attributes, Preact as properties: the properties are compared (state)
            attrs: [...el.attributes].filter((a) => !['value', 'checked', 'selected'].includes(a.name)).map((a) => `${a.name}=${a.value}`).sort().join(' '),
            state: 'value' in c ? `${c.value}|${c.checked}` : '',
            text: el.childElementCount === 0 ? el.textContent : null,
          };
        }),
      );
    // (the screenshot first: taking one leaves an empty style attribute on the first input)
    const shot = await table.screenshot();
    const before = await snapshot();
    // every row woken the way a pointer pressed on it wakes it
    await page.evaluate(() => {
      for (const row of document.querySelectorAll('.row-slot > .table-row')) row.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    const after = await snapshot();
    expect(after.every((e) => e.same)).toBe(true); // the same elements, none replaced
    expect(after).toEqual(before);
    expect(Buffer.compare(await table.screenshot(), shot)).toBe(0);
    // live now: a changed code names its occupation at once
    await page.locator('#root_occupations_0_code').fill('6-18-02-04');
    await page.locator('#root_occupations_0_code').blur();
    await expect.poll(() => page.locator('#root_occupations_0_code__name').textContent()).toBe('焊工');
    await page.close();
  });

  it('lines a table’s header up with its cells, and fits the row buttons, in Chinese and in English', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    // a 1366 px screen (the common office laptop): the whole occupation row is in view, no sideways scroll
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('#root_occupations_0_code').waitFor();
    const layout = () =>
      page.evaluate(() => {
        const table = document.querySelector('#root_occupations__array [role="table"]')!;
        const lefts = (el: Element) => [...el.children].map((c) => Math.round(c.getBoundingClientRect().left));
        const scroll = document.querySelector('#root_occupations__array .table-scroll')!;
        const tools = table.querySelector('.table-row .row-tools')!;
        const last = tools.lastElementChild!.getBoundingClientRect();
        const rows = [...table.querySelectorAll('.table-row')];
        return {
          // nothing of a row is cut off: the scroll area reaches each row's last button
          rowsInside: rows.every((r) => r.querySelector('.row-tools')!.lastElementChild!.getBoundingClientRect().right <= scroll.getBoundingClientRect().left + scroll.scrollWidth + 0.5),
          head: lefts(table.querySelector('.table-head')!),
          row: lefts(table.querySelector('.table-row')!),
          overflow: scroll.scrollWidth - scroll.clientWidth,
          buttonsInside: last.right <= tools.getBoundingClientRect().right + 0.5,
        };
      });
    try {
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        await expect.poll(() => page.locator('#root_occupations__array .table-row .btn.remove').first().textContent()).toBe(lang === 'en' ? 'Remove' : '删除');
        const l = await layout();
        expect(l.row, lang).toEqual(l.head);
        expect(l.overflow, lang).toBe(0);
        expect(l.buttonsInside, lang).toBe(true);
        expect(l.rowsInside, lang).toBe(true);
      }
    } finally {
      // the language is the profile's: the tests after this one read Chinese
      if (await page.getByRole('button', { name: '中文' }).count()) await page.getByRole('button', { name: '中文' }).click();
    }
    await page.close();
  });

  it('is styled from its first frame and stays styled when a document’s validator arrives; no WXT plugin module', async () => {
    for (const file of ['workbench.html', 'editor.html']) {
      const html = readFileSync(resolve(EXTENSION_DIR, file), 'utf8');
      expect(html, file).toMatch(/<link[^>]+rel="stylesheet"/);
      expect(html, file).not.toMatch(/wxt-html-plugins/);
    }
    const page = await s.context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`chrome-extension://${s.extensionId}/workbench.html#/new/filing-enterprise`);
    await page.locator('#root_institution_uscc').waitFor();
    const sectionBorder = () => page.locator('#root_institution__section').evaluate((el) => getComputedStyle(el).borderStyle);
    // the sections are cards (workbench.css) as soon as the form is there
    await expect(sectionBorder()).resolves.not.toBe('none');
    // the validator module arrives after the first frame (its findings show once something is typed)
    await page.locator('#root_institution_uscc').fill('91310110666007217A');
    await page.locator('#root_institution_uscc').blur();
    await expect.poll(() => page.locator('#root_institution_uscc__error').count()).toBe(1);
    expect(requested.some((u) => /\/chunks\/filing-enterprise-[^/]+\.js$/.test(u))).toBe(true);
    // each stylesheet once: none added again with the validator's chunk
    const css = requested.filter((u) => u.endsWith('.css'));
    expect(new Set(css).size).toBe(css.length);
    await expect(sectionBorder()).resolves.not.toBe('none');
    await page.close();
  });

  it('shows the consent fields of the ownership route chosen', async () => {
    const page = await s.open('workbench.html#/new/filing-enterprise');
    await page.locator('#root_ownership').first().waitFor({ state: 'attached' });
    await page.getByLabel('区属企业').check();
    await page.locator('#root_consents_registrationDistrict__section').waitFor();
    await expect(page.locator('#root_consents_siteDistricts__section').count()).resolves.toBe(0);
    await page.getByLabel('市属国企').check();
    await page.locator('#root_consents_siteDistricts__section').waitFor();
    await expect(page.locator('#root_consents_registrationDistrict__section').count()).resolves.toBe(0);
    await page.close();
  });

  it('submits an empty form with errors listed in the summary, each jumping to its field', async () => {
    const page = await s.open('workbench.html#/new/filing-enterprise');
    await page.locator('button.submit').click();
    const items = page.locator('.summary li');
    await expect(items.count()).resolves.toBeGreaterThan(5);
    await page.locator('.summary li a', { hasText: '机构名称：必填' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('root_institution_name');
    await page.close();
  });

  it('accepts a complete valid filing and reports it ready', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    await page.locator('#root_institution_name').waitFor();
    await expect(page.locator('#root_institution_name').inputValue()).resolves.toBe(sample.institution.name);
    await page.locator('button.submit').click();
    await page.locator('.submitted-ok').waitFor();
    await expect(page.locator('.summary .finding.error').count()).resolves.toBe(0);
    await page.close();
  });

  it('prints a stored draft at #/print/<draftId>', async () => {
    const page = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`);
    await page.waitForURL(/#\/draft\//);
    const draftId = decodeURIComponent(new URL(page.url()).hash.replace('#/draft/', ''));
    await page.locator('#root_institution_name').waitFor();
    await page.goto(page.url().replace(/#.*$/, `#/print/${encodeURIComponent(draftId)}`));
    const view = page.locator('.print-page .print-view');
    await view.waitFor();
    const text = (await view.textContent()) ?? '';
    expect(text).toContain('企业职业技能等级评价机构备案申请');
    expect(text).toContain(sample.institution.name);
    expect(text).toContain('杨浦区'); // district printed by name, not code
    await page.close();
  });

  it('says so when the draft to print does not exist', async () => {
    const page = await s.open('workbench.html#/print/no-such-draft');
    await expect(page.locator('[role="alert"]').textContent()).resolves.toContain('找不到这份草稿');
    await page.close();
  });

  it('logged no console error and no CSP violation on any page', () => {
    expect(s.problems).toEqual([]);
  });
});
