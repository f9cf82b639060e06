import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium-path';

/** The test build (`npm run build:test`): the store build has neither the demo portal maps nor loopback hosts. */
export const TEST_OUT_DIR = resolve(import.meta.dirname, '../..', `${process.env.FORMKIT_OUT_DIR ?? '.output'}-test`);
export const EXTENSION_DIR = resolve(TEST_OUT_DIR, 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** console errors and CSP violations seen on any page of this session */
  problems: string[];
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension loaded and a fresh profile. */
export async function launchExtension(): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'formkit-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30000 });
  const extensionId = new URL(worker.url()).host;
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /Content Security Policy|unsafe-eval/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  };
  context.on('page', watch);
  return {
    context,
    extensionId,
    problems,
    async open(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
