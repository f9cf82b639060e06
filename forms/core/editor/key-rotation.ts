/**
 * Changing the bureau's signing key without asking every institution to act: the next pack, still
 * signed by the old key, announces the new public key in its manifest (`keyRotation`). An institution
 * that installs it trusts the new key as well, and the old one only until the end of the overlap.
 */
import { dateProblem } from '../formats/calendar-date';
import type { PackFiles } from '../pack/types';
import { isPublicJwk, trustedKeyFrom, type Ed25519PublicJwk, type TrustedKey } from '../signing/keys';
import type { PackProblem } from './problem';

export interface KeyRotation {
  /** the public key that signs the versions after this one */
  newKey: Ed25519PublicJwk;
  /** last day on which packs signed by the old key are still installed */
  overlapUntil: string;
}

/** A trusted key with the last day it is trusted, when a rotation has set one. */
export type TrustedKeyUntil = TrustedKey & { until?: string };

/** The manifest with the announcement appended (its other keys keep their order). */
export function announceRotation(files: PackFiles, rotation: KeyRotation): PackFiles {
  const manifest = files['pack.json'] as Record<string, unknown>;
  const { keyRotation: _, ...rest } = manifest;
  return { ...files, 'pack.json': { ...rest, keyRotation: { newKey: { kty: 'OKP', crv: 'Ed25519', x: rotation.newKey.x, kid: rotation.newKey.kid }, overlapUntil: rotation.overlapUntil } } };
}

export function rotationOf(files: PackFiles): KeyRotation | null {
  const r = (files['pack.json'] as { keyRotation?: Partial<KeyRotation> } | undefined)?.keyRotation;
  return r && isPublicJwk(r.newKey) && typeof r.overlapUntil === 'string' && dateProblem(r.overlapUntil) === null ? (r as KeyRotation) : null;
}

export function rotationProblems(files: PackFiles): PackProblem[] {
  const r = (files['pack.json'] as { keyRotation?: unknown } | undefined)?.keyRotation;
  if (r === undefined || rotationOf(files)) return [];
  return [{ where: 'pack.json#/keyRotation', zh: '密钥轮换须有新公钥（Ed25519 JWK）和过渡期截止日期（YYYY-MM-DD）', en: 'a key rotation needs the new public key (Ed25519 JWK) and the end of the overlap (YYYY-MM-DD)' }];
}

/** Keys usable on `today`: a rotated-out key stops being trusted after its overlap. */
export const keysInForce = (trusted: readonly TrustedKeyUntil[], today: string): TrustedKeyUntil[] => trusted.filter((k) => !k.until || k.until >= today);

/**
 * The trusted keys after installing a pack signed by `signer` that announces a rotation: the new key
 * is added (named after the signer), the signer is kept until the overlap ends.
 */
export async function trustAfterRotation(trusted: readonly TrustedKeyUntil[], signer: TrustedKey, rotation: KeyRotation): Promise<TrustedKeyUntil[]> {
  const added = await trustedKeyFrom(rotation.newKey, `${signer.name}（新密钥）`);
  const out = trusted.map((k) => (k.keyId === signer.keyId && k.keyId !== added.keyId ? { ...k, until: rotation.overlapUntil } : k));
  return out.some((k) => k.keyId === added.keyId) ? out : [...out, added];
}
