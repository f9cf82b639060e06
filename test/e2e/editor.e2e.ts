import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

const shots = process.env.FORMKIT_SHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

/**
 * The bureau's scenario: a bureau user changes the pack without code, previews it, publishes a signed
 * file; an institution installs it, the change shows in the workbench; a tampered copy is refused.
 */
describe('pack editor: edit, publish signed, install, refuse tampering ', () => {
  let s: ExtensionSession;
  const dir = mkdtempSync(join(tmpdir(), 'formkit-editor-e2e-'));
  const signedPath = join(dir, 'signed.json');
  let publicKey = '';

  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('bureau: adds a required field and a rule with cases, previews, publishes a signed pack', async () => {
    const page = await s.open('editor.html#/install');
    await page.getByLabel('主管部门模式（在工作台显示文书包编辑器）').check();
    await page.getByRole('link', { name: '字段' }).click();

    // a required whole-number field
    await page.getByRole('button', { name: '添加字段', exact: true }).click();
    const form = page.getByRole('form', { name: '字段设置' });
    await form.getByLabel('字段名（数据中的键，字母和数字）').fill('staffCount');
    await form.getByLabel('标题（中文）').fill('评价人员总数');
    await form.getByLabel('类型').selectOption('integer');
    await form.getByLabel('必填').check();
    await form.getByLabel('最小值').fill('0');
    await form.getByRole('button', { name: '添加' }).click();
    await page.locator('[data-field="staffCount"]').waitFor();
    await expect(page.locator('[data-field="staffCount"] .tag.required').textContent()).resolves.toBe('必填');
    // the JSON view follows the visual edit
    await expect(page.locator('.cm-content').first().textContent()).resolves.toContain('"staffCount"');
    await page.getByTestId('check-status').getByText('检查通过').waitFor();
    await page.locator('.preview label', { hasText: '评价人员总数' }).first().waitFor();

    // a rule with a case that fires and one that does not
    await page.getByRole('link', { name: '规则' }).click();
    await page.getByRole('button', { name: '添加规则' }).click();
    await page.locator('input[name="rule-id"]').fill('staff-count-minimum');
    await page.locator('select[name="rule-citation"]').selectOption('hrss-sh-2024-120|3.2.2');
    await expect(page.locator('.article-text').textContent()).resolves.toContain('考评人员');
    await page.locator('input[name="rule-message-zh"]').fill('评价人员总数不少于10人，现为 {data.staffCount} 人');
    await page.locator('input[name="rule-message-en"]').fill('At least 10 evaluation staff are needed; {data.staffCount} given');
    await page.locator('input[name="rule-paths"]').fill('/staffCount');
    const assert = page.locator('[data-condition="assert"]');
    await assert.getByRole('button', { name: '添加比较' }).click();
    await assert.locator('select[name="assert-path"]').selectOption('data.staffCount');
    await assert.locator('select[name="assert-op"]').selectOption('>=');
    await assert.locator('input[name="assert-value"]').fill('10');
    await page.getByRole('button', { name: '添加用例' }).click();
    const firing = page.locator('[data-case="0"]');
    await firing.locator('textarea[name="case-data"]').fill('{"staffCount": 5}');
    await firing.getByRole('button', { name: '运行' }).click();
    await expect(firing.locator('.case-result').textContent()).resolves.toBe('通过');
    await page.getByRole('button', { name: '添加用例' }).click();
    const quiet = page.locator('[data-case="1"]');
    await quiet.locator('input[name="case-fires"]').uncheck();
    await quiet.locator('textarea[name="case-data"]').fill('{"staffCount": 12}');
    await quiet.getByRole('button', { name: '运行' }).click();
    await expect(quiet.locator('.case-result').textContent()).resolves.toBe('通过');
    // a wrong expectation shows as a failure in place
    await quiet.locator('input[name="case-fires"]').check();
    await quiet.getByRole('button', { name: '运行' }).click();
    await expect(quiet.locator('.case-result').textContent()).resolves.toContain('未通过');
    await quiet.locator('input[name="case-fires"]').uncheck();
    await page.getByTestId('check-status').getByText('检查通过').waitFor();
    await shot(page, 'editor-rules');

    // the preview runs the new rule
    await page.getByRole('link', { name: '字段' }).click();
    const previewInput = page.locator('.preview #root_staffCount');
    await previewInput.fill('5');
    await previewInput.blur();
    await page.locator('.preview').getByText('评价人员总数不少于10人，现为 5 人').first().waitFor();
    await shot(page, 'editor-fields');

    // publish: version, notes, a new key, signed file downloaded
    await page.getByRole('link', { name: '发布' }).click();
    await page.locator('[data-diff-field="/staffCount"]').waitFor();
    await expect(page.locator('[data-diff-rule="staff-count-minimum"]').textContent()).resolves.toContain('新增');
    await page.getByLabel('变更说明（中文）').fill('新增评价人员总数及其下限');
    await page.getByRole('button', { name: '生成新密钥' }).click();
    await page.locator('input[name="key-passphrase"]').fill('bureau passphrase 2026');
    await page.locator('input[name="key-passphrase-repeat"]').fill('bureau passphrase 2026');
    const backup = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成并下载加密备份' }).click();
    expect((await backup).suggestedFilename()).toMatch(/^signing-key-[0-9a-f]{16}\.formkit-key\.json$/);
    publicKey = await page.getByTestId('public-key').inputValue();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '发布并导出签名文书包' }).click();
    await (await download).saveAs(signedPath);
    await page.getByRole('status').getByText('已发布 1.1.1').waitFor();
    await shot(page, 'editor-publish');
    const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
    expect(signed.signature.alg).toBe('Ed25519');
    expect(signed.files['pack.json'].version).toBe('1.1.1');
    await page.close();
  });

  it('institution: trusts the bureau key, imports the pack after seeing the diff; the field and rule work in the workbench', async () => {
    const page = await s.open('editor.html#/install');
    // an unsigned-by-trusted-key pack is refused before the key is trusted
    await page.getByTestId('pack-file').setInputFiles(signedPath);
    await page.getByRole('alert').getByText('不在受信任的密钥列表中').waitFor();

    await page.locator('textarea[name="trusted-key"]').fill(publicKey);
    await page.locator('input[name="trusted-key-name"]').fill('上海市职业技能鉴定中心');
    await page.getByRole('button', { name: '信任此密钥' }).click();
    await page.getByTestId('trusted-keys').getByText('上海市职业技能鉴定中心').waitFor();

    // the bureau publishes the file on a static host; the institution fetches it by its HTTPS address
    await s.context.route('https://packs.example.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(signedPath, 'utf8') }),
    );
    await page.locator('input[name="pack-url"]').fill('https://packs.example.org/sh-skill-cert/latest.json');
    await page.getByRole('button', { name: '获取' }).click();
    await page.getByText('签名有效（上海市职业技能鉴定中心）').waitFor();
    await expect(page.locator('.pending [data-diff-field="/staffCount"]').textContent()).resolves.toContain('评价人员总数');
    await shot(page, 'install-diff');
    await page.getByRole('button', { name: '确认安装' }).click();
    await page.getByRole('status').getByText('已安装 sh-skill-cert 1.1.1').waitFor();
    await page.close();

    const wb = await s.open('workbench.html#/new/filing-enterprise');
    await wb.getByText('文书包 sh-skill-cert 1.1.1（已安装）').waitFor();
    const input = wb.locator('#root_staffCount');
    await input.waitFor();
    await input.fill('5');
    await input.blur();
    await wb.getByText('评价人员总数不少于10人，现为 5 人').first().waitFor();
    await shot(wb, 'workbench-installed');
    await wb.close();
  });

  it('a tampered copy is refused with the reason and the installed pack keeps working; rollback restores the bundled one', async () => {
    const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
    signed.files['documents/filing-enterprise/rules.json'].rules.find((r: { id: string }) => r.id === 'staff-count-minimum').assert = { '>=': [{ var: 'data.staffCount' }, 1] };
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(signed));
    const page = await s.open('editor.html#/install');
    await page.getByTestId('pack-file').setInputFiles(tampered);
    await page.getByRole('alert').getByText('可能在传输中被篡改').waitFor();
    await expect(page.getByRole('button', { name: '确认安装' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('current-pack').textContent()).resolves.toContain('1.1.1');
    await shot(page, 'install-tampered');

    const wb = await s.open('workbench.html#/new/filing-enterprise');
    const input = wb.locator('#root_staffCount');
    await input.fill('5');
    await input.blur();
    await wb.getByText('评价人员总数不少于10人，现为 5 人').first().waitFor();
    await wb.close();

    await page.getByRole('button', { name: '恢复上一个文书包' }).click();
    await page.getByRole('status').getByText('已恢复上一个文书包').waitFor();
    await page.getByTestId('current-pack').getByText('sh-skill-cert 1.1.0（内置）').waitFor();
    await page.close();
    expect(s.problems).toEqual([]);
  });
  it('checks every edit: a catastrophic pattern and a __proto__ key are held back with their place; JSON edits show in the field list; the catalogue imports from CSV', async () => {
    const page = await s.open('editor.html#/fields');
    await page.getByRole('button', { name: '添加字段', exact: true }).click();
    const form = page.getByRole('form', { name: '字段设置' });
    await form.getByLabel('字段名（数据中的键，字母和数字）').fill('nickname');
    await form.getByLabel('标题（中文）').fill('简称');
    await form.getByLabel('格式').selectOption('custom');
    await form.locator('input[name="pattern"]').fill('^(\\w+\\s?)+$');
    // the analyser cannot prove this pattern safe within its step budget: it is refused, and the hint says so
    await form.getByText('无法确认不会发生灾难性回溯，因此不予采用').waitFor();
    await form.getByRole('button', { name: '添加' }).click();
    await form.getByRole('alert').getByText('灾难性回溯').first().waitFor();
    await expect(page.locator('[data-field="nickname"]').count()).resolves.toBe(0);
    await form.getByRole('button', { name: '取消' }).click();

    // the JSON view edits the same schema the field list shows
    const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
    const schema = signed.files['documents/filing-enterprise/schema.json'];
    schema.properties.staffCount.title = '评价人员数量';
    await page.locator('.cm-content').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(JSON.stringify(schema, null, 2));
    await page.locator('[data-field="staffCount"] .field-title').getByText('评价人员数量').waitFor();

    // a prototype key typed into any file is refused with its location, and nothing is applied
    await page.getByRole('link', { name: 'JSON' }).click();
    await page.locator('.json-tab select').selectOption('reference/synonyms.json');
    const synonyms = JSON.stringify(signed.files['reference/synonyms.json']);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(synonyms.replace('{', '{"__proto__": {"admin": true}, '));
    await page.getByRole('alert').getByText('reference/synonyms.json#/__proto__').waitFor();
    await page.getByTestId('check-status').getByText('1 个问题').waitFor();
    await shot(page, 'editor-proto-refused');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(synonyms);
    await page.getByTestId('check-status').getByText('检查通过').waitFor();

    // the filing catalogue from a CSV export, checked against the 2022 classification
    await page.getByRole('link', { name: '参考数据' }).click();
    const csv = join(dir, 'catalog.csv');
    writeFileSync(csv, '职业编码,职业名称,评价依据,等级\n6-31-01-03,电工,国家职业标准,初级工、中级工\n9-99-99-99,不存在的职业,评价规范,技师\n');
    await page.locator('.reference-editor input[type="file"]').setInputFiles(csv);
    await page.getByTestId('import-summary').waitFor();
    await page.getByLabel('替换（文件成为整个目录）').check();
    await page.getByRole('button', { name: '确认替换' }).click();
    await page.getByRole('status').getByText('已从 catalog.csv 替换').waitFor();
    await expect(page.locator('table.catalog tbody tr').count()).resolves.toBe(2);
    await page.locator('table.catalog tbody tr.has-problem').getByText('大典中无此编码').waitFor();
    await shot(page, 'editor-catalog');
    await page.close();
  });
});
