/**
 * Keys of what extension pages keep in their localStorage (read synchronously, before a first frame).
 * In one import-free module: the popup's boot script (extension/popup-boot.ts) reads them too.
 */
/** the UI language chosen by the user ('zh' | 'en') */
export const LANG_KEY = 'formkit.lang';
/** whether a pack is installed: see shared/pack-startup.ts */
export const INSTALLED_HINT_KEY = 'formkit.installedPack.hint';
/** the popup's last check and its answers: see forms/ui/popup/last-check.ts */
export const LAST_CHECK_KEY = 'formkit.popup.lastCheck';
/** set while the bureau previews an unpublished pack in its own pages: see shared/active-pack.ts */
export const PREVIEW_HINT_KEY = 'formkit.previewPack.on';
