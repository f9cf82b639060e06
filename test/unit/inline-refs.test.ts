import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { inlineRefs } from '../../forms/core/pack/inline-refs';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';

const hasRef = (n: unknown, skipDefs = true): boolean =>
  Array.isArray(n) ? n.some((x) => hasRef(x, skipDefs)) : !!n && typeof n === 'object' &&
    Object.entries(n).some(([k, v]) => (k === '$ref') || (!(skipDefs && k === 'definitions') && hasRef(v, skipDefs)));

describe('schemas with their references inlined (for the form renderer)', () => {
  it('leaves no reference outside definitions in any document, and keeps a field’s own title over the definition’s', () => {
    const pack = parsePack(readPackDir('schemas'));
    for (const id of pack.manifest.documents) expect(hasRef(inlineRefs(documentSchema(pack, id))), id).toBe(false);
    const s = inlineRefs(documentSchema(pack, 'filing-enterprise')) as { properties: Record<string, { title?: string; format?: string; pattern?: string }> };
    expect(s.properties.applicationDate.title).toBe('申请日期');
    // what the definition adds is there too
    expect(s.properties.applicationDate.format ?? s.properties.applicationDate.pattern).toBeDefined();
    // nothing left to refer to them: the definitions are not carried along
    expect('definitions' in s).toBe(false);
  });

  it('stops at a cycle instead of recursing forever', () => {
    const schema = { type: 'object', properties: { node: { $ref: '#/definitions/node' } }, definitions: { node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } } };
    const out = inlineRefs(schema) as { properties: { node: { properties: { child: { $ref?: string } } } } };
    expect(out.properties.node.properties.child.$ref).toBe('#/definitions/node');
    expect((out as { definitions?: object }).definitions).toBeDefined();
  });
});
