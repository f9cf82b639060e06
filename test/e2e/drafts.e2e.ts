import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

// Drafts are never lost : a character typed 100 ms before the tab closes is there when the
// draft is reopened; the drafts list shows it; export → import round-trips every draft exactly.

interface ExportFile {
  drafts: { id: string; data: Record<string, unknown>; revision: number; title: string }[];
  checksum: string;
  exported: string;
}

async function newDraft(s: ExtensionSession): Promise<{ page: Page; id: string }> {
  const page = await s.open('workbench.html#/new/filing-enterprise');
  await page.locator('#root_institution_name').waitFor();
  // a blank form is stored once something is entered (新建 alone leaves no empty draft behind)
  await page.locator('#root_institution_legalRepresentative').fill('张建国');
  await page.locator('#root_institution_legalRepresentative').blur();
  await page.waitForURL(/#\/draft\//);
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/draft/', ''));
  return { page, id };
}

/** A deadline, not a pause: generous because the suite also runs with every core busy (STRESS=1). */
const SYNC_DEADLINE_MS = 30000;

/** Resolves as soon as the page shows `value` in the control (checked on every animation frame), not after a fixed time. */
async function valueShown(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([sel, v]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
    [selector, value] as const,
    { timeout: SYNC_DEADLINE_MS },
  );
}

async function exportAll(page: Page): Promise<ExportFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部' }).click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportFile;
}

describe('drafts in Chromium ', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a character typed 100 ms before the tab closes is there when the draft is reopened', async () => {
    const { page, id } = await newDraft(s);
    await page.locator('.save-status[data-status="saved"]').waitFor();
    await page.locator('#root_institution_name').click();
    await page.keyboard.type('上海示例电气集团有限公', { delay: 20 });
    await page.keyboard.type('司');
    await page.waitForTimeout(100);
    await page.close();

    const again = await s.open(`workbench.html#/draft/${encodeURIComponent(id)}`);
    const field = again.locator('#root_institution_name');
    await field.waitFor();
    await expect(field.inputValue()).resolves.toBe('上海示例电气集团有限公司');
    await again.locator('.save-status[data-status="saved"]').waitFor();
    await again.close();

    const list = await s.open('workbench.html#/drafts');
    const row = list.locator(`tr[data-draft-id="${id}"]`);
    await row.waitFor();
    await expect(row.locator('.draft-title').textContent()).resolves.toContain('上海示例电气集团有限公司');
    await list.close();
  });

  it('shows 保存中 then 已保存 while typing', async () => {
    const { page } = await newDraft(s);
    await page.locator('#root_institution_name').click();
    // every state the indicator shows, as it shows it: 保存中 may last less than a frame on a fast write,
    // too short for polling to catch
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __saveStates: string[] }).__saveStates = []);
      const note = () => {
        const el = document.querySelector('.save-status');
        const v = el ? `${el.getAttribute('data-status')}:${el.textContent}` : '';
        if (v && seen[seen.length - 1] !== v) seen.push(v);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.keyboard.type('乙');
    // the control commits after a short pause, autosave writes within 500 ms: 保存中 shows in between
    const states = () => page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
    const saving = (seen: string[]) => seen.findIndex((v) => v.startsWith('saving:') && v.includes('保存中'));
    await expect.poll(async () => saving(await states()), { timeout: SYNC_DEADLINE_MS }).toBeGreaterThanOrEqual(0);
    await page.locator('.save-status[data-status="saved"]').waitFor();
    const seen = await states();
    expect(seen.findLastIndex((v) => v.startsWith('saved:'))).toBeGreaterThan(saving(seen));
    await expect(page.locator('.save-status').textContent()).resolves.toBe('已保存');
    await page.screenshot({ path: '/tmp/drafts-editor.png' });
    await page.close();
  });

  it('two tabs on one draft stay in sync, and simultaneous edits ask keep mine / take theirs / see both', async () => {
    const { page: a, id } = await newDraft(s);
    const b = await s.open(`workbench.html#/draft/${encodeURIComponent(id)}`);
    const nameA = a.locator('#root_institution_name');
    const nameB = b.locator('#root_institution_name');
    await nameB.waitFor();
    await a.locator('.save-status[data-status="saved"]').waitFor();

    // sync: what tab A saves appears in tab B
    await nameA.fill('同步测试公司');
    await nameA.blur();
    await valueShown(b, '#root_institution_name', '同步测试公司');

    // both tabs change the same revision: one of them is told, nothing is overwritten silently
    await nameA.fill('甲页的名称');
    await nameB.fill('乙页的名称');
    await Promise.all([nameA.blur(), nameB.blur()]);
    const dialog = (p: Page) => p.locator('.drafts-modal');
    await expect
      .poll(async () => (await dialog(a).count()) + (await dialog(b).count()), { timeout: SYNC_DEADLINE_MS })
      .toBe(1);
    const [loser, winner, mine] = (await dialog(a).count()) ? [a, b, '甲页的名称'] : [b, a, '乙页的名称'];
    await loser.getByRole('button', { name: '对比两者' }).click();
    await loser.locator('.conflict-diff td', { hasText: mine }).waitFor();
    await loser.screenshot({ path: '/tmp/drafts-conflict.png' });
    await loser.getByRole('button', { name: '保留我的' }).click();
    await dialog(loser).waitFor({ state: 'detached' });
    await valueShown(winner, '#root_institution_name', mine);
    await a.close();
    await b.close();
  });

  it('export → import round-trips all drafts exactly; a damaged file is refused whole', async () => {
    const list = await s.open('workbench.html#/drafts');
    await list.locator('tr[data-draft-id]').first().waitFor();
    const before = await exportAll(list);
    expect(before.drafts.length).toBeGreaterThanOrEqual(2);

    // delete them all (each shows undo), then import the file
    for (const d of before.drafts) {
      await list.locator(`tr[data-draft-id="${d.id}"] button.remove`).click();
      await list.locator('.drafts-notice', { hasText: '已删除' }).waitFor();
    }
    await list.locator('.muted', { hasText: '还没有草稿' }).waitFor();

    const damaged = JSON.parse(JSON.stringify(before)) as ExportFile;
    damaged.drafts[0].title = '被改动';
    await list.locator('[data-testid="import-file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await list.locator('.drafts-notice.error', { hasText: '校验和不符' }).waitFor();
    await expect(list.locator('tr[data-draft-id]').count()).resolves.toBe(0);
    await list.screenshot({ path: '/tmp/drafts-import-refused.png' });

    await list.locator('[data-testid="import-file"]').setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(before)) });
    await list.locator('.drafts-notice', { hasText: `已导入 ${before.drafts.length} 份草稿` }).waitFor();
    await expect(list.locator('tr[data-draft-id]').count()).resolves.toBe(before.drafts.length);
    const after = await exportAll(list);
    const byId = (f: ExportFile) => [...f.drafts].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(before));
    await list.screenshot({ path: '/tmp/drafts-list.png', fullPage: true });
    await list.close();
    expect(s.problems).toEqual([]);
  });
});
