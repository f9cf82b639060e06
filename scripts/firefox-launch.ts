/**
 * The built extension in Firefox (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi.
 * The test build (`npm run build:test` → .output-test/firefox-mv3) is installed as a temporary add-on,
 * with a fixed internal UUID so its pages have a known address.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// the test build (npm run build:test), as test/e2e/harness.ts names it; here so that both the e2e tests and
// `npm start -- --firefox` launch Firefox the same way
const TEST_OUT_DIR = resolve(import.meta.dirname, '..', `${process.env.FORMKIT_OUT_DIR ?? '.output'}-test`);

export const FIREFOX_EXTENSION_DIR = resolve(TEST_OUT_DIR, 'firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts */
export const ADDON_ID = 'skill-cert-formkit@example.org';
/** any fixed UUID: Firefox gives each install a random one unless `extensions.webextensions.uuids` names it */
export const ADDON_UUID = '5f0e1d2c-3b4a-4c6d-8e7f-9a0b1c2d3e4f';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Debian's firefox-esr, or FIREFOX_PATH. Tests fail (not skip) without one unless E2E=0. */
export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Firefox found for the end-to-end tests. Install it with `sudo apt-get install firefox-esr` (or set FIREFOX_PATH), ' +
        'or run the unit tests alone with E2E=0 npm test.',
    );
  }
  return found;
}

export interface FirefoxSession {
  browser: Browser;
  /** console errors and uncaught exceptions seen on the pages this session opened */
  problems: string[];
  /** Opens an extension page (`workbench.html#/…`, `popup.html`) in a new tab and returns it. */
  open(path: string): Promise<Page>;
  /** Opens a web page (a demo portal) in a new tab. */
  openWeb(url: string): Promise<Page>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: Record<string, unknown> }>;
}

/** Also used by `npm start -- --firefox` (scripts/start.mjs), with a window when there is a display. */
export async function launchFirefox({ extensionDir = FIREFOX_EXTENSION_DIR, headless = process.env.HEADLESS !== '0' } = {}): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'formkit-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    userDataDir: profile,
    // lets BiDi reach the browser window's own (chrome) context: see openTab below
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh',
      // grant the add-on's host permissions at install, as a user accepting the install prompt would
      'extensions.originControls.grantByDefault': true,
    },
  });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== ADDON_ID) throw new Error(`installed add-on ${installed}, expected ${ADDON_ID}`);

  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|unsafe-eval/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    return page;
  };

  /**
   * BiDi refuses to navigate a tab to a moz-extension:// address (browsingContext.navigate and
   * browsingContext.create both fail for it, and so does window.open from a web page). Firefox's own
   * browser window may open any tab: with --remote-allow-system-access, browsingContext.getTree with
   * "moz:scope": "chrome" lists that window's privileged context, and script.evaluate there runs
   * gBrowser.addTab with the system principal, as the address bar would. The tab that opens is an
   * ordinary content tab, which puppeteer then drives like any other.
   */
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  async function openTab(url: string): Promise<Page> {
    const before = new Set(await browser.pages());
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const windows = tree.result.contexts as { context: string; url: string }[];
    const win = windows.find((c) => c.url.startsWith('chrome://browser/')) ?? windows[0];
    await connection.send('script.evaluate', {
      expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); true`,
      target: { context: win.context },
      awaitPromise: false,
    });
    const wanted = url.replace(/[?#].*$/, '');
    // the new tab's first load can finish before puppeteer follows the context, leaving page.url() at
    // about:blank for a page that needs no further navigation: ask the page where it is instead
    for (let i = 0; i < 300; i++) {
      const page = (await browser.pages()).find((p) => !before.has(p));
      const href = page ? await page.evaluate(() => location.href).catch(() => '') : '';
      if (page && href.startsWith(wanted)) {
        await page.setViewport({ width: 1280, height: 900 });
        return watch(page);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Firefox did not open ${url}`);
  }

  return {
    browser,
    problems,
    open: (path) => openTab(`${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`),
    async openWeb(url) {
      const page = watch(await browser.newPage());
      await page.goto(url);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
