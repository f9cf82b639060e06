import type { FieldProps } from '@rjsf/utils';
import { useContext, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { FormKitContext, useFormLang } from './form-context';

interface Attachment {
  blobId?: string;
  name?: string;
  type?: string;
  size?: number;
  sha256?: string;
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const formatSize = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);

/** An evidence file: kept as a blob by the drafts store; the form keeps name, type, size and SHA-256. */
export function AttachmentField(props: FieldProps) {
  const { formData, onChange, fieldPathId, disabled, readonly } = props;
  const ctx = useContext(FormKitContext);
  const lang = useFormLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = (formData ?? {}) as Attachment;
  const id = fieldPathId.$id;
  return (
    <div class="attachment">
      <label class="field-label" for={id}>
        {t('attachFile', lang)}
      </label>
      <input
        id={id}
        type="file"
        disabled={disabled || readonly || busy}
        onChange={async (e) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (!file) return;
          setBusy(true);
          setError(null);
          try {
            const sha256 = await sha256Hex(file);
            const blobId = ctx?.saveBlob ? await ctx.saveBlob(file) : undefined;
            onChange({ blobId, name: file.name, type: file.type || 'application/octet-stream', size: file.size, sha256 }, fieldPathId.path);
          } catch (err) {
            setError(`${t('attachFailed', lang)}：${(err as Error).message}`);
          } finally {
            setBusy(false);
          }
        }}
      />
      {value.name && (
        <dl class="attachment-meta">
          <dt>{t('fileName', lang)}</dt>
          <dd>{value.name}</dd>
          <dt>{t('fileType', lang)}</dt>
          <dd>{value.type}</dd>
          <dt>{t('fileSize', lang)}</dt>
          <dd>{value.size !== undefined ? formatSize(value.size) : ''}</dd>
          <dt>SHA-256</dt>
          <dd class="mono" title={value.sha256}>
            {value.sha256}
          </dd>
        </dl>
      )}
      {error && <p class="finding error" role="alert">{error}</p>}
    </div>
  );
}
