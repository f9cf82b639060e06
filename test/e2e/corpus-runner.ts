/**
 * The autofill corpus (demo/corpus/): fills one page through the built extension — the popup's
 * message to the background, as a user's click sends it — and scores the page's LIVE model against
 * the page's expected.json. Shared by test/e2e/autofill-corpus.e2e.ts and `npm run bench`.
 *
 * Scores, per page:
 * - accuracy: fields holding the expected value ÷ fields the draft holds that the page asks for;
 * - traps touched: trap controls (every hiding technique, read-only, disabled, password, honeypot,
 *   type=hidden) whose value changed or that received an input/change event;
 * - false reports: items the report calls `filled` whose field on the page does not hold the
 *   expected value, or that have no field on the page at all;
 * - time: the longest single fill (what the user waits for after one click), in ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { AutofillResult } from '../../forms/core/fill/messages';
import type { FillOutcome } from '../../forms/core/fill/types';

const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = join(ROOT, 'demo/corpus');
export const CORPUS_MAPS_DIR = join(ROOT, 'demo/maps');

const MAPS_FORMAT = 'formkit-portal-maps@1';

export interface ExpectedField {
  /** draft JSON pointer the value comes from (for a derived field: the list it summarises) */
  path: string;
  /** the page's own label (documentation; maps use it) */
  label: string;
  value: unknown;
  /** a summary of a list (count, join …) rather than a stored value */
  derived?: string;
  frame?: 'same' | 'cross';
}

export interface CorpusPage {
  id: string;
  title: string;
  page: string;
  fields: Record<string, ExpectedField>;
  viewport?: { width: number; height: number };
  /** a wizard: press `next` and fill again, `count` steps in all */
  steps?: { next: string; count: number };
  /** the page has a cross-origin frame the user confirms */
  confirmFrames?: boolean;
  /** upload controls (scored only when the draft carries the file itself) */
  uploads?: Record<string, { material: string }>;
}

export interface PageScore {
  id: string;
  title: string;
  mode: 'map' | 'no-map';
  /** the portal map the background chose (null: none) */
  portalId: string | null;
  held: number;
  correct: number;
  accuracy: number;
  /** each field not holding its value, with what the fill's report said about its draft path */
  wrong: Array<{ field: string; expected: unknown; actual: unknown; report?: string }>;
  trapsTouched: string[];
  falseReports: Array<{ path: string; why: string }>;
  ms: number;
  failure?: string;
}

/** Every corpus page (optionally only those named in `only`), in a stable order. */
export function corpusPages(only?: string[]): CorpusPage[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        return [{ id: d.name, ...(JSON.parse(readFileSync(join(CORPUS_DIR, d.name, 'expected.json'), 'utf8')) as Omit<CorpusPage, 'id'>) }];
      } catch {
        return [];
      }
    })
    .filter((p) => !only?.length || only.includes(p.id))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** CORPUS_PAGE=layui,vant (comma-separated) runs only those pages. */
export const pageFilter = (): string[] | undefined => process.env.CORPUS_PAGE?.split(',').map((s) => s.trim()).filter(Boolean);

/** The test-only maps of demo/maps/ as one import file (the recorder's export format). */
export function corpusMapsFile(): string {
  const maps = readdirSync(CORPUS_MAPS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(CORPUS_MAPS_DIR, f), 'utf8')) as Record<string, unknown>);
  return JSON.stringify({ format: MAPS_FORMAT, maps });
}

/**
 * "Maps turned off": one user map that lets the fill run on the loopback origin but applies to no
 * corpus page, so the background finds no map for any of them (the pack's demo maps name other paths).
 */
export function noMapsFile(): string {
  const allowOnly = {
    id: 'corpus-origin-only',
    title: { zh: '仅允许本机来源（不映射任何字段）', en: 'Loopback origin only (maps nothing)' },
    origins: ['http://127.0.0.1:*'],
    paths: ['/no-such-page/*'],
    documents: { 'filing-enterprise': { fields: [] } },
  };
  return JSON.stringify({ format: MAPS_FORMAT, maps: [allowOnly] });
}

export interface CorpusEnv {
  /** an extension page to send messages from */
  ext: Page;
  origin: string;
  frameOrigin: string;
  newPage(): Promise<Page>;
}

type Chrome = { chrome: any };

/** Replaces the extension's portal maps with `json` (a maps file), as the options page's import does. */
export async function importMaps(env: CorpusEnv, json: string): Promise<void> {
  const r = await env.ext.evaluate((json) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'bg:portal-maps-import', json }), json);
  if (!r?.ok) throw new Error(`portal maps refused: ${JSON.stringify(r)}`);
}

async function fill(env: CorpusEnv, page: Page, draft: unknown, confirmFrames: string[]): Promise<AutofillResult> {
  return env.ext.evaluate(
    async ({ url, draft, confirmFrames }) => {
      const c = (globalThis as unknown as Chrome).chrome;
      const [tab] = await c.tabs.query({ url });
      return c.runtime.sendMessage({ type: 'bg:autofill', tabId: tab.id, draft: { docId: 'filing-enterprise', data: draft }, confirmFrames });
    },
    { url: page.url(), draft, confirmFrames },
  );
}

interface Model {
  fields: Record<string, unknown>;
  traps: string[];
  touched: string[];
}

async function frameModel(f: Frame): Promise<Model | null> {
  try {
    return await f.evaluate(() => (window as unknown as { __portalModel?: () => Model }).__portalModel?.() ?? null);
  } catch {
    return null;
  }
}

/** The page's model merged over all its frames (trap ids carry the frame's name when not the top). */
async function readModel(page: Page): Promise<Model> {
  const out: Model = { fields: {}, traps: [], touched: [] };
  for (const f of page.frames()) {
    const m = await frameModel(f);
    if (!m) continue;
    const tag = f === page.mainFrame() ? '' : `${f.name() || new URL(f.url()).pathname}:`;
    Object.assign(out.fields, m.fields);
    out.traps.push(...m.traps.map((t) => tag + t));
    out.touched.push(...m.touched.map((t) => tag + t));
  }
  return out;
}

const norm = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** The page's value equals the expected one: lists as sets, scalars as trimmed text (2400 ≡ "2400"). */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const a = actual.map(norm).sort();
    const e = expected.map(norm).sort();
    return a.length === e.length && a.every((x, i) => x === e[i]);
  }
  return norm(actual) === norm(expected);
}

/** The pack's derived values (schemas/fill/derived.json) by outcome path (`derived:<id>`): the list each summarises and how. */
const DERIVED = new Map(
  (JSON.parse(readFileSync(join(ROOT, 'schemas/fill/derived.json'), 'utf8')) as { derived: Array<{ id: string; op: string; path: string }> }).derived.map((d) => [
    `derived:${d.id}`,
    { op: d.op, list: d.path.split('/*')[0] },
  ]),
);

/** A derived outcome is about the page's derived field of the same list and op (考评人员人数 ← count of /evaluators). */
function isDerivedOf(outcomePath: string, f: ExpectedField): boolean {
  const d = DERIVED.get(outcomePath);
  return !!d && f.derived === d.op && f.path === d.list;
}

/** Pure scoring of one page's model and fill reports against its expected answers. */
export function score(p: CorpusPage, mode: PageScore['mode'], model: Model, outcomes: FillOutcome[], ms: number, portalId: string | null): PageScore {
  const entries = Object.entries(p.fields);
  const said = (f: ExpectedField) => {
    const o = [...outcomes].reverse().find((x) => x.path === f.path || isDerivedOf(x.path, f));
    return o ? [o.status, o.reason, o.detail].filter(Boolean).join(' ') : 'not in the report';
  };
  const wrong = entries
    .filter(([k, f]) => !sameValue(model.fields[k], f.value))
    .map(([k, f]) => ({ field: k, expected: f.value, actual: model.fields[k], report: said(f) }));
  const wrongKeys = new Set(wrong.map((w) => w.field));
  const falseReports: PageScore['falseReports'] = [];
  const reported = new Set<string>();
  for (const o of outcomes) {
    if (o.status !== 'filled' || reported.has(o.path)) continue;
    reported.add(o.path);
    const mine = entries.filter(([, f]) => f.path === o.path || f.path.startsWith(`${o.path}/`) || isDerivedOf(o.path, f));
    if (!mine.length) falseReports.push({ path: o.path, why: 'reported filled, but the page has no field for it' });
    else if (mine.some(([k]) => wrongKeys.has(k))) falseReports.push({ path: o.path, why: `reported filled, page holds ${JSON.stringify(mine.map(([k]) => model.fields[k]))}` });
  }
  const held = entries.length;
  return {
    id: p.id,
    title: p.title,
    mode,
    portalId,
    held,
    correct: held - wrong.length,
    accuracy: held ? (held - wrong.length) / held : 1,
    wrong,
    trapsTouched: model.touched,
    falseReports,
    ms,
  };
}

/**
 * Waits until the page has drawn what it was last told and its model holds still: a frame (a task where
 * the page is hidden and draws no frames) and a task in every frame, then the model read again, until two reads agree (Vue and React apply a change in a
 * later task or frame; a control may settle its value after its popup closes).
 */
async function settled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await Promise.all(page.frames().map((f) => f.evaluate(() => new Promise((r) => (document.visibilityState === 'visible' ? requestAnimationFrame(() => setTimeout(r)) : setTimeout(r)))).catch(() => undefined)));
    const now = JSON.stringify(await readModel(page));
    if (now === last) return;
    last = now;
  }
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { __portalModel?: unknown }).__portalModel === 'function', undefined, { timeout: 30000 });
  await page.waitForLoadState('load');
  // the apps mount after their scripts load; frames need their own kit
  await page.waitForFunction(() => document.querySelectorAll('[data-trap]').length > 0 || !!document.querySelector('gov-form'), undefined, { timeout: 30000 });
  for (const f of page.frames()) await f.waitForFunction(() => typeof (window as unknown as { __portalModel?: unknown }).__portalModel === 'function', undefined, { timeout: 30000 }).catch(() => undefined);
}

/** Opens the page, fills it (each wizard step in turn), scores it; the page is left open for a screenshot. */
export async function runCorpusPage(env: CorpusEnv, p: CorpusPage, mode: PageScore['mode'], draft: unknown): Promise<{ score: PageScore; page: Page }> {
  const page = await env.newPage();
  if (p.viewport) await page.setViewportSize(p.viewport);
  await page.goto(`${env.origin}${p.page}`);
  await waitReady(page);
  const outcomes: FillOutcome[] = [];
  let ms = 0;
  let portalId: string | null = null;
  let failure: string | undefined;
  const steps = p.steps?.count ?? 1;
  for (let step = 0; step < steps; step++) {
    if (step > 0) {
      await page.click(p.steps!.next);
      await settled(page);
    }
    const t0 = performance.now();
    const r = await fill(env, page, draft, p.confirmFrames ? [env.frameOrigin] : []);
    ms = Math.max(ms, performance.now() - t0);
    if (!r.ok) {
      failure = `${r.reason}: ${r.message.zh}`;
      break;
    }
    portalId = r.portalId;
    outcomes.push(...r.report.outcomes);
  }
  // the apps' own updates drawn (Vue and React batch them into the next task or frame)
  await settled(page);
  const s = score(p, mode, await readModel(page), outcomes, Math.round(ms), portalId);
  return { score: failure ? { ...s, failure } : s, page };
}
