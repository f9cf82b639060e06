import { parameterChangeText, type ChangeKind, type PackDiff } from '../../core/editor/pack-diff';
import type { Lang } from '../../core/i18n/lang';
import { pick } from './lang';

const KIND: Record<ChangeKind, { zh: string; en: string }> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
};

const RULE_PART_ZH: Record<string, string> = {
  citation: '依据条文', severity: '级别', effective: '有效期', documents: '适用文书', params: '参数', forEach: '逐行检查', let: '计算值',
  when: '适用条件', assert: '须满足', paths: '显示位置', message: '提示', cases: '测试用例',
};
/** `message: a → b` / `cases` in Chinese */
const ruleDetailZh = (d: string) => {
  const [head, ...rest] = d.split(': ');
  return `${RULE_PART_ZH[head] ?? head}${rest.length ? `：${rest.join(': ')}` : ''}`;
};

/** A pack diff as a reviewer reads it: documents and fields by title, rules by id and message, reference entries. */
export function DiffView({ diff, lang }: { diff: PackDiff; lang: Lang }) {
  const k = (kind: ChangeKind) => <span class={`tag ${kind}`}>{pick(lang, KIND[kind].zh, KIND[kind].en)}</span>;
  return (
    <section class="diff" aria-label={pick(lang, '变更', 'Changes')}>
      <p>
        <strong>
          {diff.from.id} {diff.from.version} → {diff.to.version}
        </strong>{' '}
        {pick(lang, `生效日期 ${diff.to.effective}`, `effective ${diff.to.effective}`)}
      </p>
      {diff.to.changeNotes && <p class="notes">{pick(lang, diff.to.changeNotes.zh, diff.to.changeNotes.en ?? diff.to.changeNotes.zh)}</p>}
      {diff.empty && <p>{pick(lang, '内容无变化', 'No content changes')}</p>}
      <ul>
        {diff.documents.map((d) => (
          <li key={d.docId}>
            {k(d.kind)} {pick(lang, '文书', 'Document')} <strong>{d.title}</strong>
            {d.fields.length > 0 && (
              <ul>
                {d.fields.map((f) => (
                  <li key={f.pointer} data-diff-field={f.pointer}>
                    {k(f.kind)} {f.title} <code>{f.pointer}</code>
                    {f.details.length > 0 && <span class="details"> {(lang === 'zh' ? f.detailsZh : f.details).join(lang === 'zh' ? '；' : '; ')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {diff.rules.map((r) => (
          <li key={r.id} data-diff-rule={r.id}>
            {k(r.kind)} {pick(lang, '规则', 'Rule')} <code>{r.id}</code> {r.message}
            {r.details.length > 0 && <span class="details"> [{r.details.map((d) => (lang === 'zh' ? ruleDetailZh(d) : d)).join(lang === 'zh' ? '、' : ', ')}]</span>}
          </li>
        ))}
        {diff.reference.map((r) => (
          <li key={r.file}>
            {k(r.kind)} {pick(lang, '参考数据', 'Reference')} <code>{r.file}</code>
            {r.added.length > 0 && <span> +{r.added.join('、')}</span>}
            {r.removed.length > 0 && <span> −{r.removed.join('、')}</span>}
            {r.changed.length > 0 && <span> ~{r.changed.join('、')}</span>}
          </li>
        ))}
        {diff.parameters.map((p) => (
          <li key={`p:${p.name}`} data-diff-param={p.name}>
            {k(p.kind)} {pick(lang, '参数', 'Parameter')} <strong>{parameterChangeText(p, lang)}</strong>
          </li>
        ))}
        {diff.sources.map((s) => (
          <li key={`s:${s.id}`} data-diff-source={s.id}>
            {k(s.kind)} {pick(lang, '来源文件', 'Source document')} <strong>{s.label}</strong> {pick(lang, `（${s.articles} 条）`, `(${s.articles} articles)`)}
          </li>
        ))}
        {diff.files.map((f) => (
          <li key={f.file}>
            {k(f.kind)} <code>{f.file}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
