/**
 * The autofill content script. Never registered for pages: the background injects it on demand
 * (`scripting.executeScript`, after a user action) into a tab whose origin it has checked. It only
 * touches the DOM; draft values arrive per fill and are not kept or written to page storage.
 * `matches` lists the loopback hosts only, where the demo portals run (WXT turns runtime matches
 * into host permissions); portals get access through `activeTab` or an optional permission.
 */
import { acceptSuggestion, fillPage, undoFill, watchComposition, type FillRun } from '../forms/portal/fill-page';
import { startRecorder } from '../forms/portal/recorder';
import { showReportPanel } from '../forms/portal/report-panel';
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

    const undo = async (): Promise<Response<'cs:undo'>> => {
      if (!last) return { restored: 0, failed: [] };
      const r = await undoFill(last);
      panel?.setNote(r.failed.length ? `已撤销 ${r.restored} 项；未能恢复：${r.failed.join('、')}` : `已撤销 ${r.restored} 项 / ${r.restored} undone`);
      return r;
    };

    browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: unknown) => void) => {
      if (isMessage(msg, 'cs:fill')) {
        // checked again here: the tab may have navigated to another origin since the background's check
        if (!Array.isArray(msg.origins) || !msg.origins.includes(location.origin)) {
          sendResponse({ error: 'origin-changed' });
          return false;
        }
        fillPage(document, msg.fillId, msg.items, { settings: msg.settings }).then((run) => {
          last = run;
          const docId = msg.docId;
          panel = showReportPanel(document, run.report, msg.lang, {
            onUndo: () => void undo(),
            // an accepted 可能是 … pair is filled now and learned for this portal (a user map entry)
            onAccept: async (id) => {
              const s = run.suggestions.get(id);
              const o = await acceptSuggestion(run, id);
              if (o && s && docId && !s.item.derived && !s.item.row && s.label) {
                void browser.runtime.sendMessage({ type: 'bg:learned', docId, field: { path: s.item.path, label: s.label } });
              }
              return o;
            },
          });
          sendResponse(run.report);
        }, (e: unknown) => sendResponse({ error: String(e) }));
        return true;
      }
      if (isMessage(msg, 'cs:undo')) {
        undo().then(sendResponse);
        return true;
      }
      if (isMessage(msg, 'cs:learn')) {
        stopRecorder?.();
        stopRecorder = startRecorder(document, {
          fields: msg.fields,
          lang: msg.lang,
          onLearned: (field) => void browser.runtime.sendMessage({ type: 'bg:learned', docId: msg.docId, field }),
        });
        sendResponse({ ok: true } satisfies Response<'cs:learn'>);
        return false;
      }
      return false;
    });
  },
});
