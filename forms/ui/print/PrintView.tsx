import { useMemo } from 'preact/hooks';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { printModel, type PrintNode } from './print-model';
import './print.css';

export interface PrintViewProps {
  pack: Pack;
  docId: string;
  data: unknown;
  lang?: Lang;
  /**
   * The document still has problems: the paper says it is a draft (a heading under the title and a
   * watermark on every page), so it is not stamped and filed by mistake. `errors`: how many, when known.
   */
  draft?: { errors?: number } | null;
}

const LABELS = {
  zh: {
    seal: '（单位盖章）',
    signerName: '签字人',
    signature: '签字',
    date: '日期',
    dateBlank: '　　　　年　　月　　日',
    row: '序号',
    empty: '未填写',
    draft: '草稿',
    draftNote: (n?: number) => `草稿：${n ? `尚有 ${n} 处问题未改正，` : '尚未通过校验，'}请改正后再打印盖章提交`,
  },
  en: {
    seal: '(seal of the unit)',
    signerName: 'Signed by',
    signature: 'Signature',
    date: 'Date',
    dateBlank: '',
    row: 'No.',
    empty: 'not filled in',
    draft: 'DRAFT',
    draftNote: (n?: number) => `Draft: ${n ? `${n} problem${n > 1 ? 's' : ''} still to fix` : 'not yet checked'} — correct before printing for stamping`,
  },
};
type Words = (typeof LABELS)['zh'];

/** An empty value: a line to write on, as paper forms leave it (named for screen readers by hidden text: a plain span takes no aria-label). */
const Blank = ({ wide, L }: { wide?: boolean; L: Words }) => (
  <span class={wide ? 'blank blank-wide' : 'blank'}>
    <span class="sr-only">{L.empty}</span>
  </span>
);

function Value({ text, wide, L }: { text: string | null; wide?: boolean; L: Words }) {
  return text === null ? <Blank wide={wide} L={L} /> : <span class="value">{text}</span>;
}

function Subtitle({ label, level }: { label: string; level: number }) {
  if (!label) return null;
  return (
    <div class="pv-subtitle" role="heading" aria-level={level + 2}>
      {label}
    </div>
  );
}

function Node({ node, level, L }: { node: PrintNode; level: number; L: Words }) {
  switch (node.kind) {
    case 'field':
      return (
        <div class={node.wide || !node.label ? 'pv-field pv-field-wide' : 'pv-field'}>
          {/* an empty list under its section title has no label of its own: no stray 「：」 */}
          {node.label && <span class="pv-label">{node.label}</span>}
          <Value text={node.text} wide={node.wide} L={L} />
        </div>
      );
    case 'statement':
      return (
        <div class="pv-statement">
          <span class="pv-box" aria-hidden="true">
            {node.checked ? '☑' : '☐'}
          </span>
          <span>{node.label}</span>
          {!node.checked && <span class="sr-only">（{L.empty}）</span>}
        </div>
      );
    case 'group':
      return (
        <div class="pv-group">
          <div class="pv-subtitle" role="heading" aria-level={level + 2}>
            {node.label}
          </div>
          <Nodes nodes={node.children} level={level + 1} L={L} />
        </div>
      );
    case 'table':
      return (
        <div class="pv-group">
          <Subtitle label={node.label} level={level} />
          <table class="pv-table">
            <thead>
              <tr>
                <th scope="col">{L.row}</th>
                {node.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {node.rows.map((row, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  {row.map((cell, j) => (
                    <td key={j}>{cell ?? <span class="sr-only">{L.empty}</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'list':
      return (
        <div class="pv-group">
          <Subtitle label={node.label} level={level} />
          {node.items.map((item) => (
            <div class="pv-item" key={item.label}>
              <div class="pv-item-label">{item.label}</div>
              <Nodes nodes={item.children} level={level + 1} L={L} />
            </div>
          ))}
        </div>
      );
  }
}

function Nodes({ nodes, level, L }: { nodes: PrintNode[]; level: number; L: Words }) {
  return (
    <>
      {nodes.map((n, i) => (
        <Node node={n} level={level} key={i} L={L} />
      ))}
    </>
  );
}

/**
 * The printable document (A4): title and number block, numbered sections with every filled value
 * as text — labels for codes, names for districts and occupations — blank lines where nothing was
 * filled, and a signature / seal (盖章) and date box at the end. Hidden branches are not printed.
 */
export function PrintView({ pack, docId, data, lang = 'zh', draft }: PrintViewProps) {
  const model = useMemo(() => printModel(pack, docId, data, lang), [pack, docId, data, lang]);
  const L = LABELS[lang];
  const last = model.sections.length - 1;
  const section = (s: (typeof model.sections)[number], i: number) => {
    const headingId = `pv-s-${i}`;
    return (
      <section class="pv-section" key={`${i}${s.title}`} aria-labelledby={headingId}>
        <h2 class="pv-section-title" id={headingId}>
          {s.number ? `${s.number}、${s.title}` : s.title}
        </h2>
        <Nodes nodes={s.nodes} level={1} L={L} />
      </section>
    );
  };
  return (
    <article class={`print-view ${draft ? 'pv-is-draft' : ''}`} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-doc-id={docId}>
      {draft && (
        // the word is drawn by CSS from data-mark: faint on purpose, so it is decoration, not text to read (the note under the title says it)
        <div class="pv-watermark" aria-hidden="true" data-mark={L.draft} />
      )}
      <header class="pv-header">
        <h1 class="pv-title">{model.title}</h1>
        {draft && <p class="pv-draft-note">{L.draftNote(draft.errors)}</p>}
        <dl class="pv-numbers">
          {model.numbers.map((n, i) => (
            <div key={n.label} class={i >= 2 ? 'pv-basis' : undefined}>
              <dt>{n.label}</dt>
              <dd>
                <Value text={n.text} L={L} />
              </dd>
            </div>
          ))}
        </dl>
      </header>
      {model.sections.slice(0, Math.max(last, 0)).map(section)}
      {/* the last section and the signature and seal stay on one page: a seal alone on a page proves nothing */}
      <div class="pv-closing">
        {last >= 0 && section(model.sections[last], last)}
        <footer class="pv-sign">
          <div class="pv-sign-lines">
            <div class="pv-sign-line">
              <span class="pv-label">{L.signerName}</span>
              <Value text={model.signer} L={L} />
            </div>
            <div class="pv-sign-line">
              <span class="pv-label">{L.signature}</span>
              {/* always blank: the signature is written by hand, never printed */}
              <Blank L={L} />
            </div>
            <div class="pv-sign-line">
              <span class="pv-label">{L.date}</span>
              {model.signDate ? <span class="value">{model.signDate}</span> : <span class="value date-blank">{L.dateBlank || <Blank L={L} />}</span>}
            </div>
          </div>
          <div class="pv-seal">
            <span>{L.seal}</span>
          </div>
        </footer>
      </div>
    </article>
  );
}
