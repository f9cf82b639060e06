// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { checkForms } from '../../forms/core/checks/check-forms';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { BUNDLED_CHECK_FORMS } from '../../forms/ui/popup/check-forms';
import { FieldInput } from '../../forms/ui/popup/FieldInput';

// In English the popup's choices read as English words (from the pack's i18n/en.json), not as the
// values' codes ("dispatched-worker") or Chinese.
afterEach(cleanup);

const optionsOf = (forms: typeof BUNDLED_CHECK_FORMS, kind: string, name: string, lang: 'zh' | 'en') => {
  const field = forms.find((f) => f.kind === kind)!.input.properties[name];
  const { container } = render(<FieldInput id="x" field={field} value={undefined} lang={lang} onChange={() => undefined} />);
  const out = Array.from(container.querySelectorAll('option, label')).map((o) => o.textContent!.trim()).filter(Boolean);
  cleanup();
  return out;
};

describe('quick-check option labels', () => {
  it('offers English names in the first frame (bundled forms) and Chinese in Chinese', () => {
    const en = optionsOf(BUNDLED_CHECK_FORMS, 'candidate', 'relation', 'en');
    expect(en).toContain('Dispatched worker');
    expect(en.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(false);
    expect(optionsOf(BUNDLED_CHECK_FORMS, 'candidate', 'relation', 'zh')).toContain('劳务派遣人员');
    // an array of choices (checkboxes) too
    expect(optionsOf(BUNDLED_CHECK_FORMS, 'sanction', 'proposedMeasures', 'en')).toContain('Warning');
  });

  it('reads an installed pack\'s own English, and falls back to Chinese where its table has none', () => {
    const files = readPackDir('schemas');
    const table: Record<string, string> = { ...(files['i18n/en.json'] as Record<string, string>), 劳务派遣人员: 'Agency worker' };
    delete table['劳务外包人员'];
    const forms = checkForms(parsePack({ ...files, 'i18n/en.json': table }));
    const en = optionsOf(forms, 'candidate', 'relation', 'en');
    expect(en).toContain('Agency worker');
    expect(en).toContain('劳务外包人员');
  });
});
