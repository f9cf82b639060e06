import { at, seg, type PackProblem } from './problem';

/**
 * The widget and field names a pack's ui.json may use: RJSF's own widgets and the kit's
 * (forms/ui/theme/index.ts registers the kit's; test/unit/ui-names.test.ts holds the two lists
 * together). A misspelt name would otherwise reach the form as RJSF's "unsupported widget" box.
 */
export const RJSF_WIDGETS = [
  'text', 'textarea', 'password', 'color', 'email', 'uri', 'url', 'data-url', 'date', 'datetime', 'time',
  'updown', 'range', 'radio', 'select', 'checkbox', 'checkboxes', 'file', 'hidden', 'alt-date', 'alt-datetime',
] as const;
export const KIT_WIDGETS = ['uscc', 'residentId', 'mobile', 'district', 'occupation'] as const;
export const KIT_FIELDS = ['attachment', 'table'] as const;

const WIDGETS = new Set<string>([...RJSF_WIDGETS, ...KIT_WIDGETS]);
const FIELDS = new Set<string>(KIT_FIELDS);

/** Every `ui:widget` / `ui:field` in a document's ui.json names one the kit can render. */
export function checkUiNames(ui: unknown, file: string): PackProblem[] {
  const out: PackProblem[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const here = pointer + seg(k);
      if (k === 'ui:widget' && typeof v === 'string' && !WIDGETS.has(v)) {
        out.push({ where: at(file, here), zh: `未知的控件 ${v}（可用：${[...WIDGETS].join('、')}）`, en: `unknown widget ${v} (known: ${[...WIDGETS].join(', ')})` });
      } else if (k === 'ui:field' && typeof v === 'string' && !FIELDS.has(v)) {
        out.push({ where: at(file, here), zh: `未知的字段类型 ${v}（可用：${[...FIELDS].join('、')}）`, en: `unknown field ${v} (known: ${[...FIELDS].join(', ')})` });
      } else walk(v, here);
    }
  };
  walk(ui, '');
  return out;
}
