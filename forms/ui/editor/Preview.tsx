import { useMemo, useState } from 'preact/hooks';
import type { Pack } from '../../core/pack/types';
import { createInterpreterEngine } from '../../core/validation/interpreter-engine';
import type { Lang } from '../../core/i18n/lang';
import { DocumentForm } from '../document/DocumentForm';
import { textIn } from '../../core/i18n/text';

/**
 * The document as institutions will see it, rendered by the real form with the interpreter engine
 * (an edited pack is never compiled: MV3 forbids eval), fed by one of the document's sample drafts.
 */
export function Preview({ pack, docId, lang }: { pack: Pack; docId: string; lang: Lang }) {
  const engine = useMemo(() => createInterpreterEngine(pack), [pack]);
  const samples = Object.keys(pack.documents[docId]?.samples ?? {}).filter((n) => n.startsWith('valid-'));
  const [sample, setSample] = useState('');
  const [data, setData] = useState<Record<string, unknown>>({});
  const pickSample = (name: string) => {
    setSample(name);
    setData(name ? (structuredClone(pack.documents[docId].samples[name]) as Record<string, unknown>) : {});
  };
  if (!pack.documents[docId]) return null;
  return (
    <section class="preview" aria-label={textIn({ zh: '预览', en: 'Preview' }, lang)}>
      <div class="preview-bar">
        <strong>{textIn({ zh: '预览（解释引擎）', en: 'Preview (interpreter engine)' }, lang)}</strong>
        <label>
          {textIn({ zh: '示例草稿', en: 'Sample draft' }, lang)}{' '}
          <select value={sample} onChange={(e) => pickSample(e.currentTarget.value)}>
            <option value="">{textIn({ zh: '（空白）', en: '(blank)' }, lang)}</option>
            {samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DocumentForm key={`${docId}:${sample}`} pack={pack} engine={engine} docId={docId} lang={lang} data={data} onChange={setData} />
    </section>
  );
}
