/**
 * What autofill keeps in extension storage (never in the page): the user's portal maps and extra
 * allowed origins (the extension's own database — content scripts can write storage.local), the draft
 * last sent for the keyboard command and each tab's last result (storage.session — gone when the
 * browser closes; where it is missing they stay in the worker's memory, never in storage.local).
 */
import { browser } from 'wxt/browser';
import { extGet, extSet } from '../storage/extension-store';
import { parsePortalMap } from '../../forms/core/fill/portal-maps';
import type { AutofillDraft, AutofillResult } from '../../forms/core/fill/messages';
import type { PortalMap } from '../../forms/core/fill/types';

export const USER_MAPS_KEY = 'formkit.fill.userMaps';
export const USER_ORIGINS_KEY = 'formkit.fill.userOrigins';
const LAST_DRAFT_KEY = 'formkit.fill.lastDraft';
const lastResultKey = (tabId: number) => `formkit.fill.last.${tabId}`;

// storage.session is MV3-only (trusted contexts only by default); without it, memory of this worker
// life — storage.local would keep a draft's plain data on disk and open it to content scripts
const memory = new Map<string, unknown>();
const memorySession = {
  get: async (key: string): Promise<Record<string, unknown>> => (memory.has(key) ? { [key]: memory.get(key) } : {}),
  set: async (items: Record<string, unknown>): Promise<void> => {
    for (const [k, v] of Object.entries(items)) memory.set(k, v);
  },
};
const session = () => (browser.storage.session as typeof memorySession | undefined) ?? memorySession;

export async function userMaps(): Promise<PortalMap[]> {
  const raw = await extGet<unknown>(USER_MAPS_KEY);
  if (!Array.isArray(raw)) return [];
  // a map that no longer parses is left out rather than breaking every fill
  return raw.flatMap((m, i) => {
    try {
      return [parsePortalMap(m, `${USER_MAPS_KEY}[${i}]`)];
    } catch {
      return [];
    }
  });
}

export async function saveUserMaps(maps: PortalMap[]): Promise<void> {
  await extSet({ [USER_MAPS_KEY]: maps });
}

export async function userOrigins(): Promise<string[]> {
  const raw = await extGet<unknown>(USER_ORIGINS_KEY);
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

export async function saveUserOrigins(patterns: string[]): Promise<void> {
  await extSet({ [USER_ORIGINS_KEY]: patterns });
}

export async function lastDraft(): Promise<AutofillDraft | null> {
  const raw = (await session().get(LAST_DRAFT_KEY))[LAST_DRAFT_KEY] as AutofillDraft | undefined;
  return raw && typeof raw.docId === 'string' ? raw : null;
}

export async function rememberDraft(d: AutofillDraft): Promise<void> {
  await session().set({ [LAST_DRAFT_KEY]: d });
}

export async function lastResult(tabId: number): Promise<AutofillResult | null> {
  return ((await session().get(lastResultKey(tabId)))[lastResultKey(tabId)] as AutofillResult | undefined) ?? null;
}

export async function rememberResult(tabId: number, r: AutofillResult): Promise<void> {
  await session().set({ [lastResultKey(tabId)]: r });
}
