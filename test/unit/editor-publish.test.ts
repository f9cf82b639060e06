import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetExtensionStore } from '../../shared/storage/extension-store';
import { decryptKeyBackup, encryptKeyBackup, passphraseProblem } from '../../forms/core/editor/key-backup';
import { announceRotation, keysInForce, rotationOf, trustAfterRotation } from '../../forms/core/editor/key-rotation';
import { checkPack } from '../../forms/core/editor/check-pack';
import { publishVersion } from '../../forms/core/editor/publish';
import { highestVersion, readHistory, type PublishedVersion } from '../../forms/core/editor/publish-history';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';
import { loadPublishHistory, recordPublished } from '../../forms/ui/editor/editor-storage';

const files = (JSON.parse(readFileSync('generated/pack.json', 'utf8')) as { files: PackFiles }).files;
const base = parsePack(files);
const notes = { zh: '说明', en: 'notes' };
// every test starts from an empty extension database (a fresh profile)
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
});
const entry = (version: string): PublishedVersion => ({ version, at: '2026-01-01T00:00:00Z', effective: '2026-01-01', notes, hash: `h${version}`, keyId: 'k' });

describe('version numbers are never published twice', () => {
  it('refuses a version not above the last published one, saying which number to use', () => {
    const last = highestVersion(base.manifest.version, [entry('9.0.1'), entry('9.0.3'), entry('9.0.2')]);
    expect(last).toBe('9.0.3');
    const again = publishVersion(base, base, { version: '9.0.1', effective: '2026-01-01', changeNotes: notes, lastPublished: last });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems[0].zh).toBe('版本号 9.0.1 不高于已发布的 9.0.3：同一版本号不能发布两次，请改为 9.0.4 或更高');
    expect(publishVersion(base, base, { version: '9.0.4', effective: '2026-01-01', changeNotes: notes, lastPublished: last }).ok).toBe(true);
    const bad = publishVersion(base, base, { version: 'v2', effective: '2026-01-01', changeNotes: notes });
    expect(!bad.ok && bad.problems[0].zh).toContain('三段数字');
  });

  it('keeps the history across a reload (storage), skipping damaged entries', async () => {
    const keys = await generateSigningKeys();
    const signed = await signPack(files, keys.privateJwk);
    await recordPublished(entry('1.0.1'), signed);
    await recordPublished(entry('1.0.2'), signed);
    expect((await loadPublishHistory()).map((e) => e.version)).toEqual(['1.0.1', '1.0.2']);
    expect(readHistory([entry('1.0.1'), { version: 3 }, null])).toHaveLength(1);
  });
});

describe('signing key backup (PBKDF2 + AES-GCM)', () => {
  it('round-trips with the passphrase and refuses a wrong one or a damaged file in Chinese', async () => {
    const keys = await generateSigningKeys();
    const backup = await encryptKeyBackup(keys, 'correct horse battery');
    expect(JSON.stringify(backup)).not.toContain(keys.privateJwk.d);
    const back = await decryptKeyBackup(JSON.parse(JSON.stringify(backup)), 'correct horse battery');
    expect(back.ok && back.keys.privateJwk.d).toBe(keys.privateJwk.d);
    const wrong = await decryptKeyBackup(backup, 'wrong horse battery');
    expect(!wrong.ok && wrong.zh).toBe('口令不正确，或备份文件被改动过');
    const damaged = await decryptKeyBackup({ ...backup, data: backup.data.slice(0, -4) + 'AAAA' }, 'correct horse battery');
    expect(damaged.ok).toBe(false);
    expect((await decryptKeyBackup({ format: 'x' }, 'p')).ok).toBe(false);
    expect(passphraseProblem('short')?.zh).toContain('至少');
    expect(passphraseProblem('long enough pass', 'other')?.zh).toBe('两次输入的口令不一致');
  });
});

describe('key rotation institutions follow', () => {
  it('a pack signed by the old key announces the new one; after installing it both are trusted until the overlap ends', async () => {
    const oldKey = await generateSigningKeys();
    const newKey = await generateSigningKeys();
    const trustedOld = await trustedKeyFrom(oldKey.publicJwk, '市鉴定中心');
    const announcing = announceRotation(files, { newKey: newKey.publicJwk, overlapUntil: '2027-03-31' });
    expect(checkPack(announcing, { runCases: false })).toEqual([]);
    // the manifest keeps its key order, the announcement comes last
    expect(Object.keys(announcing['pack.json'] as object)).toEqual([...Object.keys(files['pack.json'] as object), 'keyRotation']);
    const v = await verifyPackFile(await signPack(announcing, oldKey.privateJwk), [trustedOld]);
    if (!v.ok) throw new Error(v.zh);
    const rotation = rotationOf(v.file.files)!;
    const after = await trustAfterRotation([trustedOld], v.key, rotation);
    expect(after.map((k) => [k.keyId, k.until])).toEqual([
      [oldKey.keyId, '2027-03-31'],
      [newKey.keyId, undefined],
    ]);
    expect(after[1].name).toBe('市鉴定中心（新密钥）');
    // a later pack signed by the new key installs; the old key stops after the overlap
    expect((await verifyPackFile(await signPack(files, newKey.privateJwk), keysInForce(after, '2027-03-31'))).ok).toBe(true);
    expect(keysInForce(after, '2027-03-31').map((k) => k.keyId)).toContain(oldKey.keyId);
    expect(keysInForce(after, '2027-04-01').map((k) => k.keyId)).toEqual([newKey.keyId]);
  });

  it('refuses a malformed announcement', () => {
    const bad = { ...files, 'pack.json': { ...(files['pack.json'] as object), keyRotation: { newKey: { kty: 'RSA' }, overlapUntil: 'soon' } } };
    expect(checkPack(bad, { runCases: false }).map((p) => p.where)).toContain('pack.json#/keyRotation');
  });
});
