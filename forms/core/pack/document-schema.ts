import { PackError } from './pack-error';
import type { JsonSchema, Pack } from './types';

const cache = new WeakMap<Pack, Map<string, JsonSchema>>();

function collectRefs(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) out.add(v.slice(14));
      else collectRefs(v, out);
    }
  }
}

/**
 * A document's schema with the shared definitions it uses merged into `definitions`, so that RJSF
 * and both engines resolve `#/definitions/…` inside one root. Shared blocks are written once in
 * `common/definitions.json`; documents only refer to them.
 */
export function documentSchema(pack: Pack, docId: string): JsonSchema {
  let perPack = cache.get(pack);
  if (!perPack) cache.set(pack, (perPack = new Map()));
  const hit = perPack.get(docId);
  if (hit) return hit;
  const doc = pack.documents[docId];
  if (!doc) throw new PackError(`documents/${docId}`, `未知文书：${docId}`, `unknown document: ${docId}`);
  const own = (doc.schema.definitions ?? {}) as Record<string, JsonSchema>;
  const needed = new Set<string>();
  collectRefs(doc.schema, needed);
  const definitions: Record<string, JsonSchema> = { ...own };
  const queue = [...needed];
  while (queue.length) {
    const name = queue.pop()!;
    if (definitions[name]) continue;
    const def = pack.definitions[name];
    if (!def) {
      throw new PackError(`documents/${docId}/schema.json`, `引用了不存在的公共定义 ${name}`, `refers to missing shared definition ${name}`);
    }
    definitions[name] = def;
    const more = new Set<string>();
    collectRefs(def, more);
    queue.push(...more);
  }
  const schema: JsonSchema = { ...doc.schema, $id: `formkit:${docId}`, definitions };
  perPack.set(docId, schema);
  return schema;
}
