/**
 * The data every form measurement uses: the pack's largest document, built from its valid sample
 * with its occupation table grown to 50 rows. Rows are real occupations from the pack's reference
 * list, and rows the kit would reject are swapped out, so the bench times a realistic, mostly valid
 * document rather than a wall of errors.
 */
import { documentSchema } from '../forms/core/pack/document-schema';
import type { JsonSchema, Pack } from '../forms/core/pack/types';
import type { SchemaEngine } from '../forms/core/validation/types';
import { validateDocument } from '../forms/core/validation/validate-document';

export const OCCUPATION_ROWS = 50;

export interface Fixture {
  docId: string;
  /** leaf fields of the schema, array items counted once */
  schemaFields: number;
  /** property name of the occupation table at the top level */
  tableKey: string;
  data: Record<string, unknown>;
  /** error findings the kit reports for `data` (0 = the whole document is valid) */
  errors: number;
}

type Json = Record<string, unknown>;

function resolve(node: unknown, root: JsonSchema): Json {
  let n = (node ?? {}) as Json;
  for (let i = 0; i < 20 && typeof n.$ref === 'string'; i++) {
    n = ((root.definitions as Json)[(n.$ref as string).replace('#/definitions/', '')] ?? {}) as Json;
  }
  return n;
}

/** Leaf fields of a schema (properties in `allOf/then` included, array items once). */
export function countFields(node: unknown, root: JsonSchema, depth = 0): number {
  const n = resolve(node, root);
  if (depth > 12) return 0;
  let count = 0;
  const props = (n.properties ?? {}) as Json;
  for (const p of Object.values(props)) count += countFields(p, root, depth + 1);
  for (const part of (n.allOf ?? []) as Json[]) if (part.then) count += countFields(part.then, root, depth + 1);
  if (n.type === 'array' && n.items) {
    const items = resolve(n.items, root);
    count += items.type === 'object' || items.properties ? countFields(items, root, depth + 1) : 1;
  }
  if (count === 0 && !n.properties && n.type !== 'array') return 1;
  return count;
}

/** Top-level array whose rows are occupations (items refer to an occupation row or carry a code). */
function occupationTable(schema: JsonSchema): string | null {
  const props = (schema.properties ?? {}) as Json;
  for (const [key, p] of Object.entries(props)) {
    const pj = p as Json;
    if (pj.type !== 'array') continue;
    const ref = String((pj.items as Json | undefined)?.$ref ?? '');
    if (/occupationRow/i.test(ref) || key === 'occupations') return key;
  }
  return null;
}

/** The document with the most fields among those with an occupation table. */
export function largestDocument(pack: Pack): { docId: string; fields: number; tableKey: string } {
  let best: { docId: string; fields: number; tableKey: string } | null = null;
  for (const docId of pack.manifest.documents) {
    const schema = documentSchema(pack, docId);
    const tableKey = occupationTable(schema);
    const hasValid = Object.keys(pack.documents[docId].samples).some((k) => k.startsWith('valid-'));
    if (!tableKey || !hasValid) continue;
    const fields = countFields(schema, schema);
    if (!best || fields > best.fields) best = { docId, fields, tableKey };
  }
  if (!best) throw new Error('no document with an occupation table and a valid sample in the pack');
  return best;
}

interface CatalogEntry {
  code: string;
  name: string;
  standardBasis?: string;
  levels?: string[];
}

export function buildFixture(pack: Pack, engine: SchemaEngine, today = '2025-03-10'): Fixture {
  const { docId, fields, tableKey } = largestDocument(pack);
  const doc = pack.documents[docId];
  const sampleKey = Object.keys(doc.samples).filter((k) => k.startsWith('valid-')).sort()[0];
  const data = structuredClone(doc.samples[sampleKey]) as Json;
  const seed = ((data[tableKey] as Json[] | undefined) ?? [])[0] ?? {};
  // Occupations that may be filed (the pack's catalog) cycle through the rows; without a catalog,
  // the 2022 classification's skilled trades.
  const catalog = (pack.reference['filing-catalog'] as { entries?: CatalogEntry[] } | undefined)?.entries ?? [];
  const occupations =
    (pack.reference['occupations-2022'] as { occupations?: CatalogEntry[] } | undefined)?.occupations ?? [];
  const pool: CatalogEntry[] = catalog.length ? catalog : occupations.filter((o) => o.code.startsWith('6-'));
  if (!pool.length) throw new Error('the pack has no occupations to fill the table with');
  const seedLevels = Array.isArray(seed.levels) ? (seed.levels as string[]) : [];
  const rows: Json[] = [];
  for (let i = 0; i < OCCUPATION_ROWS; i++) {
    const o = pool[i % pool.length];
    const row: Json = { ...structuredClone(seed), code: o.code, name: o.name };
    if (o.standardBasis) row.standardBasis = o.standardBasis;
    if (o.levels) {
      const levels = seedLevels.filter((l) => o.levels!.includes(l));
      row.levels = levels.length ? levels : o.levels.slice(0, 2);
    }
    rows.push(row);
  }
  data[tableKey] = rows;
  // Rows elsewhere that name an occupation (evaluators …): one per distinct occupation filed.
  const codes = [...new Set(rows.map((r) => String(r.code)))];
  for (const [key, value] of Object.entries(data)) {
    if (key === tableKey || !Array.isArray(value) || !value.length) continue;
    const first = value[0] as Json;
    if (!first || typeof first !== 'object' || typeof first.occupationCode !== 'string') continue;
    data[key] = codes.map((code, i) => (i === 0 ? { ...first, occupationCode: code } : { ...structuredClone(first), occupationCode: code }));
  }
  const errors = validateDocument(pack, engine, docId, data, { today }).findings.filter((f) => f.severity === 'error').length;
  return { docId, schemaFields: fields, tableKey, data, errors };
}
