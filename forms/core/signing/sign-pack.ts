import { canonicalJson, packHash } from '../pack/pack-hash';
import type { PackFiles } from '../pack/types';
import { encodeSignature, importPrivateKey, keyIdOf, type Ed25519PrivateJwk } from './keys';
import { PACK_FORMAT, type PackFileBody, type SignedPackFile } from './pack-file';

/** The exact bytes a signature covers: canonical JSON of the body, never the file's own formatting. */
export const signedBytes = (body: PackFileBody): Uint8Array =>
  new TextEncoder().encode(canonicalJson({ format: body.format, hash: body.hash, files: body.files }));

export async function packFileOf(files: PackFiles): Promise<PackFileBody> {
  return { format: PACK_FORMAT, hash: await packHash(files), files };
}

/**
 * Signs a pack's files with the bureau's private key (the hash is recomputed, never trusted from input):
 * a JWK read from a key file (CLI), or a non-extractable CryptoKey kept by the extension with its id.
 */
export async function signPack(files: PackFiles, privateKey: Ed25519PrivateJwk | { key: CryptoKey; keyId: string }): Promise<SignedPackFile> {
  const body = await packFileOf(files);
  const [key, keyId] = 'key' in privateKey ? [privateKey.key, privateKey.keyId] : [await importPrivateKey(privateKey), await keyIdOf(privateKey)];
  const sig = await crypto.subtle.sign({ name: 'Ed25519' }, key, signedBytes(body) as BufferSource);
  return { ...body, signature: { alg: 'Ed25519', keyId, value: encodeSignature(sig) } };
}
