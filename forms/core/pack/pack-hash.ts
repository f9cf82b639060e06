/**
 * Canonical JSON (sorted keys) of a pack's files: the text that is hashed to tie precompiled
 * validators to the exact pack they were built from, and that signatures cover.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  // JSON.stringify writes Infinity and NaN as null: `1e999` in a file would hash (and verify) like a
  // signed `null`. Non-finite numbers get a text of their own, which no JSON value shares.
  if (typeof value === 'number' && !Number.isFinite(value)) return `!${String(value)}`;
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 hex of the canonical JSON, via WebCrypto (browser and Node ≥ 20). */
export async function packHash(files: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(files));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
