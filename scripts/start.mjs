#!/usr/bin/env node
/**
 * `npm start [-- --firefox]`: builds the extension (a test build: it carries the demo portals' maps,
 * forms/build/build-mode.ts), serves the demo portals, stores a sample filing as a draft and shows the
 * main job — filling a portal from that draft.
 * - With a display: Chromium (or Firefox) opens on the workbench with the sample draft and on a demo
 *   portal; press the toolbar button → 自动填写 on the portal's tab.
 * - Without one (no DISPLAY, or HEADLESS=1): runs headless and writes screenshots to ./screenshots —
 *   the documents, the sample draft checked with its findings, the demo portal filled from it with the
 *   fill report, and the popup with a check answered — printing each path.
 * Runs under tsx (package.json) so it can share the Firefox helper of the end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildOutDir } from '../forms/build/build-mode.ts';
import { encodePrefill } from '../forms/core/drafts/prefill-codec.ts';
import { startDemoServers } from './serve-demo.mjs';

const root = resolve(import.meta.dirname, '..');
const firefoxWanted = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const testEnv = { ...process.env, FORMKIT_TEST: '1' };
const outDir = resolve(root, buildOutDir(testEnv));

function must(label, cmd, args, env = process.env) {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
if (firefoxWanted ? !firefox : !chrome) {
  console.error(
    firefoxWanted
      ? 'No Firefox found. Install it with: sudo apt-get install firefox-esr fonts-wqy-microhei (or set FIREFOX_PATH).'
      : 'No Chromium found. Install it with: sudo apt-get install chromium fonts-wqy-microhei (or set CHROME_PATH).',
  );
  process.exit(1);
}

must('precompile the pack (test build: with the demo portal maps)', 'npm', ['run', '--silent', 'pack:build'], testEnv);
must(`build the extension for ${firefoxWanted ? 'Firefox' : 'Chromium'} → ${outDir}`, 'npx', ['wxt', 'build', ...(firefoxWanted ? ['-b', 'firefox'] : [])], testEnv);
if (existsSync(join(root, 'scripts/build-demo.mjs'))) must('build the demo portals', 'node', ['scripts/build-demo.mjs']);
const demo = await startDemoServers();
const portalUrl = demo.urls?.element ?? `${demo.url ?? demo.origin}/element/index.html`;

const sample = JSON.parse(readFileSync(join(root, 'schemas/documents/filing-enterprise/samples/valid-central-soe.json'), 'utf8'));
const sampleLink = `workbench.html#/new/filing-enterprise?prefill=${encodePrefill(sample)}`;

/**
 * One small driver over both browsers: playwright-core for Chromium, puppeteer-core (through the
 * end-to-end tests' Firefox helper, which knows how to open moz-extension:// pages) for Firefox. Pages
 * of both libraries share evaluate(fn, arg), waitForSelector, click, bringToFront and screenshot.
 */
async function chromiumDriver() {
  const extDir = join(outDir, 'chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'formkit-start-'));
  // A Chinese page in a browser whose UI language is not Chinese makes Chromium offer a translation over
  // the portal. The profile preference turns it off (a --disable-features flag would be overridden by the
  // one playwright passes itself).
  mkdirSync(join(profile, 'Default'), { recursive: true });
  // The toolbar button is pinned so a newcomer sees it at once; an unpacked extension's id is derived
  // from its folder's path (SHA-256, first 32 hex digits written as the letters a–p).
  const extId = [...createHash('sha256').update(extDir).digest('hex').slice(0, 32)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ translate: { enabled: false }, extensions: { pinned_extensions: [extId] } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chrome,
    headless,
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN',
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const ext = `chrome-extension://${new URL(worker.url()).host}`;
  const [blank] = context.pages();
  return {
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${ext}/${path}`);
      return page;
    },
    async openWeb(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    resize: (page, width, height) => page.setViewportSize({ width, height }),
    fill: (page, selector, value) => page.fill(selector, value),
    tidy: () => blank?.close().catch(() => undefined),
    onClose: (f) => context.on('close', f),
    close: () => context.close(),
  };
}

async function firefoxDriver() {
  process.env.FIREFOX_PATH ??= firefox;
  const { launchFirefox } = await import('./firefox-launch.ts');
  const s = await launchFirefox({ extensionDir: join(outDir, 'firefox-mv3'), headless });
  const initial = await s.browser.pages();
  return {
    open: (path) => s.open(path),
    openWeb: (url) => s.openWeb(url),
    resize: (page, width, height) => page.setViewport({ width, height }),
    // a date input takes its value as the date picker sets it
    fill: (page, selector, value) =>
      page.$eval(selector, (input, value) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value),
    // the empty tab Firefox starts with
    tidy: async () => {
      for (const p of initial) if (p.url() === 'about:blank') await p.close().catch(() => undefined);
    },
    onClose: (f) => s.browser.on('disconnected', f),
    close: () => s.close(),
  };
}

const driver = firefoxWanted ? await firefoxDriver() : await chromiumDriver();

// the sample, opened from its link, becomes a stored draft: the workbench moves to #/draft/<id>
const workbench = await driver.open(sampleLink);
await workbench.waitForSelector('#root_institution_name');
const hash = await waitFor(() => workbench.evaluate(() => location.hash), (h) => h.startsWith('#/draft/'));
const draftId = decodeURIComponent(hash.replace('#/draft/', ''));
await workbench.waitForSelector('.save-status[data-status="saved"]');
console.log(`sample draft stored: ${draftId}`);

async function waitFor(probe, ok, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await probe().catch(() => undefined);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out (last: ${JSON.stringify(last)})`);
}

/**
 * What the popup's 自动填写 sends: the portal's tab, and the draft it names — none for the popup's
 * default choice, 上次使用的草稿 (the draft used last).
 */
async function fillFromDraft(portal, which = {}) {
  const ext = await driver.open('popup.html');
  // the portal is the tab in front when a user presses 自动填写 (Firefox pauses background tabs' frames)
  await portal.bringToFront();
  const url = await portal.evaluate(() => location.href);
  const result = await ext.evaluate(
    async ({ url, which }) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      return api.runtime.sendMessage({ type: 'bg:autofill', tabId: tab.id, ...which });
    },
    { url, which },
  );
  await ext.close();
  if (!result?.ok) throw new Error(`autofill failed: ${result?.message?.zh ?? JSON.stringify(result)}`);
  return result.report;
}

/**
 * The popup's 自动填写 fills from the draft used last, and a fresh profile has none: the sample is used
 * once on the demo portals' index page (a list of links, no form), which makes it the draft used last,
 * so the first press of 自动填写 on a portal fills from it.
 */
async function makeSampleTheDraftUsedLast() {
  const index = await driver.openWeb(demo.url ?? `${demo.origin}/`);
  // nothing on that page to fill: only that the background now remembers the sample matters
  await fillFromDraft(index, { draftId }).catch(() => undefined);
  await index.close();
}
await makeSampleTheDraftUsedLast();

if (headless) {
  const dir = join(root, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const prefix = firefoxWanted ? 'firefox-' : '';
  const shot = async (page, name, fullPage = false) => {
    const file = join(dir, `${prefix}${name}.png`);
    await page.screenshot({ path: file, fullPage });
    console.log(`screenshot: ${file}`);
  };

  const documents = await driver.open('workbench.html#/');
  await documents.waitForSelector('.doc-card');
  await shot(documents, 'workbench-documents', true);
  await documents.close();

  // the sample draft, checked: its findings in the panel beside the form
  await workbench.click('button.submit');
  await workbench.waitForSelector('.submitted-ok, .summary .finding');
  await workbench.evaluate(() => window.scrollTo(0, 0));
  await shot(workbench, 'workbench-sample-draft');

  // the main job: the demo portal filled from that stored draft, with the fill report open
  const portal = await driver.openWeb(portalUrl);
  await portal.waitForSelector('#model');
  // as the popup's button sends it by default: no draft named, so the draft used last
  const report = await fillFromDraft(portal);
  // the report panel lives in a shadow root under an empty host element
  await waitFor(() => portal.evaluate(() => Boolean(document.getElementById('formkit-fill-report'))), Boolean);
  await shot(portal, 'demo-portal-filled', true);
  const count = (s) => report.outcomes.filter((o) => o.status === s).length;
  console.log(`autofill: ${count('filled')} filled, ${count('skipped')} skipped, ${count('failed')} failed, ${count('not-found')} not found on the page`);

  // a quick check answered in the popup (opened as a page)
  const popup = await driver.open('popup.html');
  await driver.resize(popup, 420, 720);
  await popup.waitForSelector('[role="tab"]');
  await popup.evaluate(() => [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.includes('续期备案'))?.click());
  await popup.waitForSelector('#f-renewal-expiryDate');
  await driver.fill(popup, '#f-renewal-expiryDate', '2025-08-31');
  await driver.fill(popup, '#f-renewal-today', '2025-08-21');
  await waitFor(() => popup.evaluate(() => document.querySelector('.outcome')?.textContent ?? ''), (t) => Boolean(t?.includes('续期')));
  await shot(popup, 'popup-check-answered', true);

  await driver.close();
  await demo.close();
  console.log('No display: ran headless. Screenshots are in ./screenshots/ (set DISPLAY to open a window instead).');
} else {
  await driver.tidy();
  const portal = await driver.openWeb(portalUrl);
  await portal.bringToFront();
  console.log(
    `${firefoxWanted ? 'Firefox' : 'Chromium'} is open with the extension loaded, the sample draft stored (${draftId}) and a demo portal:\n` +
      (firefoxWanted
        ? '  on the portal tab open the extensions menu (the puzzle piece) → 技能等级认定表单助手 → 自动填写.\n'
        : '  on the portal tab press the extension’s toolbar button (pinned) → 自动填写.\n') +
      'Close the browser window to stop.',
  );
  driver.onClose(async () => {
    await demo.close();
    process.exit(0);
  });
}
