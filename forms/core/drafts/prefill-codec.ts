/**
 * `?prefill=` payloads: JSON as base64url of its UTF-8 bytes (a contract between the popup's checks
 * and the workbench). Decoding never throws: a bad payload gives a message instead.
 */
export function encodePrefill(data: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type PrefillResult = { ok: true; data: Record<string, unknown> } | { ok: false; zh: string; en: string };

export function decodePrefill(s: string): PrefillResult {
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const data: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, zh: '预填数据必须是一个对象', en: 'prefill data must be an object' };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch {
    return { ok: false, zh: '预填数据无法解析（不是有效的 base64url JSON）', en: 'prefill data could not be read (not base64url JSON)' };
  }
}
