import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';
import { CitationBadge } from './CitationBadge';
import { SourceKind } from './SourceKind';

/** Findings under one field: message, severity, and the article when a rule raised it. */
export function FindingList({ pack, findings, id }: { pack: Pack; findings: Finding[]; id: string }) {
  if (!findings.length) return null;
  return (
    // role="alert" on a wrapper: on the <ul> itself it would replace the list role and orphan the items (axe: listitem)
    <div role="alert">
      <ul class="field-findings" id={id}>
      {findings.map((f) => (
        <li class={`finding ${f.severity}`} key={`${f.ruleId ?? f.keyword}:${f.message}`}>
          <span>{f.message}</span>
          {f.citation && <CitationBadge pack={pack} citation={f.citation} />}
          <SourceKind basis={f.basis} />
        </li>
      ))}
      </ul>
    </div>
  );
}
