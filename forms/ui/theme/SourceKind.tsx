import type { Finding } from '../../core/findings/finding';

/** Which kind of source a finding rests on (通知 / 国家规定 / 表单要求), so a form requirement never reads as policy. */
export function SourceKind({ basis }: { basis: Finding['basis'] }) {
  if (!basis) return null;
  return (
    <span class={`source-kind ${basis.type}${basis.confirmed === false ? ' unconfirmed' : ''}`} data-source-kind={basis.type} title={basis.document}>
      {basis.label}
    </span>
  );
}
