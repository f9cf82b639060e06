/**
 * The bureau's signing key as a file it can keep offline: the private JWK encrypted with a passphrase
 * (PBKDF2-SHA-256 → AES-256-GCM, WebCrypto). The file is written when the key is made or rotated, so it
 * also works when the live key is kept non-extractable afterwards; importing it needs the passphrase.
 */
import { fromBase64Url, toBase64Url } from '../signing/base64url';
import { isPrivateJwk, keyIdOf, type Ed25519PrivateJwk, type Ed25519PublicJwk, type SigningKeys } from '../signing/keys';

export const KEY_BACKUP_FORMAT = 'formkit-signing-key@1';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 */
const ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 10;

export interface KeyBackupFile {
  format: typeof KEY_BACKUP_FORMAT;
  keyId: string;
  publicJwk: Ed25519PublicJwk;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** base64url AES-GCM ciphertext of the private JWK's JSON */
  data: string;
  created: string;
}

export type KeyBackupResult = { ok: true; keys: SigningKeys } | { ok: false; zh: string; en: string };

async function aesKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A passphrase problem in both languages, or null. */
export function passphraseProblem(passphrase: string, repeat?: string): { zh: string; en: string } | null {
  if ([...passphrase].length < MIN_PASSPHRASE) return { zh: `口令至少 ${MIN_PASSPHRASE} 个字符`, en: `the passphrase needs at least ${MIN_PASSPHRASE} characters` };
  if (repeat !== undefined && repeat !== passphrase) return { zh: '两次输入的口令不一致', en: 'the two passphrases differ' };
  return null;
}

export async function encryptKeyBackup(keys: SigningKeys, passphrase: string, now = new Date()): Promise<KeyBackupFile> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(passphrase, salt, ITERATIONS);
  const plain = new TextEncoder().encode(JSON.stringify(keys.privateJwk));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, plain as BufferSource);
  return {
    format: KEY_BACKUP_FORMAT,
    keyId: keys.keyId,
    publicJwk: keys.publicJwk,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: toBase64Url(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64Url(iv) },
    data: toBase64Url(new Uint8Array(ct)),
    created: now.toISOString(),
  };
}

const fail = (zh: string, en: string): KeyBackupResult => ({ ok: false, zh, en });

export async function decryptKeyBackup(input: unknown, passphrase: string): Promise<KeyBackupResult> {
  const o = input as Partial<KeyBackupFile> | null;
  if (typeof o !== 'object' || o === null || o.format !== KEY_BACKUP_FORMAT || !o.kdf || !o.cipher || typeof o.data !== 'string') {
    return fail(`不是签名密钥备份文件（须为 ${KEY_BACKUP_FORMAT} 格式）`, `not a signing key backup (expected format ${KEY_BACKUP_FORMAT})`);
  }
  const salt = fromBase64Url(String(o.kdf.salt));
  const iv = fromBase64Url(String(o.cipher.iv));
  const data = fromBase64Url(o.data);
  const iterations = Number(o.kdf.iterations);
  if (!salt || !iv || !data || !Number.isInteger(iterations) || iterations < 100_000 || iterations > 10_000_000) {
    return fail('密钥备份文件已损坏', 'the key backup file is damaged');
  }
  let jwk: unknown;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, await aesKey(passphrase, salt, iterations), data as BufferSource);
    jwk = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return fail('口令不正确，或备份文件被改动过', 'wrong passphrase, or the backup file was altered');
  }
  if (!isPrivateJwk(jwk)) return fail('备份中不是 Ed25519 私钥', 'the backup does not hold an Ed25519 private key');
  const keyId = await keyIdOf(jwk);
  const priv = jwk as Ed25519PrivateJwk;
  return { ok: true, keys: { keyId, privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x, d: priv.d, kid: keyId }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x, kid: keyId } } };
}
