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
}

const LABELS = {
  zh: { seal: '（盖章）', signer: '签字', date: '日期', dateBlank: '年　　月　　日', sealed: '已盖章', row: '序号', empty: '未填写' },
  en: { seal: '(seal)', signer: 'Signature', date: 'Date', dateBlank: 'YYYY-MM-DD', sealed: 'sealed', row: 'No.', empty: 'not filled in' },
};
type Words = (typeof LABELS)['zh'];

/** An empty value: a line to write on, as paper forms leave it. */
const Blank = ({ wide, L }: { wide?: boolean; L: Words }) => <span class={wide ? 'blank blank-wide' : 'blank'} aria-label={L.empty} />;

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
        <div class={node.wide ? 'pv-field pv-field-wide' : 'pv-field'}>
          <span class="pv-label">{node.label}</span>
          <Value text={node.text} wide={node.wide} L={L} />
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
                    <td key={j}>{cell ?? ''}</td>
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
export function PrintView({ pack, docId, data, lang = 'zh' }: PrintViewProps) {
  const model = useMemo(() => printModel(pack, docId, data, lang), [pack, docId, data, lang]);
  const L = LABELS[lang];
  return (
    <article class="print-view" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-doc-id={docId}>
      <header class="pv-header">
        <h1 class="pv-title">{model.title}</h1>
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
      {model.sections.map((s) => (
        <section class="pv-section" key={s.number} aria-label={s.title}>
          <h2 class="pv-section-title">
            {s.number}、{s.title}
          </h2>
          <Nodes nodes={s.nodes} level={1} L={L} />
        </section>
      ))}
      <footer class="pv-sign">
        <div class="pv-seal" aria-label={L.seal}>
          <span>{L.seal}</span>
          {model.sealed && <span class="pv-sealed-note">{L.sealed}</span>}
        </div>
        <div class="pv-sign-lines">
          <div class="pv-field">
            <span class="pv-label">{L.signer}</span>
            <Value text={model.signer} L={L} />
          </div>
          <div class="pv-field">
            <span class="pv-label">{L.date}</span>
            {model.signDate ? <span class="value">{model.signDate}</span> : <span class="value date-blank">{L.dateBlank}</span>}
          </div>
        </div>
      </footer>
    </article>
  );
}
