import { formatProblem } from '../formats/registry';
import type { JsonSchema, Localized } from '../pack/types';
import type { ReferenceContext } from '../reference/reference-context';
import { fieldAt } from '../schema/field-schema';
import { splitPointer } from '../schema/json-pointer';
import type { Lang } from '../i18n/lang';
import { defineStrings } from '../i18n/text';
import type { SchemaIssue } from './types';

type Text = { zh: string; en: string };

/** How a message names a field and joins its parts. */
const words = defineStrings({
  form: { zh: '表单', en: 'Form' },
  listEntry: { zh: '{list}第{n}项', en: '{list} #{n}' },
  rowField: { zh: '{list}第{n}行·{leaf}', en: '{list} row {n} · {leaf}' },
  labelSep: { zh: '：', en: ': ' },
  listSep: { zh: '、', en: ', ' },
});

const FORMAT_TEXT: Record<string, Record<string, Text>> = {
  uscc: {
    length: { zh: '应为18位', en: 'must be 18 characters' },
    charset: { zh: '含有无效字符（不使用 I、O、S、V、Z）', en: 'contains an invalid character (I, O, S, V, Z are not used)' },
    check: { zh: '校验位不正确', en: 'check character is wrong' },
    orgCheck: { zh: '组织机构代码部分的校验位不正确', en: 'the organisation-code check character is wrong' },
  },
  'resident-id': {
    length: { zh: '应为18位', en: 'must be 18 characters' },
    charset: { zh: '只能是17位数字加1位数字或X', en: 'must be 17 digits and a digit or X' },
    birthDate: { zh: '出生日期不存在', en: 'the birth date does not exist' },
    check: { zh: '校验位不正确', en: 'check character is wrong' },
  },
  mobile: { format: { zh: '应为11位手机号码', en: 'must be an 11-digit mobile number' } },
  phone: { format: { zh: '应为手机号码或带区号的固定电话（如 021-64001234）', en: 'must be a mobile number or a landline with its area code (e.g. 021-64001234)' } },
  'occupation-code': {
    format: { zh: '请输入职业名称或编码（如 电工 或 6-31-01-03），并从列表中选定一个职业', en: 'type an occupation name or code (e.g. 电工 or 6-31-01-03) and pick one occupation from the list' },
    unknown: { zh: '不在《职业分类大典（2022年版）》中', en: 'is not in the 2022 occupation classification' },
  },
  'sh-district': { unknown: { zh: '不是上海市辖区', en: 'is not a Shanghai district' } },
  date: {
    format: { zh: '日期格式应为 YYYY-MM-DD', en: 'date must be YYYY-MM-DD' },
    invalid: { zh: '日期不存在', en: 'the date does not exist' },
  },
};

const TYPE_NAMES: Record<string, Text> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'yes/no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '一组字段', en: 'a group of fields' },
};

function enumLabels(field: JsonSchema | undefined, ui: Record<string, unknown> | undefined, lang: Lang): string {
  const values = (field?.enum as unknown[] | undefined) ?? [];
  const names = (ui?.['ui:enumNames'] as string[] | undefined) ?? [];
  return values.map((v, i) => names[i] ?? String(v)).join(words('listSep', lang));
}

function uiAt(ui: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let cur: unknown = ui;
  for (const seg of splitPointer(path)) {
    if (!cur || typeof cur !== 'object') return undefined;
    const c = cur as Record<string, unknown>;
    cur = /^\d+$/.test(seg) ? c.items : c[seg];
  }
  return cur as Record<string, unknown> | undefined;
}

/** A field's human name for messages: its title, prefixed by the list row it sits in. */
export function fieldLabel(root: JsonSchema, path: string, lang: Lang): string {
  const { trail } = fieldAt(root, path);
  if (trail.length === 0) return words('form', lang);
  const leaf = trail[trail.length - 1];
  // an entry of a list of plain values (a multiple choice) is named by its list: 处理措施第1项
  if (leaf.startsWith('#') && trail.length >= 2) {
    const n = leaf.slice(1);
    return words('listEntry', lang, { list: trail[trail.length - 2], n });
  }
  // nearest row number above the leaf, with its list's title
  for (let i = trail.length - 2; i >= 1; i--) {
    if (trail[i].startsWith('#')) {
      const n = trail[i].slice(1);
      // 第N行, as the tables number their rows and the rules' messages say
      return words('rowField', lang, { list: trail[i - 1], n, leaf });
    }
  }
  return leaf;
}

/**
 * The message for one schema issue, naming the field by its title, e.g. 「统一社会信用代码：校验位不正确」.
 * Built from the normalised issue, never from engine text, so both engines read the same.
 */
export function schemaMessage(
  root: JsonSchema,
  ui: Record<string, unknown>,
  issue: SchemaIssue,
  value: unknown,
  lang: Lang,
  /** the validated pack's reference lists, to say why a format check failed */
  ref: ReferenceContext,
): string {
  const label = fieldLabel(root, issue.path, lang);
  const { schema: field } = fieldAt(root, issue.path);
  const custom = (field?.['x-messages'] as Record<string, Localized> | undefined)?.[issue.keyword];
  const sep = words('labelSep', lang);
  const limit = (k: string) => issue.params.limit ?? field?.[k];
  let t: Text;
  if (custom) t = { zh: custom.zh, en: custom.en ?? custom.zh };
  else {
    switch (issue.keyword) {
      case 'required':
        t = { zh: '必填', en: 'required' };
        break;
      case 'type': {
        const ty = String(issue.params.type ?? field?.type ?? '');
        const n = TYPE_NAMES[ty] ?? { zh: ty, en: ty };
        t = { zh: `应为${n.zh}`, en: `must be ${n.en}` };
        break;
      }
      case 'format': {
        const fmt = String(issue.params.format ?? field?.format ?? '');
        const problem = formatProblem(fmt, value, ref);
        t = (problem && FORMAT_TEXT[fmt]?.[problem]) || { zh: '格式不正确', en: 'is not in the expected format' };
        break;
      }
      case 'pattern':
        t = { zh: '格式不正确', en: 'is not in the expected format' };
        break;
      case 'minLength':
        t = { zh: `至少${limit('minLength')}个字`, en: `must be at least ${limit('minLength')} characters` };
        break;
      case 'maxLength':
        t = { zh: `不能超过${limit('maxLength')}个字`, en: `must be at most ${limit('maxLength')} characters` };
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        t = { zh: `不能小于${limit(issue.keyword)}`, en: `must be at least ${limit(issue.keyword)}` };
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        t = { zh: `不能大于${limit(issue.keyword)}`, en: `must be at most ${limit(issue.keyword)}` };
        break;
      case 'minItems':
        t = { zh: `至少填写${limit('minItems')}项`, en: `needs at least ${limit('minItems')} entries` };
        break;
      case 'maxItems':
        t = { zh: `最多${limit('maxItems')}项`, en: `allows at most ${limit('maxItems')} entries` };
        break;
      case 'uniqueItems':
        t = { zh: '有重复项', en: 'has duplicate entries' };
        break;
      case 'enum': {
        const allowed = enumLabels(field, uiAt(ui, issue.path), lang);
        t = { zh: `应为以下之一：${allowed}`, en: `must be one of: ${allowed}` };
        break;
      }
      case 'const':
        t = { zh: '必须确认', en: 'must be confirmed' };
        break;
      default:
        t = { zh: '不符合要求', en: 'is not valid' };
    }
  }
  return `${label}${sep}${t[lang]}`;
}
