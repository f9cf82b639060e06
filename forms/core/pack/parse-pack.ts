import { PackError } from './pack-error';
import { resolveParamTexts } from './param-texts';
import type { DocumentDef, JsonSchema, Pack, PackFiles, PackManifest, SourceDocument } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need<T>(files: PackFiles, path: string, check: (v: unknown) => boolean, what: string): T {
  if (!(path in files)) throw new PackError(path, `缺少文件（${what}）`, `missing file (${what})`);
  const v = files[path];
  if (!check(v)) throw new PackError(path, `文件内容不是有效的${what}`, `not a valid ${what}`);
  return v as T;
}

/**
 * Builds a Pack from its files (paths relative to `schemas/`). Every missing or malformed part is
 * reported with its path; nothing is guessed.
 */
export function parsePack(sourceFiles: PackFiles): Pack {
  // readers see texts with parameters filled in; the files as written stay for editing and signing
  const files = resolveParamTexts(sourceFiles);
  const manifest = need<PackManifest>(
    files,
    'pack.json',
    (v) =>
      isObject(v) &&
      typeof v.id === 'string' &&
      typeof v.version === 'string' &&
      typeof v.effective === 'string' &&
      Array.isArray(v.sources) &&
      Array.isArray(v.documents),
    '包清单 pack manifest',
  );
  const sources: Record<string, SourceDocument> = {};
  for (const ref of manifest.sources) {
    sources[ref.id] = need<SourceDocument>(
      files,
      ref.file,
      (v) => isObject(v) && isObject(v.document) && Array.isArray(v.articles),
      '来源文件 source document',
    );
  }
  // maps keyed by ids from data have no prototype: an id like `constructor` or `toString` is unknown, not a function
  const reference: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [path, value] of Object.entries(files)) {
    const m = /^reference\/([^/]+)\.json$/.exec(path);
    if (m) reference[m[1]] = value;
  }
  const definitionsFile = files['common/definitions.json'];
  const definitions = (isObject(definitionsFile) && isObject(definitionsFile.definitions)
    ? definitionsFile.definitions
    : {}) as Record<string, JsonSchema>;

  const documents: Record<string, DocumentDef> = Object.create(null) as Record<string, DocumentDef>;
  for (const id of manifest.documents) {
    const base = `documents/${id}/`;
    const schema = need<JsonSchema>(files, `${base}schema.json`, isObject, 'JSON Schema');
    const ui = (files[`${base}ui.json`] ?? {}) as Record<string, unknown>;
    if (!isObject(ui)) throw new PackError(`${base}ui.json`, '界面定义必须是对象', 'ui schema must be an object');
    const rulesFile = files[`${base}rules.json`];
    const rules = rulesFile === undefined ? [] : isObject(rulesFile) && Array.isArray(rulesFile.rules) ? rulesFile.rules : null;
    if (rules === null) throw new PackError(`${base}rules.json`, '规则文件须为 {"rules": [...]}', 'rules file must be {"rules": [...]}');
    const samples: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(files)) {
      if (path.startsWith(`${base}samples/`)) samples[path.slice(base.length + 'samples/'.length)] = value;
    }
    documents[id] = { id, schema, ui, rules, samples };
  }
  return { manifest, sources, reference, definitions, documents, files, sourceFiles };
}
