#!/usr/bin/env node
/**
 * `node scripts/make-icons.mjs`: draws store/icon.svg into extension/public/icon/<size>.png at every size
 * the stores and browsers ask for (16, 32, 48, 96, 128), with Debian's Chromium. The PNGs are committed,
 * so a build (and a reviewer's rebuild from the sources zip) needs no rasterizer.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ICON_SIZES = [16, 32, 48, 96, 128];
const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'store/icon.svg'), 'utf8');
const outDir = join(root, 'extension/public/icon');
mkdirSync(outDir, { recursive: true });

const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(Boolean);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of ICON_SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.locator('svg').screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
  await page.close();
  console.log(`extension/public/icon/${size}.png`);
}
await browser.close();
