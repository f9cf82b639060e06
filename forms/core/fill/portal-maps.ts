/**
 * Portal maps: the pack's (`portals/<id>.json`) and the user's (recorded in learn mode). Checked on
 * load so a broken map is reported by name and path, never half-used.
 */
import type { Pack } from '../pack/types';
import { checkOrigin, originMatches, pathMatches } from './origin';
import type { PortalArrayMap, PortalDocumentMap, PortalFieldMap, PortalMap } from './types';

export class PortalMapError extends Error {
  constructor(
    readonly where: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${where}: ${zh} / ${en}`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function checkField(f: unknown, where: string): PortalFieldMap {
  if (!isObj(f)) throw new PortalMapError(where, '字段映射须为对象', 'a field map must be an object');
  const hasPath = typeof f.path === 'string' || isStrArr(f.paths);
  if (!hasPath) throw new PortalMapError(where, '字段映射缺少 path 或 paths', 'field map needs path or paths');
  if (typeof f.selector !== 'string' && typeof f.label !== 'string') {
    throw new PortalMapError(where, '字段映射须有 selector 或 label', 'field map needs selector or label');
  }
  if (f.transform !== undefined && !Array.isArray(f.transform)) {
    throw new PortalMapError(where, 'transform 须为数组', 'transform must be an array');
  }
  return f as unknown as PortalFieldMap;
}

/** Checks the shape of one map; throws PortalMapError naming the first fault. */
export function parsePortalMap(v: unknown, where = 'portal map'): PortalMap {
  if (!isObj(v)) throw new PortalMapError(where, '门户映射须为 JSON 对象', 'a portal map must be a JSON object');
  if (typeof v.id !== 'string' || !v.id) throw new PortalMapError(where, '缺少 id', 'missing id');
  if (!isObj(v.title) || typeof v.title.zh !== 'string') throw new PortalMapError(where, '缺少 title.zh', 'missing title.zh');
  if (!isStrArr(v.origins) || !v.origins.length) throw new PortalMapError(where, 'origins 须为非空字符串数组', 'origins must be a non-empty list of strings');
  for (const o of v.origins) {
    if (!/^(https?):\/\/(\*\.)?[^/:*]+(?::(\*|\d+))?\/?$/.test(o)) throw new PortalMapError(`${where}/origins`, `无效的来源模式：${o}`, `invalid origin pattern: ${o}`);
  }
  if (v.paths !== undefined && !isStrArr(v.paths)) throw new PortalMapError(where, 'paths 须为字符串数组', 'paths must be a list of strings');
  if (!isObj(v.documents)) throw new PortalMapError(where, '缺少 documents', 'missing documents');
  for (const [docId, dm] of Object.entries(v.documents)) {
    const at = `${where}/documents/${docId}`;
    if (!isObj(dm) || !Array.isArray(dm.fields)) throw new PortalMapError(at, '须有 fields 数组', 'needs a fields array');
    dm.fields.forEach((f, i) => checkField(f, `${at}/fields/${i}`));
    if (dm.arrays !== undefined) {
      if (!Array.isArray(dm.arrays)) throw new PortalMapError(at, 'arrays 须为数组', 'arrays must be an array');
      dm.arrays.forEach((a, i) => {
        if (!isObj(a) || typeof a.path !== 'string' || typeof a.rows !== 'string' || !Array.isArray(a.fields)) {
          throw new PortalMapError(`${at}/arrays/${i}`, '表格映射须有 path、rows、fields', 'a table map needs path, rows and fields');
        }
        a.fields.forEach((f, j) => checkField(f, `${at}/arrays/${i}/fields/${j}`));
      });
    }
  }
  return v as unknown as PortalMap;
}

/** Every map the pack ships (`portals/*.json`), in file order. */
export function packPortalMaps(pack: Pack): PortalMap[] {
  return Object.entries(pack.files)
    .filter(([path]) => /^portals\/[^/]+\.json$/.test(path))
    .map(([path, v]) => parsePortalMap(v, path));
}

export function mapApplies(map: PortalMap, rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (!map.origins.some((o) => originMatches(o, url))) return false;
  return !map.paths?.length || map.paths.some((p) => pathMatches(p, url.pathname));
}

/**
 * The map for this page and document. A user map (recorded by staff) is laid over the pack's map
 * for the same page: its fields replace the pack's for the same draft path.
 */
export function selectPortalMap(packMaps: readonly PortalMap[], userMaps: readonly PortalMap[], url: string, docId: string): PortalMap | null {
  const base = packMaps.find((m) => mapApplies(m, url) && m.documents[docId]) ?? packMaps.find((m) => mapApplies(m, url)) ?? null;
  const user = userMaps.find((m) => mapApplies(m, url) && m.documents[docId]);
  if (!user) return base;
  if (!base) return user;
  return mergeMaps(base, user, docId);
}

const pathKey = (f: PortalFieldMap): string => (f.paths ?? [f.path ?? '']).join('+');

export function mergeMaps(base: PortalMap, over: PortalMap, docId: string): PortalMap {
  const b: PortalDocumentMap = base.documents[docId] ?? { fields: [] };
  const o = over.documents[docId];
  const overKeys = new Set(o.fields.map(pathKey));
  const arrays: PortalArrayMap[] = [...(b.arrays ?? []).filter((a) => !(o.arrays ?? []).some((x) => x.path === a.path)), ...(o.arrays ?? [])];
  return {
    ...base,
    documents: {
      ...base.documents,
      [docId]: { ...b, fields: [...b.fields.filter((f) => !overKeys.has(pathKey(f))), ...o.fields], arrays, labelMatching: o.labelMatching ?? b.labelMatching },
    },
  };
}

/** Origin patterns a fill may run on: every pack map's plus the user's own list. */
export function allowedOriginPatterns(maps: readonly PortalMap[], userOrigins: readonly string[]): string[] {
  return [...new Set([...maps.flatMap((m) => m.origins), ...userOrigins])];
}

export { checkOrigin };
