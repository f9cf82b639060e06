import { canonicalJson } from '../pack/pack-hash';

/**
 * SHA-256 (WebCrypto) of the canonical JSON of a value, hex. Canonical (sorted keys) so that the
 * checksum survives re-serialisation by any tool that keeps the values.
 */
export async function sha256Hex(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
