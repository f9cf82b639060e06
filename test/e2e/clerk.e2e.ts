import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchExtension, type ExtensionSession } from './harness';

// An HR clerk of a district-owned enterprise files for three occupations, by keyboard: from the popup's
// 向哪里备案 to the form, occupations typed by name, evaluators pasted from a spreadsheet, the tab closed
// and the draft reopened, the history read, the paper printed to PDF. Then axe on every page she met.
const OUT = resolve(import.meta.dirname, '../../.output-e2e/clerk');

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const valueOf = (page: Page, id: string) => page.evaluate((i) => (document.getElementById(i) as HTMLInputElement | null)?.value ?? null, id);
const rowCount = (page: Page, list: string) => page.locator(`#root_${list}__array .table-row`).count();

/** A paste as Chromium delivers one from Excel: tab-separated cells, one line per row. */
async function pasteInto(page: Page, text: string) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

describe('a clerk files for three occupations, by keyboard', () => {
  let s: ExtensionSession;
  let draftUrl = '';
  beforeAll(async () => {
    s = await launchExtension();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('from the popup to a stamped-ready paper', async () => {
    // 1. the popup says where to file and opens the form with the answers carried in
    const popup = await s.open('popup.html');
    await popup.setViewportSize({ width: 420, height: 700 });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('tab', { name: '向哪里备案' }).focus();
    await popup.keyboard.press('Enter');
    await popup.selectOption('#f-route-institutionType', 'enterprise');
    await popup.selectOption('#f-route-ownership', 'district-soe');
    const link = popup.locator('a.open-document');
    expect(await link.getAttribute('data-document')).toBe('filing-enterprise');
    const [form] = await Promise.all([s.context.waitForEvent('page'), link.focus().then(() => popup.keyboard.press('Enter'))]);
    await form.setViewportSize({ width: 1366, height: 900 });
    await form.locator('main[data-doc-id="filing-enterprise"] .document-head h1').waitFor();
    await expect
      .poll(() => form.evaluate(() => [...document.querySelectorAll('input[type="radio"]:checked')].map((i) => i.closest('label')?.textContent?.trim())))
      .toContain('区属企业');

    // the declaration is never pre-ticked
    expect(await form.locator('#root_declaration_commitment').isChecked()).toBe(false);

    // 2. three occupations typed by name; the add button names its list and hands the focus to the new row
    const add = form.locator('#root_occupations__array > button.add');
    expect(await add.textContent()).toBe('添加申报职业（工种）及等级');
    const typed: string[] = [];
    for (const [name, how] of [
      ['电工', 'enter'],
      ['机修钳工', 'tab'],
      ['钳工', 'pick-second'],
    ] as const) {
      let n = await rowCount(form, 'occupations');
      const empty = n > 0 && !(await valueOf(form, `root_occupations_${n - 1}_code`));
      if (empty) n -= 1;
      else {
        await add.focus();
        await form.keyboard.press('Enter');
        await expect.poll(() => activeId(form)).toBe(`root_occupations_${n}_code`);
        // a new row is empty, not wrong
        expect(await form.locator(`#root_occupations_${n}__section.has-error`).count()).toBe(0);
      }
      await form.focus(`#root_occupations_${n}_code`);
      await form.keyboard.type(name);
      await form.locator(`#root_occupations_${n}_code__matches`).waitFor();
      if (how === 'enter') await form.keyboard.press('Enter');
      else if (how === 'tab') await form.keyboard.press('Tab');
      else {
        await form.keyboard.press('ArrowDown');
        await form.keyboard.press('Enter');
      }
      await expect.poll(() => valueOf(form, `root_occupations_${n}_code`)).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
      typed.push((await valueOf(form, `root_occupations_${n}_code`))!);
    }
    expect(typed[0]).toBe('6-31-01-03');
    expect(typed[1]).toBe('6-31-01-02');
    expect(new Set(typed).size).toBe(3);
    await expect.poll(() => valueOf(form, 'root_occupations_0_name')).toBe('电工');
    await form.screenshot({ path: `${OUT}/occupations-1366-zh.png` });

    // 3. the evaluators pasted from a spreadsheet, an occupation by name, the same person twice
    await form.locator('#root_evaluators__array > button.add').focus();
    await pasteInto(
      form,
      ['李明华\t11010519491231002X\t电工\t高级技师\tY000031000001', '陈志强\t310110198503150033\t机修钳工\t二级\tY000031000002', '李明华\t11010519491231002X\t电工\t高级技师\tY000031000001', ''].join('\r\n'),
    );
    await expect.poll(() => rowCount(form, 'evaluators')).toBe(3);
    expect(await valueOf(form, 'root_evaluators_1_occupationCode')).toBe('6-31-01-02');
    await expect.poll(() => form.locator('#root_evaluators__array').textContent()).toContain('出现了不止一次');
    // at 1366 px the 18-digit ID and the occupation code are whole in their cells
    const fits = await form.evaluate(() =>
      ['root_evaluators_0_idNumber', 'root_evaluators_0_occupationCode'].map((id) => {
        const el = document.getElementById(id) as HTMLInputElement;
        return el.scrollWidth <= el.clientWidth + 1;
      }),
    );
    expect(fits).toEqual([true, true]);
    await form.locator('#root_evaluators__array').scrollIntoViewIfNeeded();
    await form.screenshot({ path: `${OUT}/evaluators-1366-zh.png` });
    // invalid fields say so to screen readers
    await form.locator('#root_evaluators_2_idNumber').focus();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);

    // the draft is stored; the address names it
    await expect.poll(() => form.url(), { timeout: 15000 }).toMatch(/#\/draft\//);
    draftUrl = form.url();
    expect(await seriousViolations(form)).toEqual([]);
    await form.locator('button.lang').click();
    await form.locator('#root_occupations__array').scrollIntoViewIfNeeded();
    await form.screenshot({ path: `${OUT}/occupations-1366-en.png` });
    await form.locator('button.lang').click();
    await form.locator('.save-status[data-status="saved"]').waitFor(); // every edit stored, however slow the machine
    await form.close();

    // 4. reopened: everything is there, nothing was ticked for her
    const again = await s.context.newPage();
    await again.setViewportSize({ width: 1366, height: 900 });
    await again.goto(draftUrl);
    await again.locator('main[data-doc-id="filing-enterprise"] .document-head h1').waitFor();
    await expect.poll(() => valueOf(again, 'root_occupations_2_code')).toBe(typed[2]);
    expect(await valueOf(again, 'root_evaluators_1_name')).toBe('陈志强');
    expect(await again.locator('#root_declaration_commitment').isChecked()).toBe(false);
    await again.close();

    // 5. the history says what changed, by field title
    const drafts = await s.open('workbench.html#/drafts');
    await drafts.setViewportSize({ width: 1366, height: 900 });
    await drafts.locator('.drafts-table').waitFor();
    expect(await seriousViolations(drafts)).toEqual([]);
    const id = decodeURIComponent(draftUrl.split('#/draft/')[1]);
    await drafts.locator(`tr[data-draft-id="${id}"] button`, { hasText: '历史版本' }).click();
    await drafts.locator('.history-session').first().waitFor();
    const history = await drafts.locator('.history').textContent();
    // each revision says what changed by the fields' and lists' titles (a row added whole is named as the row), never by raw paths
    expect(history).toMatch(/职业编码|考评人员|申报职业（工种）及等级第\d+行/);
    expect(history).not.toMatch(/\/(occupations|evaluators|institution)\b/);
    await drafts.screenshot({ path: `${OUT}/history-1366-zh.png` });
    await drafts.close();

    // 6. printed with open problems: a draft paper, page numbers, dates as written, no hashes
    const print = await s.open(`workbench.html#/print/${encodeURIComponent(id)}`);
    await print.locator('.print-view').waitFor();
    expect(await seriousViolations(print)).toEqual([]);
    await print.emulateMedia({ media: 'print' });
    const pdfPath = `${OUT}/filing.pdf`;
    const bytes = await print.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toMatch(/第1页共\d+页/);
    // sections past the ninth are numbered 十、十一… as on screen (simp-chinese-informal), never 一〇、一一
    expect(flat).toMatch(/十一、/);
    expect(flat).not.toMatch(/一〇、|一一、/);
    expect(flat).toContain('草稿');
    expect(flat).toContain('6-31-01-03电工');
    expect(flat).not.toMatch(/SHA-256|已加盖单位公章/);
    expect(text).not.toMatch(/(?<![\d-])(19|20)\d{2}-\d{2}-\d{2}/); // dates are printed as 2025年3月10日
    // a level pasted as 二级 is the ladder's 技师
    // (one evaluator's entry: a table row, or — rows of more than 7 columns — a numbered item with labels)
    const entry = '(?:(?!第\\d+项).)*?';
    expect(flat).toMatch(new RegExp(`陈志强${entry}310110198503150033${entry}6-31-01-02机修钳工${entry}二级/技师`));
    // the pages as images, to be looked at
    try {
      execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, `${OUT}/page`]);
    } catch {
      writeFileSync(`${OUT}/pdftoppm-missing.txt`, 'pdftoppm (poppler-utils) not installed: no page images');
    }
    await print.close();

    // 7. the workbench and the editor pass axe too
    const home = await s.open('workbench.html#/');
    await home.locator('.doc-card').first().waitFor();
    expect(await seriousViolations(home)).toEqual([]);
    await home.close();
    const editor = await s.open('editor.html');
    await editor.getByLabel('主管部门模式（在工作台显示文书包编辑器）').waitFor();
    expect(await seriousViolations(editor)).toEqual([]);
    expect(await editor.locator('a.back-to-workbench').getAttribute('href')).toContain('workbench.html');
    // and every screen of the editor a bureau uses (fields, rules, parameters, reference data, JSON, publish)
    editor.on('dialog', (d) => void d.accept());
    await editor.getByLabel('主管部门模式（在工作台显示文书包编辑器）').check();
    // each screen checked once it is drawn: what marks it, as a user would see it
    const screens: Record<string, string> = {
      字段: '.preview form',
      规则: 'label.rule-file',
      参数: 'section.parameters tr[data-param]',
      参考数据: 'section.reference-editor',
      JSON: '.json-editor .cm-content',
      发布: 'section.publish',
    };
    for (const [tab, drawn] of Object.entries(screens)) {
      const link = editor.locator('.topbar nav').getByRole('link', { name: tab, exact: true });
      await link.click();
      await editor.locator(`.topbar nav a[aria-current="page"]`, { hasText: tab }).waitFor();
      await editor.locator(drawn).first().waitFor();
      expect(await seriousViolations(editor), tab).toEqual([]);
    }
    await editor.close();
    expect(s.problems).toEqual([]);
  });
});
