import { describe, expect, it } from 'vitest';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';

const files = { 'pack.json': { id: 'p', version: '1.0.0' }, 'reference/levels.json': { levels: ['初级工'] } };

describe('signed packs', async () => {
  const bureau = await generateSigningKeys();
  const trusted = [await trustedKeyFrom(bureau.publicJwk, '市职鉴中心')];

  it('verifies a pack signed by a trusted key, whatever the file formatting', async () => {
    const signed = await signPack(files, bureau.privateJwk);
    const reread = JSON.parse(JSON.stringify(signed, null, 2));
    const r = await verifyPackFile(reread, trusted);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.key.name).toBe('市职鉴中心');
  });

  it('refuses an unsigned pack', async () => {
    const { signature: _drop, ...unsigned } = await signPack(files, bureau.privateJwk);
    expect(await verifyPackFile(unsigned, trusted)).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  it('refuses a tampered pack, also when the attacker fixed the hash', async () => {
    const signed = await signPack(files, bureau.privateJwk);
    const changed = structuredClone(signed);
    (changed.files['reference/levels.json'] as { levels: string[] }).levels.push('特级技师');
    const r1 = await verifyPackFile(changed, trusted);
    expect(r1).toMatchObject({ ok: false, reason: 'tampered' });
    const { packHash } = await import('../../forms/core/pack/pack-hash');
    changed.hash = await packHash(changed.files);
    const r2 = await verifyPackFile(changed, trusted);
    expect(r2).toMatchObject({ ok: false, reason: 'bad-signature' });
    if (!r2.ok) expect(r2.zh).toContain('签名验证失败');
  });

  it('refuses a pack signed by a key that is not trusted', async () => {
    const other = await generateSigningKeys();
    const r = await verifyPackFile(await signPack(files, other.privateJwk), trusted);
    expect(r).toMatchObject({ ok: false, reason: 'untrusted' });
    if (!r.ok) expect(r.en).toContain(other.keyId);
  });

  it('refuses a signature copied from another key id', async () => {
    const other = await generateSigningKeys();
    const forged = await signPack(files, other.privateJwk);
    forged.signature.keyId = bureau.keyId;
    expect(await verifyPackFile(forged, trusted)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses something that is not a pack file', async () => {
    expect(await verifyPackFile({ hello: 1 }, trusted)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verifyPackFile(null, trusted)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
