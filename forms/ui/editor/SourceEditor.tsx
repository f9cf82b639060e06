import { useState } from 'preact/hooks';
import type { Article, PackFiles, PackManifest, SourceDocument } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

export interface SourceEditorProps {
  lang: Lang;
  files: PackFiles;
  manifest: PackManifest;
  onFiles(files: PackFiles): void;
}

type Draft = { id: string; number: string; title: string; issuer: string; issued: string; effective: string; articles: Article[] };

const EMPTY: Draft = { id: '', number: '', title: '', issuer: '', issued: '', effective: '', articles: [{ id: '1', label: '一', text: '' }] };

/** What is wrong with a new source, in both languages; null when it can be added. */
export function sourceProblem(d: Draft, existing: string[]): { zh: string; en: string } | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(d.id)) return { zh: '来源编号用小写字母、数字和连字符（如 hrss-sh-2025-8）', en: 'the source id uses lower-case letters, digits and hyphens (like hrss-sh-2025-8)' };
  if (existing.includes(d.id)) return { zh: `来源 ${d.id} 已存在`, en: `source ${d.id} exists` };
  if (!d.title.trim()) return { zh: '请填写文件标题', en: 'enter the document title' };
  if (!d.number.trim()) return { zh: '请填写文号（如 沪人社职〔2025〕8号）', en: 'enter the document number' };
  for (const key of ['issued', 'effective'] as const) {
    if (d[key] && !/^\d{4}-\d{2}-\d{2}$/.test(d[key])) return { zh: '日期须为 YYYY-MM-DD', en: 'dates are YYYY-MM-DD' };
  }
  if (!d.articles.length) return { zh: '至少要有一条条款', en: 'add at least one article' };
  const ids = new Set<string>();
  for (const [i, a] of d.articles.entries()) {
    if (!/^[0-9A-Za-z][0-9A-Za-z.-]*$/.test(a.id)) return { zh: `第 ${i + 1} 条：条款编号用数字和点（如 2.1）`, en: `article ${i + 1}: the id uses digits and dots (like 2.1)` };
    if (ids.has(a.id)) return { zh: `第 ${i + 1} 条：条款编号 ${a.id} 重复`, en: `article ${i + 1}: id ${a.id} repeats` };
    ids.add(a.id);
    if (!a.label.trim() || !a.text.trim()) return { zh: `第 ${i + 1} 条：请填写条款标签和条文`, en: `article ${i + 1}: enter its label and text` };
  }
  return null;
}

/** The notice and any later one: list them, and add a new source document whose articles rules can cite. */
export function SourceEditor({ lang, files, manifest, onFiles }: SourceEditorProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const sources = manifest?.sources ?? [];

  const add = () => {
    if (!draft) return;
    const p = sourceProblem(draft, sources.map((s) => s.id));
    if (p) return setError(textIn(p, lang));
    const file = `sources/${draft.id}.json`;
    const doc: SourceDocument = {
      document: {
        id: draft.id,
        number: draft.number.trim(),
        title: draft.title.trim(),
        ...(draft.issuer.trim() ? { issuer: draft.issuer.trim() } : {}),
        ...(draft.issued ? { issued: draft.issued } : {}),
        ...(draft.effective ? { effective: draft.effective } : {}),
      },
      articles: draft.articles.map((a) => ({ id: a.id.trim(), label: a.label.trim(), ...(a.heading?.trim() ? { heading: a.heading.trim() } : {}), text: a.text.trim() })),
    };
    onFiles({ ...files, [file]: doc, 'pack.json': { ...manifest, sources: [...sources, { id: draft.id, file }] } });
    setStatus(textIn({ zh: `已添加来源 ${draft.number}（${draft.articles.length} 条），规则和参数现在可以引用其条款`, en: `Added source ${draft.number} (${draft.articles.length} articles); rules and parameters can cite them now` }, lang));
    setDraft(null);
    setError('');
  };
  const setArticle = (i: number, a: Partial<Article>) => draft && setDraft({ ...draft, articles: draft.articles.map((x, k) => (k === i ? { ...x, ...a } : x)) });

  return (
    <div class="sources">
      <h3>{textIn({ zh: '来源文件', en: 'Source documents' }, lang)}</h3>
      <ul data-testid="sources">
        {sources.map((s) => {
          const doc = files[s.file] as SourceDocument | undefined;
          return (
            <li key={s.id}>
              {doc?.document.number} {doc?.document.title} <span class="hint">{textIn({ zh: `${doc?.articles.length ?? 0} 条`, en: `${doc?.articles.length ?? 0} articles` }, lang)}</span>
            </li>
          );
        })}
      </ul>
      {status && <p role="status">{status}</p>}
      {draft ? (
        <div class="card add-source" role="group" aria-label={textIn({ zh: '新来源文件', en: 'New source document' }, lang)}>
          <div class="row">
            <label>
              {textIn({ zh: '来源编号', en: 'Source id' }, lang)}
              <input name="source-id" placeholder="hrss-sh-2025-8" value={draft.id} onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value.trim() })} />
            </label>
            <label>
              {textIn({ zh: '文号', en: 'Number' }, lang)}
              <input name="source-number" placeholder="沪人社职〔2025〕8号" value={draft.number} onInput={(e) => setDraft({ ...draft, number: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '发文机关', en: 'Issuer' }, lang)}
              <input name="source-issuer" value={draft.issuer} onInput={(e) => setDraft({ ...draft, issuer: e.currentTarget.value })} />
            </label>
          </div>
          <label>
            {textIn({ zh: '标题', en: 'Title' }, lang)}
            <input name="source-title" value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          </label>
          <div class="row">
            <label>
              {textIn({ zh: '发文日期', en: 'Issued' }, lang)}
              <input type="date" name="source-issued" value={draft.issued} onInput={(e) => setDraft({ ...draft, issued: e.currentTarget.value })} />
            </label>
            <label>
              {textIn({ zh: '施行日期', en: 'In force from' }, lang)}
              <input type="date" name="source-effective" value={draft.effective} onInput={(e) => setDraft({ ...draft, effective: e.currentTarget.value })} />
            </label>
          </div>
          <h4>{textIn({ zh: '条款', en: 'Articles' }, lang)}</h4>
          {draft.articles.map((a, i) => (
            <div class="row article-row" key={i} data-article={i}>
              <label>
                {textIn({ zh: '编号', en: 'Id' }, lang)}
                <input name="article-id" size={5} value={a.id} onInput={(e) => setArticle(i, { id: e.currentTarget.value })} />
              </label>
              <label>
                {textIn({ zh: '标签', en: 'Label' }, lang)}
                <input name="article-label" size={6} value={a.label} onInput={(e) => setArticle(i, { label: e.currentTarget.value })} />
              </label>
              <label class="grow">
                {textIn({ zh: '条文', en: 'Text' }, lang)}
                <textarea name="article-text" rows={2} value={a.text} onInput={(e) => setArticle(i, { text: e.currentTarget.value })} />
              </label>
              <button type="button" class="btn small remove" aria-label={textIn({ zh: `删除第 ${i + 1} 条`, en: `Remove article ${i + 1}` }, lang)} onClick={() => setDraft({ ...draft, articles: draft.articles.filter((_, k) => k !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button type="button" class="btn small" onClick={() => setDraft({ ...draft, articles: [...draft.articles, { id: String(draft.articles.length + 1), label: '', text: '' }] })}>
            {textIn({ zh: '添加条款', en: 'Add an article' }, lang)}
          </button>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="row">
            <button type="button" class="btn primary" onClick={add}>
              {textIn({ zh: '添加来源文件', en: 'Add the source document' }, lang)}
            </button>
            <button type="button" class="btn" onClick={() => setDraft(null)}>
              {textIn({ zh: '取消', en: 'Cancel' }, lang)}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn" onClick={() => setDraft(EMPTY)}>
          {textIn({ zh: '新增来源文件（新通知）', en: 'New source document (a new notice)' }, lang)}
        </button>
      )}
    </div>
  );
}
