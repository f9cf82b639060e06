/** Ids from addresses and imported files that name Object.prototype members are unknown, not crashes. */
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { sha256Hex } from '../../forms/core/drafts/checksum';
import { buildExport, checkImport } from '../../forms/core/drafts/export-format';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { parseRoute } from '../../forms/ui/workbench/route';

const pack = parsePack(readPackDir('schemas'));

describe('hostile ids', () => {
  it('a malformed escape in the address is an unknown page', () => {
    expect(parseRoute('#/draft/%ZZ')).toEqual({ name: 'not-found', hash: '#/draft/%ZZ' });
    expect(parseRoute('#/new/%E4%B8')).toMatchObject({ name: 'not-found' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('document id %s is not a document of the pack', (id) => {
    expect(pack.documents[id]).toBeUndefined();
  });

  it.each(['constructor', 'toString'])('an imported draft with docId %s is refused as an unknown document', async (docId) => {
    const d = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: 'x' });
    const file = await buildExport(pack, [d]);
    const { checksum: _c, ...unsigned } = file;
    unsigned.drafts[0].docId = docId;
    const text = JSON.stringify({ ...unsigned, checksum: await sha256Hex(unsigned) });
    const check = await checkImport(pack, text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.en).join()).toMatch(/unknown document/i);
  });
});
