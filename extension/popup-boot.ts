import { bootShell, loadAppAfterFirstFrame } from '../forms/ui/fast/popup-static-shell';

// popup.html's classic script, run while the page is parsed: the remembered check in the static first
// frame, then the popup's app after that frame (forms/ui/fast/popup-static-shell.ts). Unlisted: built as
// /popup-boot.js, an IIFE.
export default defineUnlistedScript(() => {
  const app = (document.currentScript as HTMLScriptElement | null)?.dataset.app;
  try {
    bootShell(document);
  } finally {
    // whatever happened above, the app itself must still load
    loadAppAfterFirstFrame(document, app);
  }
});
