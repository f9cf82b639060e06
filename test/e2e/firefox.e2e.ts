/**
 * The extension in Firefox, end to end: the jobs a user does with it, in the Firefox build
 * (.output-test/firefox-mv3) — open a document and validate it, autosave and reopen a draft, answer a
 * popup check, autofill a demo portal from a draft.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePrefill } from '../../forms/core/drafts/prefill-codec';
import { fieldIdOf } from '../../forms/ui/theme/form-context';
// @ts-expect-error plain ESM script without types
import { serveDemo } from '../../scripts/serve-demo.mjs';
import { launchFirefox, type FirefoxSession } from '../../scripts/firefox-launch';

const SAMPLES = resolve(import.meta.dirname, '../../schemas/documents/filing-enterprise/samples');
const sample = (name: string) => JSON.parse(readFileSync(resolve(SAMPLES, name), 'utf8'));
const valid = sample('valid-central-soe.json');

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const allText = (page: Page, selector: string) => page.$$eval(selector, (es) => es.map((e) => e.textContent ?? ''));
const value = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLInputElement).value);

/** Polls until `probe` returns something `ok` accepts; the last value is in the failure. */
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeout = 30000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < end) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out; last value ${JSON.stringify(last)}${error ? `, last error ${String(error)}` : ''}`);
}

async function clearAndType(page: Page, selector: string, typed: string) {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, typed);
}

let s: FirefoxSession;
beforeAll(async () => {
  // puppeteer writes a screenshot only into a folder that exists (a clean clone has none)
  mkdirSync('test-results', { recursive: true });
  s = await launchFirefox();
});
afterAll(async () => {
  await s?.close();
});

describe('in Firefox', () => {
  it('opens a document, flags a wrong 统一社会信用代码 as the user types, and validates a sample on submit', async () => {
    const page = await s.open('workbench.html#/new/filing-enterprise');
    await page.waitForSelector('#root_institution_uscc');
    await page.type('#root_institution_uscc', '91310110666007217a');
    await page.click('#root_institution_name');
    await until(() => text(page, '#root_institution_uscc__error'), (t) => t.includes('统一社会信用代码：校验位不正确'));
    await clearAndType(page, '#root_institution_uscc', '91310110666007217T');
    await page.click('#root_institution_name');
    await until(() => page.$('#root_institution_uscc__error'), (e) => e === null);
    await page.close();

    // an invalid sample: each expected error in the summary after submit, and no success
    for (const name of ['invalid-consent-and-id', 'invalid-district-route']) {
      const bad = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample(`${name}.json`))}`);
      await bad.waitForSelector('button.submit');
      await bad.click('button.submit');
      await bad.waitForSelector('.summary .finding.error');
      const expected = (sample(`${name}.expected.json`) as { errors: { path: string; keyword: string }[] }).errors;
      for (const e of expected) {
        const id = fieldIdOf(e.path);
        const sel = e.keyword === 'required' ? `.summary li.finding.error a[href="#${id}"], .summary li.finding.error a[href^="#${id}_"]` : `.summary li.finding.error a[href="#${id}"]`;
        expect((await bad.$$(sel)).length, `${name}: ${e.path} ${e.keyword}`).toBeGreaterThan(0);
      }
      expect(await bad.$('.submitted-ok')).toBeNull();
      await bad.close();
    }

    // the valid sample submits with no error
    const good = await s.open(`workbench.html#/new/filing-enterprise?prefill=${encodePrefill(valid)}`);
    await good.waitForSelector('button.submit');
    await good.click('button.submit');
    await good.waitForSelector('.submitted-ok, .summary .finding.error');
    expect(await allText(good, '.summary .finding.error')).toEqual([]);
    await good.screenshot({ path: 'test-results/firefox-workbench-valid.png' });
    await good.close();
  });

  it('saves a draft as the user types and reopens it with what was typed, listed under 草稿', async () => {
    const page = await s.open('workbench.html#/new/filing-enterprise');
    await page.waitForSelector('#root_institution_name');
    await page.type('#root_institution_name', '上海火狐测试有限公司');
    await page.keyboard.press('Tab');
    // a blank new draft is stored once something is entered; then the address names it
    const hash = await until(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/draft/'));
    const id = decodeURIComponent(hash.replace('#/draft/', ''));
    await until(() => page.$eval('.save-status', (e) => e.getAttribute('data-status')), (st) => st === 'saved');
    await page.close();

    const again = await s.open(`workbench.html#/draft/${encodeURIComponent(id)}`);
    await again.waitForSelector('#root_institution_name');
    await until(() => value(again, '#root_institution_name'), (v) => v === '上海火狐测试有限公司');
    await again.close();

    const list = await s.open('workbench.html#/drafts');
    const row = `tr[data-draft-id="${id}"] .draft-title`;
    await list.waitForSelector(row);
    expect(await text(list, row)).toContain('上海火狐测试有限公司');
    await list.close();
  });

  it('answers the renewal check in the popup, citing 三（四）3', async () => {
    const popup = await s.open('popup.html');
    await popup.setViewport({ width: 420, height: 700 });
    const tab = await until(
      () => popup.$$eval('[role="tab"]', (tabs) => tabs.findIndex((t) => t.textContent?.includes('续期备案是否按时'))),
      (i) => i >= 0,
    );
    await (await popup.$$('[role="tab"]'))[tab].click();
    await popup.waitForSelector('#f-renewal-expiryDate');
    // date inputs take their value as a user's date picker would set it
    for (const [sel, v] of [['#f-renewal-expiryDate', '2025-08-31'], ['#f-renewal-today', '2025-08-21']]) {
      await popup.$eval(sel, (e, v) => {
        const input = e as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, v);
    }
    await until(() => text(popup, '.outcome'), (t) => t.includes('续期申请期内'));
    expect(await text(popup, '[data-output="daysLeft"]')).toBe('10');
    expect(await text(popup, '.reasons button.article')).toBe('三（四）3');
    await popup.screenshot({ path: 'test-results/firefox-popup-renewal.png' });
    await popup.close();
  });

  describe('autofill', () => {
    let demo: { origin: string; close(): Promise<void> };
    beforeAll(async () => {
      demo = await serveDemo();
    });
    afterAll(async () => {
      await demo?.close();
    });

    /** What the popup's 自动填写 button sends: the tab and the draft, to the background. */
    async function fill(ext: Page, url: string, draft: unknown) {
      return ext.evaluate(
        async (url, draft) => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
          // Firefox's match patterns take no port, so the tab is found by its address
          const tab = (await api.tabs.query({})).find((t) => t.url === url);
          if (!tab) throw new Error(`no tab at ${url}`);
          return api.runtime.sendMessage({ type: 'bg:autofill', tabId: tab.id, draft: { docId: 'filing-enterprise', data: draft } });
        },
        url,
        draft,
      ) as Promise<{ ok: boolean; message?: { zh: string }; report?: { outcomes: { path: string; status: string }[] } }>;
    }

    for (const portal of ['/plain/index.html', '/element/index.html']) {
      it(`fills ${portal} from a draft: the page's own model holds the values, the report is shown`, async () => {
        const page = await s.openWeb(`${demo.origin}${portal}`);
        await page.waitForSelector('#model');
        const ext = await s.open('popup.html');
        // the portal is the tab in front when a user presses 自动填写; Firefox runs no animation frame in a
        // background tab and slows its timers to 1 s, which the fill of a component library waits on
        await page.bringToFront();
        const r = await fill(ext, page.url(), valid);
        if (!r.ok) throw new Error(r.message?.zh);
        const filled = r.report!.outcomes.filter((o) => o.status === 'filled').map((o) => o.path);
        expect(filled).toEqual(expect.arrayContaining(['/institution/name', '/institution/uscc', '/contact/mobile']));
        expect(r.report!.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
        const model = JSON.parse(await text(page, '#model'));
        expect(JSON.stringify(model)).toContain('上海示例电气集团有限公司');
        expect(JSON.stringify(model)).toContain('91310110666007217T');
        expect(await page.$('#formkit-fill-report')).not.toBeNull();
        await page.screenshot({ path: `test-results/firefox-autofill-${portal.split('/')[1]}.png`, fullPage: true });
        await ext.close();
        await page.close();
      });
    }
  });

  it('logged no console error or CSP violation', () => {
    expect(s.problems).toEqual([]);
  });
});
