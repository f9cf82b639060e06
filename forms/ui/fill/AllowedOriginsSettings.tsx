import { useEffect, useState } from 'preact/hooks';
import { parseOriginList, type OriginListProblem } from '../../core/fill/origin';
import type { Lang } from '../../core/i18n/lang';
import { saveUserOrigins, userOrigins } from '../../../shared/autofill/store';
import { textIn } from '../../core/i18n/text';


/**
 * Portal addresses the user adds to those the pack lists (autofill fills nowhere else). Nothing is
 * saved while any line is wrong; each wrong line is named.
 */
export function AllowedOriginsSettings({ lang }: { lang: Lang }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<OriginListProblem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    userOrigins().then((list) => setText(list.join('\n')), () => undefined);
  }, []);
  const save = async () => {
    const r = parseOriginList(text);
    setProblems(r.problems);
    setSaved(null);
    if (r.problems.length) return;
    await saveUserOrigins(r.patterns);
    setText(r.patterns.join('\n'));
    setSaved(textIn({ zh: `已保存 ${r.patterns.length} 个来源`, en: `Saved ${r.patterns.length} origin(s)` }, lang));
  };
  return (
    <div class="allowed-origins">
      <h3>{textIn({ zh: '允许自动填写的其他门户', en: 'Other portals autofill may fill' }, lang)}</h3>
      <label>
        {textIn({ zh: '每行一个来源（文书包已列出的门户无需添加）', en: 'One origin a line (portals the pack lists need not be added)' }, lang)}
        <textarea
          name="allowed-origins"
          rows={3}
          class="mono"
          placeholder="https://example.gov.cn"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="button" class="btn" onClick={save}>
        {textIn({ zh: '保存', en: 'Save' }, lang)}
      </button>
      {problems.length > 0 && (
        <ul class="finding error" role="alert">
          {problems.map((p) => (
            <li key={p.line}>
              {textIn({ zh: `第${p.line}行`, en: `Line ${p.line}` }, lang)} <code>{p.text}</code>：{p[lang]}
            </li>
          ))}
        </ul>
      )}
      {saved && <p role="status">{saved}</p>}
    </div>
  );
}
