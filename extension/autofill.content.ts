/**
 * The autofill content script. Never registered for pages: the background injects it on demand
 * (`scripting.executeScript`, after a user action) into a tab whose origin it has checked. It only
 * touches the DOM; draft values arrive per fill and are not kept or written to page storage.
 * `matches` lists the loopback hosts only, where the demo portals run (WXT turns runtime matches
 * into host permissions); portals get access through `activeTab` or an optional permission.
 */
import { fillPage, undoFill, watchComposition, type FillRun } from '../forms/ui/fill/fill-page';
import { startRecorder } from '../forms/ui/fill/recorder';
import { showReportPanel } from '../forms/ui/fill/report-panel';
import { isMessage, type Response } from '../shared/messages';

const MARK = '__formkitAutofill';

export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: 'runtime',
  main() {
    // injected once per fill request: keep one listener per page
    const g = globalThis as unknown as Record<string, boolean>;
    if (g[MARK]) return;
    g[MARK] = true;
    watchComposition(document);
    let last: FillRun | null = null;
    let panel: ReturnType<typeof showReportPanel> | null = null;
    let stopRecorder: (() => void) | null = null;

    const undo = async (): Promise<Response<'bg→cs:undo'>> => {
      if (!last) return { restored: 0, failed: [] };
      const r = await undoFill(last);
      panel?.setNote(r.failed.length ? `已撤销 ${r.restored} 项；未能恢复：${r.failed.join('、')}` : `已撤销 ${r.restored} 项 / ${r.restored} undone`);
      return r;
    };

    browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: unknown) => void) => {
      if (isMessage(msg, 'bg→cs:fill')) {
        // checked again here: the tab may have navigated to another origin since the background's check
        if (!Array.isArray(msg.origins) || !msg.origins.includes(location.origin)) {
          sendResponse({ error: 'origin-changed' });
          return false;
        }
        fillPage(document, msg.fillId, msg.items).then((run) => {
          last = run;
          panel = showReportPanel(document, run.report, msg.lang, { onUndo: () => void undo() });
          sendResponse(run.report);
        }, (e: unknown) => sendResponse({ error: String(e) }));
        return true;
      }
      if (isMessage(msg, 'bg→cs:undo')) {
        undo().then(sendResponse);
        return true;
      }
      if (isMessage(msg, 'bg→cs:learn')) {
        stopRecorder?.();
        stopRecorder = startRecorder(document, {
          fields: msg.fields,
          lang: msg.lang,
          onLearned: (field) => void browser.runtime.sendMessage({ type: 'cs→bg:learned', docId: msg.docId, field }),
        });
        sendResponse({ ok: true } satisfies Response<'bg→cs:learn'>);
        return false;
      }
      return false;
    });
  },
});
