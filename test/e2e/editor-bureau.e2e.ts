import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

const shotDir = process.env.FORMKIT_SHOTS ?? resolve('test-results');
mkdirSync(shotDir, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(shotDir, `bureau-${name}.png`), fullPage: true });
const GBK_CSV = resolve('test/fixtures/editor/catalog-gbk.csv');
const PASS = 'bureau passphrase 2026';

/**
 * Bureau staff, through the UI only: the renewal window 3 → 6 months with every text following, a new
 * field with Chinese and English titles placed in one step, the catalogue merged from a GBK CSV and
 * exported again, the usual mistakes caught in Chinese; then the published pack installed in a fresh
 * profile renders the forms in the published field order and answers with the new window.
 */
describe('bureau: a policy change in minutes, and a pack that arrives exactly as published', () => {
  let bureau: ExtensionSession;
  let institution: ExtensionSession;
  const dir = mkdtempSync(join(tmpdir(), 'formkit-bureau-e2e-'));
  const signedPath = join(dir, 'signed.json');
  let publicKey = '';

  beforeAll(async () => {
    bureau = await launchExtension();
  });
  afterAll(async () => {
    await bureau?.close();
    await institution?.close();
  });

  it('edits, catches the mistakes in Chinese, and publishes a signed 1.1.1', async () => {
    const page = await bureau.open('editor.html#/install');
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('主管部门模式（在工作台显示文书包编辑器）').check();
    const ok = () => page.getByTestId('check-status').getByText('检查通过').waitFor();

    // 1. the renewal window 3 → 6 months: one value; the texts follow, the cases keep working
    await page.getByRole('link', { name: '参数' }).click();
    const row = page.locator('tr[data-param="renewalWindowMonths"]');
    await row.locator('input[name="param-value"]').fill('6');
    await row.locator('input[name="param-value"]').press('Tab');
    await page.getByRole('status').getByText('续期申请期限 3 → 6个月').waitFor();
    await row.locator('td.uses summary').click();
    await expect(row.locator('td.uses').textContent()).resolves.toContain('备案期满前六个月内');
    await expect(row.locator('td.uses').textContent()).resolves.not.toContain('三个月');
    await ok();
    // a new notice, and the parameter cites its article
    await page.getByRole('button', { name: '新增来源文件（新通知）' }).click();
    await page.locator('input[name="source-id"]').fill('hrss-sh-2025-8');
    await page.locator('input[name="source-number"]').fill('沪人社职〔2025〕8号');
    await page.locator('input[name="source-title"]').fill('关于调整评价机构续期申请期限的通知');
    await page.locator('textarea[name="article-text"]').fill('评价机构应在备案期满前六个月内书面提出续期备案申请。');
    await page.getByRole('button', { name: '添加来源文件', exact: true }).click();
    await page.getByRole('status').getByText('已添加来源 沪人社职〔2025〕8号').waitFor();
    await row.locator('select[name="param-citation"]').selectOption('hrss-sh-2025-8|1');
    await ok();
    await shot(page, 'parameters');

    // 2. a required 机构简介 with Chinese and English titles, placed after a conditional section in one step
    await page.getByRole('link', { name: '字段' }).click();
    await page.getByRole('button', { name: '添加字段', exact: true }).click();
    const form = page.getByRole('form', { name: '字段设置' });
    await form.getByLabel('字段名（数据中的键，字母和数字）').fill('profile');
    await form.getByLabel('标题（中文）').fill('机构简介');
    await form.getByLabel('标题（英文）').fill('Institution profile');
    await form.getByLabel('说明（中文）').fill('机构概况、评价工作基础，500字以内');
    await form.getByLabel('说明（英文）').fill('The institution and its evaluation work, up to 500 characters');
    await form.getByLabel('类型').selectOption('textarea');
    await form.getByLabel('必填').check();
    await form.getByLabel('最多字数').fill('500');
    await form.locator('select[name="position"]').selectOption({ value: '|consents' });
    await form.getByRole('button', { name: '添加' }).click();
    await page.locator('[data-field="profile"]').waitFor();
    const outline = await page.locator('.field-editor > ul.field-list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')));
    expect(outline.indexOf('profile')).toBe(outline.lastIndexOf('consents') + 1);
    expect(outline.indexOf('scope')).toBe(outline.indexOf('profile') + 1);
    await expect(page.locator('[data-field="profile"] .field-title-en').textContent()).resolves.toBe('Institution profile');
    await ok();
    // the preview counts characters against the maximum
    const preview = page.locator('.preview #root_profile');
    await preview.fill('上海某职业技能评价机构');
    await page.locator('.preview [data-testid="char-count"]').getByText('11 / 500').waitFor();
    await shot(page, 'fields');

    // 3. the catalogue merged from a GBK CSV (Excel on Chinese Windows), then exported again
    await page.getByRole('link', { name: '参考数据' }).click();
    const before = await page.locator('table.catalog tbody tr').count();
    // the bundled catalogue says it is a sample, with its source and date
    const status = page.locator('.reference-editor > .reference-status');
    await expect(status.getAttribute('data-status')).resolves.toBe('sample');
    await expect(status.textContent()).resolves.toMatch(/示例数据，非官方.*来源：国家规定 · 国家公布的可备案职业（工种）目录 · 未核实.*日期：\d{4}-\d{2}-\d{2}/);
    await page.locator('.reference-editor input[type="file"]').setInputFiles(GBK_CSV);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    await expect(page.locator('.import-preview h3').textContent()).resolves.toContain('GB18030');
    await expect(summary.textContent()).resolves.toContain('新增 1 条，修改 1 条，删除 0 条');
    await expect(page.locator('.import-preview [data-change="changed"]').textContent()).resolves.toContain('初级工、中级工、高级工、技师、高级技师 → 初级工、中级工、高级工');
    await shot(page, 'catalog-preview');
    await page.getByRole('button', { name: '确认合并' }).click();
    await page.getByRole('status').getByText('已从 catalog-gbk.csv 合并').waitFor();
    await expect(page.locator('table.catalog tbody tr').count()).resolves.toBe(before + 1);
    // imported: the bureau's copy of the official list, named by its file and dated today
    await expect.poll(() => status.getAttribute('data-status')).toBe('official');
    await expect(status.textContent()).resolves.toContain('官方数据');
    await expect(status.textContent()).resolves.toContain('catalog-gbk.csv · 已核实');
    await ok();
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csvPath = join(dir, 'export.csv');
    await (await csvDownload).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\uFEFF职业编码,职业名称,评价依据,等级')).toBe(true);
    expect(csv).toContain('4-10-03-01,美容师,国家职业标准,初级工、中级工');
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    const xlsxPath = join(dir, 'export.xlsx');
    await (await xlsxDownload).saveAs(xlsxPath);
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
    const { default: readXlsx } = await import('read-excel-file/node');
    const sheets = (await readXlsx(xlsxPath)) as unknown as { data: unknown[][] }[] | unknown[][];
    const rows = (Array.isArray(sheets[0]) ? sheets : (sheets as { data: unknown[][] }[])[0].data) as unknown[][];
    expect(rows.some((r) => r[0] === '4-10-03-01' && r[1] === '美容师')).toBe(true);

    // 4. the mistakes, each caught with a Chinese message that says how to fix it
    // a catalogue row with an unknown code blocks publishing
    await page.getByRole('button', { name: '添加一行' }).click();
    await page.getByLabel(`第${before + 2}行职业编码`).fill('9-99-99-99');
    await page.getByTestId('check-status').getByText('个问题').waitFor();
    await page.getByRole('alert').getByText('职业编码 9-99-99-99 不在2022年版职业分类大典中').first().waitFor();
    await page.locator('table.catalog tbody tr').last().getByRole('button', { name: '删除' }).click();
    await ok();

    // a new rule: no silent citation, a misspelled field named, a failing case one click away
    await page.getByRole('link', { name: '规则' }).click();
    await page.getByRole('button', { name: '添加规则' }).click();
    await page.getByTestId('rule-problems').getByText('尚未选择依据条文：请在“依据条文”中选择').waitFor();
    await page.locator('select[name="rule-citation"]').selectOption('hrss-sh-2025-8|1');
    await page.locator('input[name="rule-id"]').fill('profile-not-placeholder');
    await page.locator('input[name="rule-message-zh"]').fill('请如实填写机构简介');
    await page.locator('input[name="rule-message-en"]').fill('Describe the institution');
    await page.locator('input[name="rule-paths"]').fill('/profile');
    const assert = page.locator('[data-condition="assert"]');
    await assert.getByText('原始 JSON Logic').click();
    await assert.locator('textarea[name="assert-raw"]').fill('{"!=": [{"var": "data.profil"}, "无"]}');
    await page.getByTestId('rule-problems').getByText('规则 profile-not-placeholder 读取的字段 data.profil').waitFor();
    await expect(page.getByTestId('rule-problems').textContent()).resolves.toContain('请检查拼写');
    await assert.locator('textarea[name="assert-raw"]').fill('{"!=": [{"var": "data.profile"}, "无"]}');
    await page.getByRole('button', { name: '添加用例' }).click();
    await page.locator('[data-case="0"] textarea[name="case-data"]').fill('{"profile": "无"}');
    await page.getByRole('button', { name: '添加用例' }).click();
    await page.locator('[data-case="1"] textarea[name="case-data"]').fill('{"profile": "本机构成立于2010年"}');
    // the second case wrongly expects the rule to fire: the problem leads to it
    const caseProblem = page.locator('.problems a.where', { hasText: '/cases/1' });
    await caseProblem.waitFor();
    await expect(page.getByRole('alert').filter({ hasText: '用例“用例 2”未通过' }).first().textContent()).resolves.toContain('未通过');
    await page.getByRole('link', { name: '参数' }).click();
    await caseProblem.click();
    await page.locator('.rule-form [data-case="1"].flash').waitFor();
    await shot(page, 'rule-case-problem');
    await page.locator('[data-case="1"] input[name="case-fires"]').uncheck();
    await ok();

    // JSON: a syntax error is marked at its line, and survives switching tabs
    await page.getByRole('link', { name: 'JSON' }).click();
    await page.locator('.json-tab select').selectOption('reference/synonyms.json');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(',');
    await page.locator('.cm-lint-marker-error').waitFor();
    await page.getByRole('alert').getByText('JSON 有语法错误，尚未应用').waitFor();
    await shot(page, 'json-error');
    await page.getByRole('link', { name: '规则' }).click();
    await page.getByRole('link', { name: 'JSON' }).click();
    // the edit is still there, with its message; at its line (CodeMirror draws only the lines in view) the mark too
    await page.getByRole('alert').getByText('JSON 有语法错误，尚未应用').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.locator('.cm-lint-marker-error').waitFor();
    await expect(page.locator('.cm-content').textContent()).resolves.toMatch(/\},$/);
    await page.keyboard.press('Backspace');
    await page.getByRole('alert').getByText('JSON 有语法错误').waitFor({ state: 'detached' });
    await ok();

    // publish: the diff speaks in titles and names the version being made
    await page.getByRole('link', { name: '发布' }).click();
    await expect(page.locator('[data-diff-param="renewalWindowMonths"]').textContent()).resolves.toContain('续期申请期限 3 → 6 个月');
    await page.locator('[data-diff-source="hrss-sh-2025-8"]').waitFor();
    await expect(page.locator('.publish h3').first().textContent()).resolves.toContain('1.1.0 → 1.1.1');
    await expect(page.locator('[data-diff-field="/profile"]').textContent()).resolves.toContain('机构简介');
    await page.getByLabel('变更说明（中文）').fill('续期申请期限调整为六个月；新增机构简介；合并可备案职业目录');
    // a key is made with its encrypted backup; a second one asks before replacing it
    await page.getByRole('button', { name: '生成新密钥' }).click();
    await page.locator('input[name="key-passphrase"]').fill('short');
    await page.locator('input[name="key-passphrase-repeat"]').fill('short');
    await page.getByRole('button', { name: '生成并下载加密备份' }).click();
    await page.getByRole('alert').getByText('口令至少 10 个字符').waitFor();
    await page.locator('input[name="key-passphrase"]').fill(PASS);
    await page.locator('input[name="key-passphrase-repeat"]').fill(PASS);
    const backup = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成并下载加密备份' }).click();
    const backupPath = join(dir, 'key.json');
    await (await backup).saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'formkit-signing-key@1', kdf: { name: 'PBKDF2' }, cipher: { name: 'AES-GCM' } });
    publicKey = await page.getByTestId('public-key').inputValue();
    await page.getByRole('button', { name: '生成新密钥' }).click();
    await page.getByRole('alert').getByText('将替换当前密钥').waitFor();
    await page.locator('.key-dialog').getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('public-key').inputValue()).toBe(publicKey);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '发布并导出签名文书包' }).click();
    await (await download).saveAs(signedPath);
    await page.getByRole('status').getByText('已发布 1.1.1').waitFor();
    await page.getByTestId('publish-history').getByText('1.1.1').waitFor();
    await shot(page, 'published');
    const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
    expect(signed.files['rules/parameters.json'].parameters.renewalWindowMonths.value).toBe(6);
    // published as written: the texts keep their placeholders
    expect(JSON.stringify(signed.files['checks/renewal.json'])).toContain('{renewalWindowMonths|cn}');

    // after a reload the editor offers 1.1.2 and refuses to publish 1.1.1 twice
    await page.reload();
    await page.locator('input[name="version"]').waitFor();
    await expect.poll(() => page.locator('input[name="version"]').inputValue()).toBe('1.1.2');
    await page.getByTestId('publish-history').getByText('1.1.1').waitFor();
    await page.locator('input[name="version"]').fill('1.1.1');
    await page.getByLabel('变更说明（中文）').fill('再次发布');
    await page.getByRole('button', { name: '发布并导出签名文书包' }).click();
    await page.getByRole('alert').getByText('版本号 1.1.1 不高于已发布的 1.1.1：同一版本号不能发布两次，请改为 1.1.2 或更高').waitFor();
    await page.close();
    expect(bureau.problems).toEqual([]);
  });

  it('a fresh institution profile installs it and gets the forms in the published order, with the new window', async () => {
    institution = await launchExtension();
    const page = await institution.open('editor.html#/install');
    expect(publicKey).toContain('"kty":"OKP"');
    await page.locator('textarea[name="trusted-key"]').fill(publicKey);
    await page.locator('input[name="trusted-key-name"]').fill('上海市职业技能鉴定中心');
    await page.getByRole('button', { name: '信任此密钥' }).click();
    await page.getByTestId('pack-file').setInputFiles(signedPath);
    await page.getByText('签名有效（上海市职业技能鉴定中心）').waitFor();
    await page.getByRole('button', { name: '确认安装' }).click();
    await page.getByRole('status').getByText('已安装 sh-skill-cert 1.1.1').waitFor();
    await page.close();

    const wb = await institution.open('workbench.html#/new/filing-enterprise');
    await wb.getByText('文书包 sh-skill-cert 1.1.1（已安装）').waitFor();
    await wb.locator('#root_profile').waitFor();
    const ids = await wb.locator('[id^="root_"]').evaluateAll((els) => els.map((e) => e.id));
    // a field's first element: its own id, or its parts' (`root_scope-0`, `root_contact_email`)
    const at = (id: string) => ids.findIndex((x) => x === id || x.startsWith(`${id}_`) || x.startsWith(`${id}-`));
    // the new field where it was placed, the rest as bundled (not A→Z)
    expect(at('root_applicationDate')).toBeLessThan(at('root_profile'));
    expect(at('root_profile')).toBeLessThan(at('root_scope'));
    const contact = ['root_contact_name', 'root_contact_position', 'root_contact_mobile', 'root_contact_email'].map(at);
    expect(contact.every((i) => i >= 0)).toBe(true);
    expect([...contact].sort((a, b) => a - b)).toEqual(contact);
    await wb.locator('#root_profile').fill('上海某职业技能评价机构');
    await wb.locator('[data-testid="char-count"]').getByText('11 / 500').waitFor();
    await shot(wb, 'installed-workbench');
    await wb.close();

    // the answers follow the new window: five months before expiry is in time now
    const popup = await institution.open('popup.html');
    await popup.setViewportSize({ width: 420, height: 700 });
    await popup.getByRole('tab', { name: '续期备案是否按时' }).click();
    await popup.fill('#f-renewal-expiryDate', '2025-08-31');
    await popup.fill('#f-renewal-today', '2025-04-15');
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('续期申请期内');
    expect(await popup.locator('[data-output="windowOpens"]').textContent()).toBe('2025-02-28');
    await expect.poll(() => popup.textContent('body')).toContain('备案期满前六个月内');
    await shot(popup, 'installed-popup');
    await popup.close();
    expect(institution.problems).toEqual([]);
  });
});
