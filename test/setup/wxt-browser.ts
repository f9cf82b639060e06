/** Stands in for `wxt/browser` in unit tests (see fake-browser.ts for why not WxtVitest). */
import { fakeBrowser } from '@webext-core/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
