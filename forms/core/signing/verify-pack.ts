/**
 * Verifies a pack file before anything else looks at it: shape, hash of the files, and an Ed25519
 * signature by a key the institution trusts. Every refusal carries a reason a person can act on.
 */
import { PACK_LIMITS } from '../pack/limits';
import { nestsDeeperThan } from '../pack/json-depth';
import { packHash } from '../pack/pack-hash';
import type { PackFiles } from '../pack/types';
import { fromBase64Url } from './base64url';
import { importPublicKey, type TrustedKey } from './keys';
import { PACK_FORMAT, type SignedPackFile } from './pack-file';
import { signedBytes } from './sign-pack';

export type RefusalReason = 'malformed' | 'unsigned' | 'tampered' | 'untrusted' | 'bad-signature';

export type VerifyResult =
  | { ok: true; file: SignedPackFile; key: TrustedKey }
  | { ok: false; reason: RefusalReason; zh: string; en: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const refuse = (reason: RefusalReason, zh: string, en: string): VerifyResult => ({ ok: false, reason, zh, en });

export async function verifyPackFile(input: unknown, trusted: readonly TrustedKey[]): Promise<VerifyResult> {
  if (!isObj(input) || input.format !== PACK_FORMAT || !isObj(input.files) || typeof input.hash !== 'string') {
    return refuse('malformed', `不是文书包文件（须为 ${PACK_FORMAT} 格式）`, `not a pack file (expected format ${PACK_FORMAT})`);
  }
  if (nestsDeeperThan(input.files, PACK_LIMITS.depth + 2)) {
    return refuse('malformed', `文书包嵌套过深（上限 ${PACK_LIMITS.depth} 层），已拒绝`, `the pack is nested too deeply (limit ${PACK_LIMITS.depth}) and was refused`);
  }
  const sig = input.signature;
  if (!isObj(sig)) return refuse('unsigned', '文书包没有签名，已拒绝：只安装经信任的发布机构签名的文书包', 'the pack is not signed and was refused: only packs signed by a trusted publisher are installed');
  if (sig.alg !== 'Ed25519' || typeof sig.keyId !== 'string' || typeof sig.value !== 'string') {
    return refuse('malformed', '签名格式无效（须为 Ed25519）', 'the signature is malformed (expected Ed25519)');
  }
  const files = input.files as PackFiles;
  if ((await packHash(files)) !== input.hash) {
    return refuse('tampered', '文书包内容与其摘要不符，可能在传输中被篡改，已拒绝', 'the pack content does not match its hash: it may have been altered on the way, and was refused');
  }
  const key = trusted.find((k) => k.keyId === sig.keyId);
  if (!key) {
    return refuse('untrusted', `签名密钥 ${sig.keyId} 不在受信任的密钥列表中，已拒绝（请在设置中添加主管部门公布的公钥）`, `signing key ${sig.keyId} is not among the trusted keys and the pack was refused (add the bureau's published public key in settings)`);
  }
  const bytes = fromBase64Url(sig.value);
  const body = { format: PACK_FORMAT, hash: input.hash, files } as const;
  let valid = false;
  try {
    valid = !!bytes && (await crypto.subtle.verify({ name: 'Ed25519' }, await importPublicKey(key.jwk), bytes as BufferSource, signedBytes(body) as BufferSource));
  } catch {
    valid = false;
  }
  if (!valid) {
    return refuse('bad-signature', `签名验证失败：文书包被改动过，或不是由密钥 ${key.name} 签名，已拒绝`, `the signature does not verify: the pack was altered or not signed by key ${key.name}, and was refused`);
  }
  return { ok: true, file: { ...body, signature: { alg: 'Ed25519', keyId: sig.keyId, value: sig.value } }, key };
}
