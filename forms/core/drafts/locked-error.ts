/**
 * Errors of encryption at rest that the user must be able to act on. Both carry zh/en texts and a
 * `kind`, so autosave and the pages show them like any other storage fault (data kept in memory).
 */

/** Encryption is on and this page has no key: nothing may be written until the passphrase is entered. */
export class LockedError extends Error {
  readonly kind = 'locked';
  readonly zh = '草稿已加密：请先输入密码解锁，再保存或执行此操作。内容仍在本页中，尚未写入。';
  readonly en = 'Drafts are encrypted: enter the passphrase first, then save or retry. Nothing was written; your input is still on this page.';
  constructor() {
    super('locked');
    this.name = 'LockedError';
  }
}

/** A sealed draft with no lock stored to open it (or a key that does not open it): never shown as an empty form. */
export class UndecryptableDraftError extends Error {
  readonly kind = 'undecryptable';
  readonly zh: string;
  readonly en: string;
  constructor(readonly draftId: string) {
    super(`draft ${draftId} is sealed and cannot be decrypted`);
    this.name = 'UndecryptableDraftError';
    this.zh = `此草稿已加密，但无法解密（缺少密钥参数或密钥不符）。草稿未被改动，也不会以空白表单打开；如有导出的备份请导入备份。`;
    this.en = `This draft is encrypted but cannot be decrypted (the key parameters are missing or do not match). It was not changed and is not opened as an empty form; import an exported copy if you have one.`;
  }
}
