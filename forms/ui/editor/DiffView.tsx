import { parameterChangeText, type ChangeKind, type PackDiff } from '../../core/editor/pack-diff';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

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
  const k = (kind: ChangeKind) => <span class={`tag ${kind}`}>{textIn(KIND[kind], lang)}</span>;
  return (
    <section class="diff" aria-label={textIn({ zh: '变更', en: 'Changes' }, lang)}>
      <p>
        <strong>
          {diff.from.id} {diff.from.version} → {diff.to.version}
        </strong>{' '}
        {textIn({ zh: `生效日期 ${diff.to.effective}`, en: `effective ${diff.to.effective}` }, lang)}
      </p>
      {diff.to.changeNotes && <p class="notes">{textIn(diff.to.changeNotes, lang)}</p>}
      {diff.empty && <p>{textIn({ zh: '内容无变化', en: 'No content changes' }, lang)}</p>}
      <ul>
        {diff.documents.map((d) => (
          <li key={d.docId}>
            {k(d.kind)} {textIn({ zh: '文书', en: 'Document' }, lang)} <strong>{d.title}</strong>
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
            {k(r.kind)} {textIn({ zh: '规则', en: 'Rule' }, lang)} <code>{r.id}</code> {r.message}
            {r.details.length > 0 && <span class="details"> [{r.details.map((d) => (lang === 'zh' ? ruleDetailZh(d) : d)).join(lang === 'zh' ? '、' : ', ')}]</span>}
          </li>
        ))}
        {diff.reference.map((r) => (
          <li key={r.file}>
            {k(r.kind)} {textIn({ zh: '参考数据', en: 'Reference' }, lang)} <code>{r.file}</code>
            {r.added.length > 0 && <span> +{r.added.join('、')}</span>}
            {r.removed.length > 0 && <span> −{r.removed.join('、')}</span>}
            {r.changed.length > 0 && <span> ~{r.changed.join('、')}</span>}
          </li>
        ))}
        {diff.parameters.map((p) => (
          <li key={`p:${p.name}`} data-diff-param={p.name}>
            {k(p.kind)} {textIn({ zh: '参数', en: 'Parameter' }, lang)} <strong>{parameterChangeText(p, lang)}</strong>
          </li>
        ))}
        {diff.sources.map((s) => (
          <li key={`s:${s.id}`} data-diff-source={s.id}>
            {k(s.kind)} {textIn({ zh: '来源文件', en: 'Source document' }, lang)} <strong>{s.label}</strong> {textIn({ zh: `（${s.articles} 条）`, en: `(${s.articles} articles)` }, lang)}
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
