/** A signed `null` swapped for `1e999` (parsed as Infinity) no longer verifies. */
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';

describe('canonical numbers in signatures', () => {
  it.each(['1e999', '-1e999'])('null → %s is refused as tampered', async (swap) => {
    const keys = await generateSigningKeys();
    const files = { ...readPackDir('schemas'), 'reference/x.json': { limit: null } };
    const signed = await signPack(files, keys.privateJwk);
    const text = JSON.stringify(signed).replace('"limit":null', `"limit":${swap}`);
    expect(text).toContain(swap);
    const v = await verifyPackFile(JSON.parse(text), [await trustedKeyFrom(keys.publicJwk)]);
    expect(v.ok).toBe(false);
    const untouched = await verifyPackFile(JSON.parse(JSON.stringify(signed)), [await trustedKeyFrom(keys.publicJwk)]);
    expect(untouched.ok).toBe(true);
  });
});
