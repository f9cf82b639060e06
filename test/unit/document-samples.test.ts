import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllValidators } from '../../generated/validators.js';
import { activateReference, referenceOf } from '../../forms/core/reference/reference-context';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { JsonSchema } from '../../forms/core/pack/types';
import { fieldAt } from '../../forms/core/schema/field-schema';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { schemaMessage } from '../../forms/core/validation/messages';
import { createPrecompiledEngine } from '../../forms/core/validation/precompiled-engine';
import { valueAt } from '../../forms/core/schema/json-pointer';
import type { SchemaIssue } from '../../forms/core/validation/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

// Every sample of every document, through both engines: the shipped (precompiled) and the
// run-time (interpreted) validator must agree with each other and with the sample's expected file.
// Needs `npm run pack:build` first (npm run test:unit does it).
const pack = parsePack(readPackDir('schemas'));
const precompiled = createPrecompiledEngine(await loadAllValidators());
const interpreter = createInterpreterEngine(pack);

beforeAll(() => {
  activateReference(pack);
});

const ids = pack.manifest.documents;
const key = (i: { path: string; keyword: string }) => `${i.path} ${i.keyword}`;
const sorted = (issues: { path: string; keyword: string }[]) => issues.map(key).sort();

type Node = Record<string, unknown>;
const isObj = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/** Calls `visit` on every sub-schema with its schema path, without following $ref. */
function walk(node: unknown, visit: (s: Node, at: string) => void, at = ''): void {
  if (!isObj(node)) return;
  visit(node, at);
  for (const k of ['properties', 'definitions']) {
    if (isObj(node[k])) for (const [name, v] of Object.entries(node[k] as Node)) walk(v, visit, `${at}/${k}/${name}`);
  }
  for (const k of ['items', 'if', 'then', 'else', 'not']) walk(node[k], visit, `${at}/${k}`);
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(node[k])) (node[k] as unknown[]).forEach((v, i) => walk(v, visit, `${at}/${k}/${i}`));
  }
}

const SUPPORTED_FORMATS = new Set(['uscc', 'resident-id', 'mobile', 'phone', 'occupation-code', 'sh-district', 'date']);
const BESIDE_REF = new Set(['$ref', 'title', 'description']);

describe('the pack lists every document of the notice', () => {
  it('has the fourteen documents in the agreed order', () => {
    expect(ids.slice(0, 14)).toEqual([
      'filing-enterprise', 'filing-social-org', 'filing-school', 'renewal', 'occupation-adjustment',
      'termination-voluntary', 'termination-automatic', 'termination-ordered', 'violation-institution',
      'violation-individual', 'certificate-revocation', 'supervision-inspection', 'annual-assessment',
      'candidate-registration',
    ]);
  });
});

describe.each(ids)('document %s', (docId) => {
  const doc = pack.documents[docId];
  const samples = Object.entries(doc.samples).filter(([name]) => !name.endsWith('.expected.json'));

  it('has a valid sample and at least three invalid samples, each with an expected file', () => {
    const valid = samples.filter(([n]) => n.startsWith('valid-'));
    const invalid = samples.filter(([n]) => n.startsWith('invalid-'));
    expect(valid.length).toBeGreaterThanOrEqual(1);
    expect(invalid.length).toBeGreaterThanOrEqual(3);
    for (const [n] of invalid) expect(doc.samples, n).toHaveProperty([n.replace(/\.json$/, '.expected.json')]);
  });

  it('every $ref resolves to a definition', () => {
    const root = documentSchema(pack, docId);
    const defs = root.definitions as Node;
    walk(root, (s, at) => {
      if (typeof s.$ref === 'string') {
        expect(s.$ref, at).toMatch(/^#\/definitions\//);
        expect(defs, `${at} → ${s.$ref}`).toHaveProperty([s.$ref.slice('#/definitions/'.length)]);
      }
    });
  });

  it('only uses the schema subset both engines and the form agree on', () => {
    const own = doc.schema;
    expect(own.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const topProps = Object.keys((own.properties ?? {}) as Node);
    walk(documentSchema(pack, docId), (s, at) => {
      expect(s.additionalProperties, `${at}: additionalProperties`).not.toBe(false);
      expect(s.oneOf, `${at}: oneOf`).toBeUndefined();
      expect(s.anyOf, `${at}: anyOf`).toBeUndefined();
      if (typeof s.$ref === 'string') {
        expect(Object.keys(s).filter((k) => !BESIDE_REF.has(k)), `${at}: keywords beside $ref`).toEqual([]);
      }
      if (typeof s.format === 'string') expect(SUPPORTED_FORMATS, `${at}: format ${s.format}`).toContain(s.format);
      if (at !== '' && s.allOf !== undefined) throw new Error(`${at}: allOf is only supported at the top level`);
    });
    for (const [i, part] of ((own.allOf ?? []) as Node[]).entries()) {
      expect(Object.keys(part).sort(), `allOf/${i}`).toEqual(['if', 'then']);
      const declared = Object.keys(((part.then as Node).properties ?? {}) as Node);
      // a conditional property lives only in its branch, so hiding the branch hides the field
      expect(declared.filter((p) => topProps.includes(p)), `allOf/${i}/then re-declares`).toEqual([]);
    }
  });

  it('every field has a title, so messages and the print view name it in Chinese', () => {
    const root = documentSchema(pack, docId);
    const untitled: string[] = [];
    const visitObject = (schema: JsonSchema | undefined, pointer: string, depth: number) => {
      if (!schema || depth > 8) return;
      const { schema: here } = fieldAt(root, pointer);
      if (!here) return;
      const parts: JsonSchema[] = [here, ...((here.allOf as JsonSchema[] | undefined) ?? []).map((p) => p.then as JsonSchema)];
      for (const part of parts) {
        for (const name of Object.keys((part?.properties ?? {}) as Node)) {
          const child = `${pointer}/${name}`;
          const { trail, schema: cs } = fieldAt(root, child);
          if (trail[trail.length - 1] === name) untitled.push(child);
          if (cs?.type === 'object') visitObject(cs, child, depth + 1);
          if (cs?.type === 'array') {
            const item = fieldAt(root, `${child}/0`).schema;
            if (item?.type === 'object') visitObject(item, `${child}/0`, depth + 1);
          }
        }
      }
    };
    visitObject(root, '', 0);
    expect(untitled).toEqual([]);
  });

  it('every coded choice has Chinese labels in ui.json', () => {
    const root = documentSchema(pack, docId);
    const missing: string[] = [];
    const uiAt = (pointer: string): Node | undefined => {
      let cur: unknown = doc.ui;
      for (const seg of pointer.split('/').slice(1)) cur = isObj(cur) ? (/^\d+$/.test(seg) ? cur.items : cur[seg]) : undefined;
      return isObj(cur) ? cur : undefined;
    };
    const check = (pointer: string, values: unknown[]) => {
      if (values.every((v) => typeof v !== 'string' || /[\u4e00-\u9fff]/.test(v))) return; // already Chinese (levels)
      const u = uiAt(pointer);
      // RJSF takes ui:enumNames as a list in enum order, or as a map keyed by value (for enums that vary by branch)
      const names = u?.['ui:enumNames'];
      const ok = Array.isArray(names)
        ? names.length === values.length
        : isObj(names) && values.every((v) => typeof names[String(v)] === 'string');
      if (!ok) missing.push(pointer);
    };
    const visit = (pointer: string, depth: number) => {
      const { schema } = fieldAt(root, pointer);
      if (!schema || depth > 8) return;
      if (Array.isArray(schema.enum)) check(pointer, schema.enum);
      if (schema.type === 'array') {
        const item = fieldAt(root, `${pointer}/0`).schema;
        if (item && Array.isArray(item.enum)) check(pointer, item.enum);
        else if (item?.type === 'object') visit(`${pointer}/0`, depth + 1);
      }
      if (schema.type === 'object') {
        const parts: JsonSchema[] = [schema, ...((schema.allOf as JsonSchema[] | undefined) ?? []).map((p) => p.then as JsonSchema)];
        for (const part of parts) for (const name of Object.keys((part?.properties ?? {}) as Node)) visit(`${pointer}/${name}`, depth + 1);
      }
    };
    visit('', 0);
    expect(missing).toEqual([]);
  });

  it.each(samples.map(([name, data]) => [name, data] as const))('%s: both engines give exactly the expected errors and the same messages', (name, data) => {
    const expectedFile = doc.samples[name.replace(/\.json$/, '.expected.json')] as { errors: { path: string; keyword: string }[] } | undefined;
    const expected = name.startsWith('valid-') ? [] : expectedFile?.errors;
    expect(expected, `${name} needs an expected file`).toBeDefined();
    const p = precompiled.validate(docId, data);
    const i = interpreter.validate(docId, data);
    expect(sorted(p), 'precompiled').toEqual(sorted(expected!));
    expect(sorted(i), 'interpreter').toEqual(sorted(expected!));
    const root = documentSchema(pack, docId);
    for (const lang of ['zh', 'en'] as const) {
      const msgs = (issues: SchemaIssue[]) =>
        issues.map((x) => `${key(x)} ${schemaMessage(root, doc.ui, x, valueAt(data, x.path), lang, referenceOf(pack))}`).sort();
      expect(msgs(p)).toEqual(msgs(i));
    }
    // a message names the field by its Chinese title, never by the property's code name
    for (const x of p) {
      const msg = schemaMessage(root, doc.ui, x, valueAt(data, x.path), 'zh', referenceOf(pack));
      const leaf = x.path.split('/').pop()!;
      expect(msg.startsWith(`${leaf}：`), msg).toBe(false);
      expect(msg.startsWith('#'), msg).toBe(false);
    }
  });
});

describe('messages for choices that depend on a branch', () => {
  it('a measure outside the tier names the list entry and the article, whichever engine ran', () => {
    const data = pack.documents['violation-institution'].samples['invalid-measure-not-for-tier.json'];
    const root = documentSchema(pack, 'violation-institution');
    for (const engine of [precompiled, interpreter]) {
      const [issue] = engine.validate('violation-institution', data);
      expect(schemaMessage(root, pack.documents['violation-institution'].ui, issue, valueAt(data, issue.path), 'zh', referenceOf(pack))).toBe(
        '处理措施（三（四）2）第1项：不是所认定情形可采取的处理措施（三（四）2）',
      );
    }
  });
});

describe('shared blocks are defined once', () => {
  it('no document copies an object block another document or the common definitions define', () => {
    const seen = new Map<string, string>();
    const canon = (v: unknown): string =>
      Array.isArray(v) ? `[${v.map(canon).join(',')}]` : isObj(v) ? `{${Object.keys(v).sort().map((k) => `${k}:${canon(v[k])}`).join(',')}}` : JSON.stringify(v);
    for (const [name, def] of Object.entries(pack.definitions)) seen.set(canon(def), `common/${name}`);
    const copies: string[] = [];
    for (const docId of ids) {
      walk(pack.documents[docId].schema, (s, at) => {
        if (!isObj(s.properties) || Object.keys(s.properties).length < 3) return;
        const c = canon(s);
        const where = seen.get(c);
        if (where && !where.startsWith(`${docId}#`)) copies.push(`${docId}#${at} = ${where}`);
        else seen.set(c, `${docId}#${at}`);
      });
    }
    expect(copies).toEqual([]);
  });
});
