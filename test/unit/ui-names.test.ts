import { describe, expect, it } from 'vitest';
import { checkPack } from '../../forms/core/editor/check-pack';
import { KIT_FIELDS, KIT_WIDGETS } from '../../forms/core/editor/ui-names';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { fields, widgets } from '../../forms/ui/theme';

// A pack's ui.json may only name widgets and fields the kit renders; a misspelt one is refused by the
// pack checks (editor, import, `formkit pack check`, the build) instead of showing RJSF's error box.
describe('widget and field names in ui.json', () => {
  it('refuses an unknown widget or field, saying where and which names exist', () => {
    const files = readPackDir('schemas');
    const ui = structuredClone(files['documents/filing-enterprise/ui.json']) as Record<string, Record<string, unknown>>;
    ui.occupations['ui:field'] = 'tabel';
    ui.contact = { mobile: { 'ui:widget': 'phone' } };
    const problems = checkPack({ ...files, 'documents/filing-enterprise/ui.json': ui }, { runCases: false });
    expect(problems.map((p) => p.where)).toEqual([
      'documents/filing-enterprise/ui.json#/occupations/ui:field',
      'documents/filing-enterprise/ui.json#/contact/mobile/ui:widget',
    ]);
    expect(problems[0].zh).toContain('未知的字段类型 tabel');
    expect(problems[0].zh).toContain('table');
    expect(problems[1].en).toContain('unknown widget phone');
  });

  it('the theme registers every name the checks allow for the kit', () => {
    for (const w of KIT_WIDGETS) expect(widgets[w], w).toBeTypeOf('function');
    for (const f of KIT_FIELDS) expect(fields[f], f).toBeTypeOf('function');
  });
});
