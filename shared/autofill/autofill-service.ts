/**
 * The background side of autofill: one entry (`bg:autofill`, from the popup button, the
 * workbench, or the keyboard command) → origin check → plan in the core → inject the content script
 * into the checked tab → send it only this fill's values. The page never sees the draft itself.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AutofillDraft, AutofillResult } from '../../forms/core/fill/messages';
import { checkOrigin } from '../../forms/core/fill/origin';
import { matchSettings } from '../../forms/core/fill/match-fields';
import { planFill } from '../../forms/core/fill/plan-fill';
import { allowedOriginPatterns, packPortalMaps, parsePortalMap, PortalMapError, selectPortalMap } from '../../forms/core/fill/portal-maps';
import { schemaFields } from '../../forms/core/fill/schema-fields';
import type { FillOutcome, FillReport, PortalMap } from '../../forms/core/fill/types';
import { documentSchema } from '../../forms/core/pack/document-schema';
import type { Pack } from '../../forms/core/pack/types';
import { isMessage, senderMaySend, type Request, type Response } from '../messages';
import { failure } from './failures';
import { loadPack } from './load-pack';
import { lastDraft, lastResult, rememberDraft, rememberResult, saveUserMaps, userMaps, userOrigins } from './store';
import { blobBase64, storedDraft, storedDraftList } from './stored-drafts';

const CONTENT_SCRIPT = '/content-scripts/autofill.js';
const MAPS_FORMAT = 'formkit-portal-maps@1';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

interface Checked {
  tabId: number;
  url: string;
  origin: string;
  pack: Pack;
  packMaps: PortalMap[];
  userMaps: PortalMap[];
}

/** The tab, its URL and the verdict on its origin; a failure result when any of it is missing. */
async function checkTab(tabId: number | undefined): Promise<Checked | AutofillResult> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined) return failure('no-tab');
  let tab: Browser.tabs.Tab;
  try {
    tab = await browser.tabs.get(id);
  } catch {
    return failure('no-tab');
  }
  // without activeTab or a host permission, the URL is not ours to read — and neither is the page
  if (!tab.url) return failure('no-access');
  let pack: Pack;
  try {
    pack = await loadPack();
  } catch {
    return failure('no-pack');
  }
  const packMaps = packPortalMaps(pack);
  const mine = await userMaps();
  const verdict = checkOrigin(tab.url, allowedOriginPatterns([...packMaps, ...mine], await userOrigins()));
  if (!verdict.ok) return failure(verdict.reason, verdict.origin);
  return { tabId: id, url: tab.url, origin: verdict.origin, pack, packMaps, userMaps: mine };
}

async function inject(tabId: number, frameIds: number[]): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds }, files: [CONTENT_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/** Frames whose origin the user confirmed by name (cross-origin frames are never filled otherwise). */
async function confirmedFrames(tabId: number, origins: string[]): Promise<number[]> {
  if (!origins.length) return [];
  try {
    const probes = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.origin });
    return probes
      .filter((p) => p.frameId !== 0 && typeof p.result === 'string' && origins.includes(p.result))
      .filter((p) => checkOrigin(`${p.result as string}/`, [p.result as string]).ok)
      .map((p) => p.frameId);
  } catch {
    return [];
  }
}

const RANK: Record<FillOutcome['status'], number> = { filled: 3, failed: 2, skipped: 1, 'not-found': 0 };

/**
 * One report for the page and its confirmed frames: per item, the best status a frame reached, named
 * with the frame it happened in. A confirmed frame that sent no report stays listed as not filled:
 * nothing is claimed for a frame that did not answer.
 */
export function mergeReports(main: FillReport, more: FillReport[], confirmed: string[]): FillReport {
  const outcomes = main.outcomes.map((o) => {
    const alts = more.flatMap((r) => {
      const x = r.outcomes.find((y) => y.id === o.id);
      return x ? [{ ...x, frame: x.frame ?? r.url }] : [];
    });
    return [o, ...alts].sort((a, b) => RANK[b.status] - RANK[a.status])[0];
  });
  const answered = new Set(more.map((r) => { try { return new URL(r.url).origin; } catch { return ''; } }));
  return { ...main, outcomes, crossOriginFrames: main.crossOriginFrames.filter((f) => !confirmed.includes(f) || !answered.has(f)) };
}

export async function runAutofill(req: Omit<Request<'bg:autofill'>, 'type'>): Promise<AutofillResult> {
  const checked = await checkTab(req.tabId);
  if (!('pack' in checked)) return checked;
  const { tabId, url, origin, pack, packMaps } = checked;
  let chosen: AutofillDraft | undefined = req.draft;
  if (!chosen && req.draftId) {
    const d = await storedDraft(req.draftId);
    if (typeof d === 'string') return failure(d);
    chosen = d;
  }
  const draft = chosen ?? (await lastDraft());
  if (!draft || !pack.documents[draft.docId]) return failure('no-draft');
  // remembered in extension session storage for the keyboard command; never given to the page
  if (chosen) await rememberDraft(chosen);
  const map = selectPortalMap(packMaps, checked.userMaps, url, draft.docId);
  const plan = planFill({ pack, docId: draft.docId, draft: draft.data, map });
  // materials get their bytes only now, for this fill
  for (const item of plan.items) if (item.file) item.file = { ...item.file, data: (await blobBase64(item.file.blobId)) ?? undefined };
  if (!(await inject(tabId, [0]))) return failure('inject-failed', origin);
  const fillId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const lang = req.lang ?? 'zh';
  const message: Request<'cs:fill'> = { type: 'cs:fill', fillId, items: plan.items, lang, settings: matchSettings(pack.files), docId: draft.docId, origins: [origin, ...(req.confirmFrames ?? [])] };
  const reply = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null)) as FillReport | { error?: string } | null;
  // the content script checked the origin again and found the tab elsewhere: nothing was filled
  if (reply && 'error' in reply && reply.error === 'origin-changed') return failure('origin-changed', origin);
  let report = reply as FillReport | null;
  if (!report || !Array.isArray(report.outcomes)) return failure('no-report', origin);
  const frames = await confirmedFrames(tabId, req.confirmFrames ?? []);
  if (frames.length && (await inject(tabId, frames))) {
    const more = await Promise.all(frames.map((frameId) => browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => null)));
    report = mergeReports(report, more.filter((r): r is FillReport => !!r && Array.isArray((r as FillReport).outcomes)), req.confirmFrames ?? []);
  }
  const result: AutofillResult = { ok: true, report, planSkipped: plan.skipped, portalId: plan.portalId, docId: draft.docId };
  await rememberResult(tabId, result);
  return result;
}

async function runUndo(tabId: number | undefined): Promise<Response<'bg:autofill-undo'>> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined) return failure('no-tab');
  const r = (await browser.tabs.sendMessage(id, { type: 'cs:undo' } satisfies Request<'cs:undo'>, { frameId: 0 }).catch(() => null)) as
    | Response<'cs:undo'>
    | null;
  return r ? { ok: true, restored: r.restored, failed: r.failed } : failure('no-report');
}

async function runLearn(req: Request<'bg:autofill-learn'>): Promise<Response<'bg:autofill-learn'>> {
  const checked = await checkTab(req.tabId);
  if (!('pack' in checked)) return checked as Response<'bg:autofill-learn'>;
  if (!checked.pack.documents[req.docId]) return failure('no-draft');
  // only titles and paths reach the page in learn mode, never values
  const fields = schemaFields(documentSchema(checked.pack, req.docId), checked.pack.documents[req.docId].ui)
    .filter((f) => !f.inArray)
    .map((f) => ({ path: f.pattern, title: f.title }));
  if (!(await inject(checked.tabId, [0]))) return failure('inject-failed', checked.origin);
  await browser.tabs.sendMessage(checked.tabId, { type: 'cs:learn', docId: req.docId, fields, lang: req.lang ?? 'zh' } satisfies Request<'cs:learn'>, {
    frameId: 0,
  });
  return { ok: true };
}

/** Saves a learned field into the user's map for the sender tab's origin (the page does not say where it is). */
async function saveLearned(req: Request<'bg:learned'>, senderUrl: string | undefined): Promise<Response<'bg:learned'> | null> {
  if (!senderUrl) return null;
  const origin = new URL(senderUrl).origin;
  const id = `user:${origin}`;
  const maps = await userMaps();
  const existing = maps.find((m) => m.id === id) ?? { id, title: { zh: `我的映射：${origin}`, en: `My map: ${origin}` }, origins: [origin], documents: {} };
  const doc = existing.documents[req.docId] ?? { fields: [] };
  const key = req.field.path;
  existing.documents[req.docId] = { ...doc, fields: [...doc.fields.filter((f) => f.path !== key), req.field] };
  await saveUserMaps([...maps.filter((m) => m.id !== id), existing]);
  return { ok: true, mapId: id };
}

async function importMaps(json: string): Promise<Response<'bg:portal-maps-import'>> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, where: '(file)', message: { zh: `不是有效的 JSON：${(e as Error).message}`, en: `not valid JSON: ${(e as Error).message}` } };
  }
  const file = data as { format?: unknown; maps?: unknown };
  if (file?.format !== MAPS_FORMAT || !Array.isArray(file.maps)) {
    return { ok: false, where: 'format', message: { zh: `文件格式应为 ${MAPS_FORMAT}`, en: `file format must be ${MAPS_FORMAT}` } };
  }
  let maps: PortalMap[];
  try {
    // every map is checked before any is saved: a bad file changes nothing
    maps = file.maps.map((m, i) => parsePortalMap(m, `maps[${i}]`));
  } catch (e) {
    if (e instanceof PortalMapError) return { ok: false, where: e.where, message: { zh: e.zh, en: e.en } };
    throw e;
  }
  await saveUserMaps(maps);
  return { ok: true, count: maps.length };
}

export function registerAutofill(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    if (!senderMaySend(msg, sender)) return false; // shared/messages.ts: who may send what
    const reply = (p: Promise<unknown>) => {
      p.then(sendResponse, (e: unknown) => sendResponse(failure('no-report', String(e))));
      return true;
    };
    if (isMessage(msg, 'bg:autofill')) return reply(runAutofill(msg));
    if (isMessage(msg, 'bg:autofill-undo')) return reply(runUndo(msg.tabId));
    if (isMessage(msg, 'bg:autofill-drafts')) {
      return reply(storedDraftList().then((drafts) => ({ ok: true, drafts }), () => failure('no-draft')));
    }
    if (isMessage(msg, 'bg:autofill-last')) {
      return reply((async () => {
        const id = msg.tabId ?? (await activeTabId());
        return { result: id === undefined ? null : await lastResult(id) };
      })());
    }
    if (isMessage(msg, 'bg:autofill-learn')) return reply(runLearn(msg));
    if (isMessage(msg, 'bg:learned')) return reply(saveLearned(msg, sender.tab?.url));
    if (isMessage(msg, 'bg:portal-maps-export')) {
      return reply(userMaps().then((maps) => ({ json: JSON.stringify({ format: MAPS_FORMAT, maps }, null, 2) })));
    }
    if (isMessage(msg, 'bg:portal-maps-import')) return reply(importMaps(msg.json));
    return false;
  });
  // the keyboard command is a user action on the active tab: activeTab is granted for it
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'autofill-current-tab') return;
    void runAutofill({ tabId: tab?.id }).then((r) => {
      // a shortcut has no window of its own: say on the toolbar icon why nothing was filled
      const tabId = tab?.id;
      if (tabId === undefined) return;
      void browser.action?.setBadgeText({ tabId, text: r.ok ? '' : '!' });
      const defaultTitle = browser.runtime.getManifest().action?.default_title ?? '';
      void browser.action?.setTitle({ tabId, title: r.ok ? defaultTitle : r.message.zh });
    });
  });
}
