/**
 * Ed25519 keys for signing policy packs, as JWK (WebCrypto in the browser and in Node ≥ 20). The bureau
 * keeps the private key; institutions list public keys they trust in settings.
 */
import { toBase64Url } from './base64url';

export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid?: string;
}
export interface Ed25519PrivateJwk extends Ed25519PublicJwk {
  d: string;
}

export interface SigningKeys {
  keyId: string;
  publicJwk: Ed25519PublicJwk;
  privateJwk: Ed25519PrivateJwk;
}

/** A public key an institution trusts, with a name a person recognises. */
export interface TrustedKey {
  keyId: string;
  name: string;
  jwk: Ed25519PublicJwk;
}

const ALG = { name: 'Ed25519' } as const;

/** Short, stable id of a public key: the first 16 hex digits of SHA-256 over its `x`. */
export async function keyIdOf(jwk: Pick<Ed25519PublicJwk, 'x'>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(jwk.x));
  return [...new Uint8Array(digest)].slice(0, 8).map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  const pair = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  const priv = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
  const keyId = await keyIdOf({ x: pub.x! });
  return {
    keyId,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: pub.x!, kid: keyId },
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, d: priv.d!, kid: keyId },
  };
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function isPublicJwk(v: unknown): v is Ed25519PublicJwk {
  const o = v as Record<string, unknown>;
  return typeof v === 'object' && v !== null && o.kty === 'OKP' && o.crv === 'Ed25519' && isStr(o.x);
}
export function isPrivateJwk(v: unknown): v is Ed25519PrivateJwk {
  return isPublicJwk(v) && isStr((v as unknown as Record<string, unknown>).d);
}

export async function importPrivateKey(jwk: Ed25519PrivateJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, ALG, false, ['sign']);
}
export async function importPublicKey(jwk: Ed25519PublicJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, ALG, false, ['verify']);
}

/** A trusted-key entry from a pasted public JWK (the name defaults to the key id). */
export async function trustedKeyFrom(jwk: Ed25519PublicJwk, name?: string): Promise<TrustedKey> {
  const keyId = await keyIdOf(jwk);
  return { keyId, name: name?.trim() || keyId, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId } };
}

export const encodeSignature = (sig: ArrayBuffer): string => toBase64Url(new Uint8Array(sig));
