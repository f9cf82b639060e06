/**
 * Shared by the autofill e2e files: the built extension in Chromium next to the demo portals, and
 * the fill driven the way the popup's button drives it (a runtime message from an extension page).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AutofillResult } from '../../forms/core/fill/messages';
import { launchExtension, type ExtensionSession } from './harness';
// @ts-expect-error plain ESM script without types
import { serveDemo } from '../../scripts/serve-demo.mjs';

export const sampleDraft = (): Record<string, any> =>
  JSON.parse(readFileSync('schemas/documents/filing-enterprise/samples/valid-central-soe.json', 'utf8'));

export interface AutofillEnv {
  session: ExtensionSession;
  demo: { origin: string; frameOrigin: string; close(): Promise<void> };
  /** an extension page to send messages from */
  ext: Page;
}

export async function startAutofillEnv(): Promise<AutofillEnv> {
  const demo = await serveDemo();
  const session = await launchExtension();
  const ext = await session.open('popup.html');
  return { session, demo, ext };
}

export async function stopAutofillEnv(env: AutofillEnv | undefined): Promise<void> {
  await env?.session.close();
  await env?.demo.close();
}

export async function openPortal(env: AutofillEnv, path: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`${env.demo.origin}${path}`);
  await page.waitForSelector('#model');
  return page;
}

/** The app's own model, as the demo page prints it. */
export const model = async (page: Page) => JSON.parse((await page.textContent('#model')) ?? '{}');

export type FillReply = AutofillResult & { restored?: number; failed?: string[] };

/** What the popup's button does: one typed message to the background naming the tab and the draft. */
export async function send(env: AutofillEnv, url: string, type: 'bg:autofill' | 'bg:autofill-undo', extra: Record<string, unknown> = {}): Promise<FillReply> {
  return env.ext.evaluate(
    async ({ url, type, extra }) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ url });
      return c.runtime.sendMessage({ type, tabId: tab.id, ...extra });
    },
    { url, type, extra },
  );
}

export const fillFrom = (env: AutofillEnv, page: Page, draft: unknown, extra: Record<string, unknown> = {}) =>
  send(env, page.url(), 'bg:autofill', { draft: { docId: 'filing-enterprise', data: draft }, ...extra });

export const undo = (env: AutofillEnv, page: Page) => send(env, page.url(), 'bg:autofill-undo');

export function statusOf(r: AutofillResult, path: string) {
  if (!r.ok) throw new Error(r.message.zh);
  return r.report.outcomes.find((o) => o.path === path);
}

export async function trapValues(env: AutofillEnv, page: Page) {
  const ids = ['trap-hidden', 'trap-offscreen', 'trap-readonly', 'trap-disabled', 'trap-password', 'trap-type-hidden'];
  const out: Record<string, string | null> = {};
  for (const id of ids) out[id] = await page.evaluate((id) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? null, id);
  const frame = page.frames().find((f) => f.url().startsWith(env.demo.frameOrigin));
  out.frame = frame ? await frame.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value).join('|')) : 'missing';
  return out;
}

export const TRAPS_UNTOUCHED = {
  'trap-hidden': '',
  'trap-offscreen': '',
  'trap-readonly': '（自动带出）',
  'trap-disabled': '',
  'trap-password': '',
  'trap-type-hidden': '',
  frame: '|',
};

export function expectSafetyReport(env: AutofillEnv, r: AutofillResult) {
  if (!r.ok) throw new Error(r.message.zh);
  // The disabled 职务 trap is seen and skipped, whichever 职务 field of the pack (contact or, since pack 1.1.0,
  // the evaluation head) the matcher attributes it to; a page offering one disabled 职务 may report both fields blocked by it.
  const position = ['/contact/position', '/institution/evaluationHead/position'].map((p) => statusOf(r, p));
  expect(position.filter((o) => o?.status === 'skipped' && o.reason === 'disabled').length).toBeGreaterThanOrEqual(1);
  expect(position.filter((o) => o?.status === 'filled')).toEqual([]);
  expect(statusOf(r, '/declaration/signature/signer')).toMatchObject({ status: 'skipped', reason: 'password' });
  expect(r.report.crossOriginFrames).toEqual([env.demo.frameOrigin]);
  expect(r.report.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
}

/** Undo puts the page back; an emptied date or number reads as null in Vue where it was ''/undefined. */
export const normalizeEmpty = (o: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(o, (_k, v) => (v === null || v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v)));
