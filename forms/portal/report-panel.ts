/**
 * The in-page report: a small panel in a closed shadow root, so page styles cannot reach it and
 * page scripts cannot read it. Plain DOM — the content script must stay small.
 */
import type { FillOutcome, FillReport } from '../core/fill/types';
import type { Lang } from '../core/i18n/lang';
import { reasonText, statusText } from '../core/fill/reasons';
import { textIn } from '../core/i18n/text';

const HOST_ID = 'formkit-fill-report';

const CSS = `
:host { all: initial; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 360px; max-height: 60vh; overflow: auto;
  background: #fff; color: #222; border: 1px solid #999; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  font: 13px/1.45 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #ddd; position: sticky; top: 0; background: #fff; }
header strong { flex: 1; }
button { font: inherit; padding: 3px 12px; cursor: pointer; border: 1px solid #9aa5b1; border-radius: 4px; background: #f5f7fa; color: #1f2933; }
button:hover { background: #e4e7eb; } button:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
button.undo { background: #2f6fde; border-color: #2f6fde; color: #fff; }
ul { list-style: none; margin: 0; padding: 6px 10px; }
li { padding: 3px 0; border-bottom: 1px dotted #eee; }
.s-filled { color: #1a7f37; } .s-failed { color: #b42318; } .s-skipped { color: #8a6100; } .s-not-found { color: #555; }
.why { color: #666; font-size: 12px; }
.summary { padding: 6px 10px; }
.maybe { margin-left: 6px; font-size: 12px; }
.frame { color: #666; font-size: 12px; }
details.absent { padding: 0 10px 8px; color: #555; }
details.absent summary { cursor: pointer; padding: 4px 0; }
details.absent ul { padding: 0 0 0 6px; }
`;

export interface PanelHandlers {
  onUndo(): void;
  /** the user accepted a 可能是 … pair: fill it, and teach it for next time */
  onAccept?(id: string): Promise<FillOutcome | null>;
}

export function showReportPanel(doc: Document, report: FillReport, lang: Lang, handlers: PanelHandlers): { setNote(text: string): void; close(): void } {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'status');
  panel.setAttribute('aria-label', textIn({ zh: '自动填写报告', en: 'Autofill report' }, lang));

  const count = (s: string) => report.outcomes.filter((o) => o.status === s).length;
  const header = doc.createElement('header');
  const title = doc.createElement('strong');
  title.textContent = textIn({ zh: '自动填写报告', en: 'Autofill report' }, lang);
  const undo = doc.createElement('button');
  undo.textContent = textIn({ zh: '撤销填写', en: 'Undo' }, lang);
  undo.className = 'undo';
  undo.addEventListener('click', () => handlers.onUndo());
  const close = doc.createElement('button');
  close.textContent = '×';
  close.setAttribute('aria-label', textIn({ zh: '关闭', en: 'Close' }, lang));
  close.addEventListener('click', () => host.remove());
  header.append(title, undo, close);

  const summary = doc.createElement('div');
  summary.className = 'summary';
  // counts of what the list below shows (frames from other sites are listed as skipped too)
  const shown = (s: string) => count(s) + (s === 'skipped' ? report.crossOriginFrames.length : 0);
  summary.textContent = ['failed', 'not-found', 'skipped', 'filled'].map((s) => `${statusText(s, lang)} ${shown(s)}`).join(' · ');
  const note = doc.createElement('div');
  note.className = 'summary note';

  const list = doc.createElement('ul');
  // draft values this page simply does not ask for: nothing to do, so folded away below the rest (a
  // filing draft holds some 80 values, a portal page asks for 20); a 可能是 … suggestion stays in view
  const absentList = doc.createElement('ul');
  const isAbsent = (o: FillOutcome) => o.status === 'not-found' && o.reason !== 'maybe';
  // problems first: what the user must still do by hand matters more than what went well
  const ORDER: Record<string, number> = { failed: 0, skipped: 1, 'not-found': 2, filled: 3 };
  for (const o of [...report.outcomes].sort((a, b) => ORDER[a.status] - ORDER[b.status])) {
    const li = doc.createElement('li');
    const render = (x: FillOutcome) => {
      li.replaceChildren();
      li.className = `s-${x.status}`;
      const suggestion = x.reason === 'maybe' && x.suggestion ? `「${x.suggestion.label}」？` : '';
      const why = x.reason ? ` — ${reasonText(x.reason, lang)}${suggestion}${x.detail && x.status === 'failed' ? `（${x.detail}）` : ''}` : '';
      li.textContent = `${statusText(x.status, lang)}：${x.title} = ${x.value}`;
      if (why) {
        const span = doc.createElement('span');
        span.className = 'why';
        span.textContent = why;
        li.append(span);
      }
      if (x.frame) {
        const f = doc.createElement('div');
        f.className = 'frame';
        f.textContent = `${textIn({ zh: '框架', en: 'frame' }, lang)}：${x.frame}`;
        li.append(f);
      }
      if (suggestion && handlers.onAccept) {
        const accept = doc.createElement('button');
        accept.className = 'maybe';
        accept.textContent = textIn({ zh: '是，填写并记住', en: 'Yes, fill and remember' }, lang);
        accept.addEventListener('click', () => {
          accept.disabled = true;
          void handlers.onAccept!(x.id).then((next) => next && render(next));
        });
        li.append(accept);
      }
    };
    render(o);
    (isAbsent(o) ? absentList : list).append(li);
  }
  for (const origin of report.crossOriginFrames) {
    const li = doc.createElement('li');
    li.className = 's-skipped';
    li.textContent = `${reasonText('cross-origin-frame', lang)}：${origin}`;
    list.append(li);
  }
  panel.append(header, summary, note, list);
  const absent = absentList.childElementCount;
  if (absent) {
    const details = doc.createElement('details');
    details.className = 'absent';
    const label = doc.createElement('summary');
    label.textContent = textIn({ zh: `草稿中另有 ${absent} 项本页没有对应字段（展开查看）`, en: `Draft values with no field on this page: ${absent} (show)` }, lang);
    details.append(label, absentList);
    panel.append(details);
  }
  root.append(style, panel);
  doc.documentElement.append(host);
  return {
    setNote(text) {
      note.textContent = text;
    },
    close() {
      host.remove();
    },
  };
}
