/**
 * Storage faults as typed errors the UI can explain. Whatever the fault, the autosave
 * controller keeps the data in memory, offers export and retries, so each message says so.
 */
export type StorageFaultKind = 'quota' | 'blocked' | 'aborted' | 'unavailable' | 'outdated' | 'unknown';

const MESSAGES: Record<StorageFaultKind, { zh: string; en: string }> = {
  quota: {
    zh: '存储空间已满，草稿暂未保存。内容仍在本页中，请先导出备份，或删除不用的草稿后会自动重试。',
    en: 'Storage is full, so the draft is not saved yet. It is still on this page: export a copy, or delete unused drafts; saving retries automatically.',
  },
  blocked: {
    zh: '数据库升级被另一个打开的旧页面阻塞，草稿暂未保存。请关闭其他本扩展的页面；内容仍在本页中，可先导出。',
    en: 'A database upgrade is blocked by another open page of this extension, so the draft is not saved yet. Close the other pages; the draft is still here and can be exported.',
  },
  aborted: {
    zh: '保存被中断（事务已中止），草稿暂未保存。内容仍在本页中，稍后会自动重试，也可先导出。',
    en: 'Saving was interrupted (the transaction was aborted). The draft is still on this page; saving retries shortly, and you can export it now.',
  },
  unavailable: {
    zh: '浏览器存储不可用（例如隐私/无痕模式），草稿无法保存到本机。内容仍在本页中，请导出为文件保存。',
    en: 'Browser storage is unavailable (for example in private mode), so drafts cannot be kept on this computer. The draft is still on this page: export it to a file.',
  },
  outdated: {
    zh: '扩展已更新，草稿数据库已升级到新版本，本页是旧版本。内容仍在本页中：请先导出，再刷新页面。',
    en: 'The extension was updated and its drafts database upgraded; this page is from the old version. The draft is still here: export it, then reload the page.',
  },
  unknown: {
    zh: '保存时出错，草稿暂未保存。内容仍在本页中，稍后会自动重试，也可先导出。',
    en: 'Saving failed. The draft is still on this page; saving retries shortly, and you can export it now.',
  },
};

export class StorageError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly kind: StorageFaultKind,
    readonly detail?: string,
  ) {
    super(`storage ${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'StorageError';
    this.zh = MESSAGES[kind].zh;
    this.en = MESSAGES[kind].en;
  }
}

function nameOf(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string') return (e as { name: string }).name;
  return '';
}

/**
 * Maps whatever IndexedDB threw to a StorageError. A transaction aborted because of quota surfaces
 * as an AbortError whose transaction error is QuotaExceededError, so the cause is checked first.
 */
export function toStorageError(e: unknown, cause?: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const names = [nameOf(cause), nameOf(e)];
  const detail = e instanceof Error ? e.message : String(e);
  if (names.includes('QuotaExceededError')) return new StorageError('quota', detail);
  if (names.includes('AbortError') || names.includes('TransactionInactiveError')) return new StorageError('aborted', detail);
  if (names.includes('VersionError')) return new StorageError('outdated', detail);
  if (names.some((n) => n === 'InvalidStateError' || n === 'SecurityError' || n === 'UnknownError' || n === 'NotFoundError')) {
    return new StorageError('unavailable', detail);
  }
  return new StorageError('unknown', detail);
}
