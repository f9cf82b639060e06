import { documentSchema } from '../pack/document-schema';
import type { Pack } from '../pack/types';
import { sha256Hex } from './checksum';
import { problem, type DraftProblem } from './problem';
import type { Draft, DraftStatus } from './types';
import { typeMismatches } from './value-types';

/**
 * The drafts export file (one draft or all):
 *
 *   { "format": "formkit-drafts", "formatVersion": 1, "packId", "packVersion", "exported",
 *     "drafts": [Draft…], "attachments": [{ id, draftId, name, type, size, base64 }…],
 *     "checksum": "<sha-256 hex of canonical JSON of everything but checksum>" }
 *
 * Import checks the whole file first and applies nothing when any part is wrong; every problem is
 * named with where it is. Files above MAX_IMPORT_BYTES are refused before parsing.
 */
export const EXPORT_FORMAT = 'formkit-drafts';
export const EXPORT_FORMAT_VERSION = 1;
/** 20 MiB: far above any real filing (the largest sample draft is a few KB) but bounded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An attachment of an exported draft, its bytes in base64 (plain: the file is the user's own copy). */
export interface ExportedAttachment {
  id: string;
  draftId: string;
  name: string;
  type: string;
  size: number;
  base64: string;
}

export interface DraftsFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  packId: string;
  packVersion: string;
  exported: string;
  drafts: Draft[];
  attachments: ExportedAttachment[];
  checksum: string;
}

type Unsigned = Omit<DraftsFile, 'checksum'>;

/** Drafts as stored, minus anything that must not leave the machine sealed (the file holds plain data). */
function exportable(d: Draft): Draft {
  const { sealed: _sealed, ...rest } = d;
  return structuredClone(rest);
}

export async function buildExport(pack: Pack, drafts: readonly Draft[], now = new Date(), attachments: readonly ExportedAttachment[] = []): Promise<DraftsFile> {
  const unsigned: Unsigned = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    exported: now.toISOString(),
    drafts: drafts.map(exportable),
    attachments: attachments.map((a) => ({ ...a })),
  };
  return { ...unsigned, checksum: await sha256Hex(unsigned) };
}

export function serializeExport(file: DraftsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Suggested download name: formkit-drafts-<date>[-<title>].json */
export function exportFileName(file: DraftsFile): string {
  const date = file.exported.slice(0, 10);
  const one = file.drafts.length === 1 ? `-${file.drafts[0].title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}` : '';
  return `formkit-drafts-${date}${one}.json`;
}

export type ImportCheck = { ok: true; file: DraftsFile } | { ok: false; problems: DraftProblem[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUSES: readonly DraftStatus[] = ['valid', 'has-errors', 'submitted'];
const isIso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function checkDraft(pack: Pack, d: unknown, where: string, out: DraftProblem[]): void {
  if (!isObj(d)) {
    out.push(problem('wrong-type', where, '草稿必须是对象', 'a draft must be an object'));
    return;
  }
  const str = (k: string) => {
    if (typeof d[k] !== 'string' || (d[k] as string) === '') {
      out.push(problem(d[k] === undefined ? 'missing-field' : 'wrong-type', `${where}/${k}`, `${k} 必须是非空文字`, `${k} must be a non-empty string`));
      return false;
    }
    return true;
  };
  str('id');
  const hasDoc = str('docId');
  str('packId');
  str('packVersion');
  if (typeof d.title !== 'string') out.push(problem('wrong-type', `${where}/title`, 'title 必须是文字', 'title must be a string'));
  if (!STATUSES.includes(d.status as DraftStatus)) {
    out.push(problem('wrong-type', `${where}/status`, `status 必须是 ${STATUSES.join(' / ')} 之一`, `status must be one of ${STATUSES.join(' / ')}`));
  }
  for (const k of ['created', 'updated']) {
    if (!isIso(d[k])) out.push(problem('wrong-type', `${where}/${k}`, `${k} 必须是日期时间（ISO 8601）`, `${k} must be an ISO 8601 date-time`));
  }
  if (!Number.isInteger(d.revision) || (d.revision as number) < 1) {
    out.push(problem('wrong-type', `${where}/revision`, 'revision 必须是正整数', 'revision must be a positive integer'));
  }
  if (d.notCarried !== undefined && !Array.isArray(d.notCarried)) {
    out.push(problem('wrong-type', `${where}/notCarried`, 'notCarried 必须是数组', 'notCarried must be an array'));
  }
  if (!isObj(d.data)) {
    out.push(problem('wrong-type', `${where}/data`, 'data 必须是对象', 'data must be an object'));
    return;
  }
  if (hasDoc && !pack.documents[d.docId as string]) {
    out.push(problem('unknown-document', `${where}/docId`, `未知文书：${String(d.docId)}（当前文书包中没有）`, `unknown document: ${String(d.docId)} (not in the current pack)`));
    return;
  }
  // Types are checked against the schema the draft was written for; an older version is migrated on open.
  if (hasDoc && d.packVersion === pack.manifest.version && d.packId === pack.manifest.id) {
    for (const m of typeMismatches(documentSchema(pack, d.docId as string), d.data)) {
      const at = `${where}/data${m.path === '/' ? '' : m.path}`;
      out.push(problem('wrong-type', at, `值的类型不对：应为 ${m.expected}，实为 ${m.found}`, `wrong type of value: expected ${m.expected}, found ${m.found}`));
    }
  }
}

function checkAttachment(a: unknown, where: string, draftIds: ReadonlySet<unknown>, out: DraftProblem[]): void {
  if (!isObj(a)) {
    out.push(problem('wrong-type', where, '附件必须是对象', 'an attachment must be an object'));
    return;
  }
  for (const k of ['id', 'draftId', 'name', 'type', 'base64']) {
    if (typeof a[k] !== 'string') out.push(problem(a[k] === undefined ? 'missing-field' : 'wrong-type', `${where}/${k}`, `${k} 必须是文字`, `${k} must be a string`));
  }
  if (typeof a.draftId === 'string' && !draftIds.has(a.draftId)) {
    out.push(problem('missing-field', `${where}/draftId`, `附件所属的草稿 ${a.draftId} 不在文件中`, `the attachment's draft ${a.draftId} is not in the file`));
  }
  if (typeof a.base64 === 'string') {
    let bytes = -1;
    try {
      bytes = atob(a.base64).length;
    } catch {
      out.push(problem('wrong-type', `${where}/base64`, '附件内容不是有效的 base64', 'attachment content is not valid base64'));
    }
    if (bytes >= 0 && a.size !== bytes) {
      out.push(problem('wrong-type', `${where}/size`, `附件大小不符：记为 ${String(a.size)}，实为 ${bytes} 字节`, `attachment size mismatch: says ${String(a.size)}, holds ${bytes} bytes`));
    }
  }
}

/**
 * Checks an import completely — size, JSON, format, version, pack, checksum, every draft — and
 * returns either the file or every problem found. Nothing is applied here: the caller applies only
 * an `ok` result, so a bad file changes nothing.
 */
export async function checkImport(pack: Pack, text: string, byteLength = new TextEncoder().encode(text).length): Promise<ImportCheck> {
  const problems: DraftProblem[] = [];
  if (byteLength > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    problems.push(problem('oversized', 'file', `文件过大：${mb(byteLength)} MB，上限 ${mb(MAX_IMPORT_BYTES)} MB`, `file too large: ${mb(byteLength)} MB, the limit is ${mb(MAX_IMPORT_BYTES)} MB`));
    return { ok: false, problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    return { ok: false, problems: [problem('malformed-json', 'file', `不是有效的 JSON：${msg}`, `not valid JSON: ${msg}`)] };
  }
  if (!isObj(parsed)) {
    return { ok: false, problems: [problem('not-an-object', 'file', '文件内容必须是 JSON 对象', 'the file must hold a JSON object')] };
  }
  if (parsed.format !== EXPORT_FORMAT) {
    problems.push(problem('format-version', '/format', `不是草稿导出文件（format 应为 ${EXPORT_FORMAT}）`, `not a drafts export (format must be ${EXPORT_FORMAT})`));
  }
  if (parsed.formatVersion !== EXPORT_FORMAT_VERSION) {
    problems.push(problem('format-version', '/formatVersion', `不支持的文件格式版本 ${String(parsed.formatVersion)}（支持 ${EXPORT_FORMAT_VERSION}）`, `unsupported format version ${String(parsed.formatVersion)} (supported: ${EXPORT_FORMAT_VERSION})`));
  }
  if (parsed.packId !== pack.manifest.id) {
    problems.push(problem('pack-id', '/packId', `文书包不符：文件为 ${String(parsed.packId)}，当前为 ${pack.manifest.id}`, `pack mismatch: file has ${String(parsed.packId)}, current is ${pack.manifest.id}`));
  }
  if (typeof parsed.packVersion !== 'string') {
    problems.push(problem('missing-field', '/packVersion', '缺少 packVersion', 'packVersion is missing'));
  }
  if (!Array.isArray(parsed.drafts)) {
    problems.push(problem('wrong-type', '/drafts', 'drafts 必须是数组', 'drafts must be an array'));
  } else {
    const ids = new Set<string>();
    parsed.drafts.forEach((d, i) => {
      checkDraft(pack, d, `/drafts/${i}`, problems);
      const id = isObj(d) ? d.id : undefined;
      if (typeof id === 'string') {
        if (ids.has(id)) problems.push(problem('duplicate-id', `/drafts/${i}/id`, `草稿编号重复：${id}`, `duplicate draft id: ${id}`));
        ids.add(id);
      }
    });
  }
  if (parsed.attachments !== undefined && !Array.isArray(parsed.attachments)) {
    problems.push(problem('wrong-type', '/attachments', 'attachments 必须是数组', 'attachments must be an array'));
  } else if (Array.isArray(parsed.attachments)) {
    const draftIds = new Set(Array.isArray(parsed.drafts) ? parsed.drafts.map((d) => (isObj(d) ? d.id : undefined)) : []);
    parsed.attachments.forEach((a, i) => checkAttachment(a, `/attachments/${i}`, draftIds, problems));
  }
  if (typeof parsed.checksum !== 'string') {
    problems.push(problem('checksum', '/checksum', '缺少校验和', 'checksum is missing'));
  } else {
    const { checksum, ...unsigned } = parsed;
    if ((await sha256Hex(unsigned)) !== checksum) {
      problems.push(problem('checksum', '/checksum', '校验和不符：文件已被修改或损坏', 'checksum mismatch: the file was changed or damaged'));
    }
  }
  if (problems.length) return { ok: false, problems };
  const file = parsed as unknown as DraftsFile;
  return { ok: true, file: { ...file, attachments: file.attachments ?? [] } };
}

/**
 * What an import writes: drafts whose id is free keep it; a draft whose id is taken is imported as a
 * copy under a new id — an import never overwrites work already here.
 */
export function planImport(file: DraftsFile, existingIds: ReadonlySet<string>, newId: () => string): Draft[] {
  return file.drafts.map((d) => (existingIds.has(d.id) ? { ...structuredClone(d), id: newId() } : structuredClone(d)));
}

/** The attachments to write with planned drafts, following any draft given a new id (same order as file.drafts). */
export function planAttachments(file: DraftsFile, planned: readonly Draft[]): ExportedAttachment[] {
  const idMap = new Map(file.drafts.map((d, i) => [d.id, planned[i].id]));
  return file.attachments.map((a) => ({ ...a, draftId: idMap.get(a.draftId) ?? a.draftId }));
}
