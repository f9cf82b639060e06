#!/usr/bin/env node
/**
 * `npm start`: build the extension, serve the demo portals, and open Chromium with the extension
 * loaded on the workbench (a filled sample document) and a demo portal. Without a display it runs
 * headless and writes screenshots to ./screenshots, printing where.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const outDir = process.env.FORMKIT_OUT_DIR ?? '.output';
const extDir = join(root, outDir, 'chrome-mv3');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

function must(label, cmd, args) {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chrome) {
  console.error('No Chromium found. Install it with: sudo apt-get install chromium fonts-wqy-microhei (or set CHROME_PATH).');
  process.exit(1);
}

must('build the extension', 'npm', ['run', '--silent', 'build']);

// Demo portals: built and served locally when the demo scripts are present.
let demo = null;
let demoProcess = null;
if (existsSync(join(root, 'scripts/serve-demo.mjs'))) {
  if (existsSync(join(root, 'scripts/build-demo.mjs'))) must('build the demo portals', 'node', ['scripts/build-demo.mjs']);
  const mod = await import(pathToFileURL(join(root, 'scripts/serve-demo.mjs')).href);
  if (typeof mod.startDemoServers === 'function') demo = await mod.startDemoServers();
  else {
    demoProcess = spawn('node', ['scripts/serve-demo.mjs'], { cwd: root, stdio: 'inherit' });
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const sample = JSON.parse(readFileSync(join(root, 'schemas/documents/filing-enterprise/samples/valid-central-soe.json'), 'utf8'));
const prefill = Buffer.from(JSON.stringify(sample)).toString('base64url');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'formkit-start-')), {
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

const pages = [
  ['workbench-documents', `${ext}/workbench.html#/`],
  ['workbench-filing-enterprise', `${ext}/workbench.html#/new/filing-enterprise?prefill=${prefill}`],
  ['popup', `${ext}/popup.html`],
];
const demoUrl = demo?.urls?.element ?? demo?.url ?? (demoProcess ? 'http://127.0.0.1:5174/element/' : null);
if (demoUrl) pages.push(['demo-portal', demoUrl]);

if (headless) {
  const dir = join(root, 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const [name, url] of pages) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1200);
    const file = join(dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: name !== 'workbench-filing-enterprise' });
    console.log(`screenshot: ${file}`);
  }
  await context.close();
  await demo?.close?.();
  demoProcess?.kill();
  console.log('No display: ran headless. Screenshots are in ./screenshots/ (set DISPLAY to open a window instead).');
} else {
  for (const [, url] of pages) await (await context.newPage()).goto(url);
  console.log('Chromium is open with the extension loaded. Close the browser window to stop.');
  context.on('close', async () => {
    await demo?.close?.();
    demoProcess?.kill();
    process.exit(0);
  });
}
