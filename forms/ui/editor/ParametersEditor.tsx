import { useMemo, useState } from 'preact/hooks';
import { pinParameter } from '../../core/editor/case-pinning';
import { fillParams, parameterValues, placeholderUses } from '../../core/pack/param-texts';
import type { Citation, Localized, Pack, PackFiles, PackManifest, SourceDocument } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { SourceEditor } from './SourceEditor';
import { textIn } from '../../core/i18n/text';

const PARAMS = 'rules/parameters.json';

interface ParameterEntry {
  value: unknown;
  citation?: Citation;
  description?: Localized;
  /** the unit the value is counted in (个月, 人, 天) */
  unit?: Localized;
}

type ParamsFile = { parameters?: Record<string, ParameterEntry> } & Record<string, unknown>;

export interface ParametersEditorProps {
  lang: Lang;
  files: PackFiles;
  pack: Pack | null;
  onFiles(files: PackFiles): void;
}

const citeKey = (c?: Citation) => (c ? `${c.source}|${c.article}` : '');

/** Every article of every source, for a citation choice. */
export function CitationSelect({ lang, sources, value, onChange, name, label }: { lang: Lang; sources: Record<string, SourceDocument>; value?: Citation; onChange(c: Citation | undefined): void; name: string; /** its name where no <label> wraps it (a table cell) */ label?: string }) {
  return (
    <select name={name} aria-label={label} value={citeKey(value)} required onChange={(e) => {
      const [source, article] = e.currentTarget.value.split('|');
      onChange(source ? { source, article } : undefined);
    }}>
      <option value="">{textIn({ zh: '— 请选择条款 —', en: '— choose an article —' }, lang)}</option>
      {Object.entries(sources).map(([id, src]) => (
        <optgroup key={id} label={src.document.number ?? src.document.title}>
          {src.articles.map((a) => (
            <option key={a.id} value={`${id}|${a.id}`}>
              {a.label} {a.heading ?? a.text.slice(0, 24)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

const kindOf = (v: unknown): 'number' | 'date' | 'text' | 'json' =>
  typeof v === 'number' ? 'number' : typeof v === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'text') : 'json';

/**
 * 参数: the named values the notice sets (the renewal window, lists of measures), each with its title,
 * unit and the article that sets it. Texts that state a parameter write `{name}` and follow its value;
 * rule cases written for the old value keep it (case-pinning.ts).
 */
export function ParametersEditor({ lang, files, pack, onFiles }: ParametersEditorProps) {
  const file = (files[PARAMS] ?? { parameters: {} }) as ParamsFile;
  const params = file.parameters ?? {};
  const sources = pack?.sources ?? {};
  const uses = useMemo(() => placeholderUses(files), [files]);
  const values = parameterValues(files);
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState<{ name: string; zh: string; en: string; value: string; unit: string; citation?: Citation } | null>(null);
  const [addError, setAddError] = useState('');

  const write = (next: Record<string, ParameterEntry>, base: PackFiles = files) => onFiles({ ...base, [PARAMS]: { ...file, parameters: next } });
  const patch = (name: string, p: Partial<ParameterEntry>) => write({ ...params, [name]: { ...params[name], ...p } });

  const setValue = (name: string, value: unknown) => {
    const old = params[name]?.value;
    if (JSON.stringify(old) === JSON.stringify(value)) return;
    // cases written for the old value keep it, so they still test what they were written for
    const pinned = pinParameter(files, name, old);
    write({ ...params, [name]: { ...params[name], value } }, pinned.files);
    const title = params[name]?.description?.zh ?? name;
    const unit = params[name]?.unit?.zh ?? '';
    setStatus(
      textIn({ zh: `${title} ${JSON.stringify(old)} → ${JSON.stringify(value)}${unit}；引用此参数的 ${uses.filter((u) => u.name === name).length} 处文字随之更新${pinned.pinned.length ? `；${pinned.pinned.length} 个规则用例按原值 ${JSON.stringify(old)} 保留（用例中写明了所依据的参数值）` : ''}`, en: `${params[name]?.description?.en ?? name} ${JSON.stringify(old)} → ${JSON.stringify(value)}; ${uses.filter((u) => u.name === name).length} text(s) citing it follow${pinned.pinned.length ? `; ${pinned.pinned.length} rule case(s) keep the old value ${JSON.stringify(old)} (now written in the case)` : ''}` }, lang),
    );
  };

  const add = () => {
    if (!adding) return;
    setAddError('');
    if (!/^[a-z][A-Za-z0-9]*$/.test(adding.name)) return setAddError(textIn({ zh: '参数名用英文字母和数字，以小写字母开头（如 renewalWindowMonths）', en: 'the name uses letters and digits and starts lower-case (like renewalWindowMonths)' }, lang));
    if (Object.hasOwn(params, adding.name)) return setAddError(textIn({ zh: `参数 ${adding.name} 已存在`, en: `parameter ${adding.name} exists` }, lang));
    if (!adding.zh.trim()) return setAddError(textIn({ zh: '请填写中文标题', en: 'enter the Chinese title' }, lang));
    if (!adding.citation) return setAddError(textIn({ zh: '请选择设定此参数的条款', en: 'choose the article that sets this parameter' }, lang));
    const n = Number(adding.value);
    const value = adding.value.trim() !== '' && Number.isFinite(n) ? n : adding.value;
    write({
      ...params,
      [adding.name]: {
        value,
        citation: adding.citation,
        description: { zh: adding.zh.trim(), en: adding.en.trim() || adding.zh.trim() },
        ...(adding.unit.trim() ? { unit: { zh: adding.unit.trim() } } : {}),
      },
    });
    setAdding(null);
  };

  return (
    <section class="parameters card" aria-label={textIn({ zh: '参数', en: 'Parameters' }, lang)}>
      <h2>{textIn({ zh: '参数', en: 'Parameters' }, lang)}</h2>
      <p class="hint">
        {textIn({ zh: '通知设定的数值（期限、人数、措施清单）。说明文字中写 {参数名} 即取参数值，写 {参数名|cn} 写成中文数字（三、六），{参数名|en} 写成英文（three）。', en: 'Values the notice sets (periods, counts, lists of measures). A text writes {name} to take the value, {name|cn} for a Chinese numeral (三), {name|en} for English words (three).' }, lang)}
      </p>
      <table class="params">
        <thead>
          <tr>
            <th>{textIn({ zh: '参数', en: 'Parameter' }, lang)}</th>
            <th>{textIn({ zh: '标题（中文 / 英文）', en: 'Title (Chinese / English)' }, lang)}</th>
            <th>{textIn({ zh: '值', en: 'Value' }, lang)}</th>
            <th>{textIn({ zh: '单位', en: 'Unit' }, lang)}</th>
            <th>{textIn({ zh: '依据', en: 'Citation' }, lang)}</th>
            <th>{textIn({ zh: '引用它的文字', en: 'Texts citing it' }, lang)}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(params).map(([name, p]) => {
            const kind = kindOf(p.value);
            const mine = uses.filter((u) => u.name === name);
            return (
              <tr key={name} data-param={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <input aria-label={textIn({ zh: `${name} 中文标题`, en: `${name} Chinese title` }, lang)} name="param-title-zh" value={p.description?.zh ?? ''} onChange={(e) => patch(name, { description: { ...p.description, zh: e.currentTarget.value } })} />
                  <input aria-label={textIn({ zh: `${name} 英文标题`, en: `${name} English title` }, lang)} name="param-title-en" lang="en" value={p.description?.en ?? ''} onChange={(e) => patch(name, { description: { zh: p.description?.zh ?? '', en: e.currentTarget.value } })} />
                </td>
                <td>
                  {kind === 'json' ? (
                    <JsonValue lang={lang} name={name} value={p.value} onValue={(v) => setValue(name, v)} />
                  ) : (
                    <input
                      name="param-value"
                      aria-label={textIn({ zh: `${p.description?.zh ?? name} 的值`, en: `value of ${p.description?.en ?? name}` }, lang)}
                      type={(kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text') as 'text'}
                      value={String(p.value)}
                      onChange={(e) => {
                        const t = e.currentTarget.value;
                        if (kind === 'number') {
                          const n = Number(t);
                          if (t.trim() === '' || !Number.isFinite(n)) return setStatus(textIn({ zh: `${name}：请填写数字`, en: `${name}: enter a number` }, lang));
                          setValue(name, n);
                        } else setValue(name, t);
                      }}
                    />
                  )}
                </td>
                <td>
                  <input name="param-unit" aria-label={textIn({ zh: `${name} 单位`, en: `${name} unit` }, lang)} size={4} value={p.unit?.zh ?? ''} onChange={(e) => patch(name, { unit: e.currentTarget.value ? { zh: e.currentTarget.value, en: p.unit?.en } : undefined })} />
                </td>
                <td>
                  <CitationSelect lang={lang} name="param-citation" label={textIn({ zh: `${name} 依据条款`, en: `${name} cited article` }, lang)} sources={sources} value={p.citation} onChange={(c) => c && patch(name, { citation: c })} />
                </td>
                <td class="uses">
                  {mine.length ? (
                    <details>
                      <summary>{textIn({ zh: `${mine.length} 处`, en: `${mine.length}` }, lang)}</summary>
                      <ul>
                        {mine.map((u, i) => (
                          <li key={i}>
                            <code>{u.file}</code> {fillParams(u.text, values)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {status && <p role="status">{status}</p>}
      {adding ? (
        <div class="card add-param" role="group" aria-label={textIn({ zh: '新参数', en: 'New parameter' }, lang)}>
          <div class="row">
            <label>
              {textIn({ zh: '参数名（英文）', en: 'Name' }, lang)}
              <input name="new-param-name" value={adding.name} onInput={(e) => setAdding({ ...adding, name: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '中文标题', en: 'Chinese title' }, lang)}
              <input name="new-param-zh" value={adding.zh} onInput={(e) => setAdding({ ...adding, zh: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '英文标题', en: 'English title' }, lang)}
              <input name="new-param-en" value={adding.en} onInput={(e) => setAdding({ ...adding, en: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '值', en: 'Value' }, lang)}
              <input name="new-param-value" value={adding.value} onInput={(e) => setAdding({ ...adding, value: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '单位', en: 'Unit' }, lang)}
              <input name="new-param-unit" size={4} value={adding.unit} onInput={(e) => setAdding({ ...adding, unit: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '依据条款', en: 'Article' }, lang)}
              <CitationSelect lang={lang} name="new-param-citation" sources={sources} value={adding.citation} onChange={(c) => setAdding({ ...adding, citation: c })} />
            </label>
          </div>
          {addError && (
            <p class="error" role="alert">
              {addError}
            </p>
          )}
          <button type="button" class="btn primary" onClick={add}>
            {textIn({ zh: '添加参数', en: 'Add the parameter' }, lang)}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setAdding(null)}>
            {textIn({ zh: '取消', en: 'Cancel' }, lang)}
          </button>
        </div>
      ) : (
        <button type="button" class="btn" onClick={() => setAdding({ name: '', zh: '', en: '', value: '', unit: '' })}>
          {textIn({ zh: '新增参数', en: 'New parameter' }, lang)}
        </button>
      )}
      <SourceEditor lang={lang} files={files} manifest={files['pack.json'] as PackManifest} onFiles={onFiles} />
    </section>
  );
}

function JsonValue({ lang, name, value, onValue }: { lang: Lang; name: string; value: unknown; onValue(v: unknown): void }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 1));
  const [bad, setBad] = useState('');
  return (
    <>
      <textarea
        class="mono"
        rows={3}
        name="param-json"
        aria-label={textIn({ zh: `${name} 的值（JSON）`, en: `${name} value (JSON)` }, lang)}
        aria-invalid={!!bad}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => {
          try {
            onValue(JSON.parse(e.currentTarget.value));
            setBad('');
          } catch (err) {
            setBad(textIn({ zh: `JSON 格式错误：${(err as Error).message}`, en: `JSON syntax error: ${(err as Error).message}` }, lang));
          }
        }}
      />
      {bad && <span class="error">{bad}</span>}
    </>
  );
}
