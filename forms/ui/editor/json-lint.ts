/**
 * JSON syntax errors where they are: a CodeMirror diagnostic at the place JSON.parse stopped, in the
 * page's language, for the lint gutter. CodeMirror's own jsonParseLinter reports the engine's English
 * message; bureau staff read Chinese.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Lang } from '../../core/i18n/lang';
import { textIn, type Bilingual } from '../../core/i18n/text';

/** Where the parse stopped, from V8's message (`at position 12`, `line 3 column 5`), else the end. */
function offsetOf(message: string, doc: Text): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Math.min(Number(pos[1]), doc.length);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const line = doc.line(Math.min(Number(lc[1]), doc.lines));
    return Math.min(line.from + Number(lc[2]) - 1, line.to);
  }
  return doc.length;
}

/** The usual slips when editing JSON by hand, each with the engine messages that reveal it (V8 and SpiderMonkey wordings). */
const SLIPS: ReadonlyArray<{ when: RegExp; say: Bilingual }> = [
  { when: /Unexpected end|Unterminated string|end of data/i, say: { zh: '内容不完整：缺少结尾的引号、方括号 ] 或花括号 }', en: 'incomplete: a closing quote, ] or } is missing' } },
  { when: /Expected double-quoted property name|property name/i, say: { zh: '属性名须用英文双引号括起；或删除 } 前多余的逗号', en: 'property names need double quotes, or remove the comma before }' } },
  { when: /Expected ',' or/i, say: { zh: '缺少逗号，或括号不成对', en: 'a comma is missing, or a bracket is unmatched' } },
  { when: /Bad control character/i, say: { zh: '字符串中不能直接换行或含制表符（换行写作 \\n）', en: 'a string cannot hold a raw line break or tab (write \\n)' } },
  { when: /Unexpected non-whitespace character after JSON/i, say: { zh: 'JSON 结束后还有多余的内容', en: 'there is more text after the JSON value' } },
  { when: /Unexpected token|not valid JSON|unexpected character/i, say: { zh: '此处有不该出现的字符：检查引号（须为英文双引号 "）、逗号和括号', en: 'an unexpected character here: check quotes (straight double quotes "), commas and brackets' } },
];
const SYNTAX_ERROR: Bilingual = { zh: 'JSON 语法错误', en: 'JSON syntax error' };

/** What the engine said, as advice. */
export function jsonErrorText(message: string, lang: Lang): string {
  return textIn(SLIPS.find((s) => s.when.test(message))?.say ?? SYNTAX_ERROR, lang);
}

export function jsonDiagnostics(doc: Text, lang: Lang): Diagnostic[] {
  try {
    JSON.parse(doc.toString());
    return [];
  } catch (e) {
    const message = (e as Error).message;
    const from = offsetOf(message, doc);
    const line = doc.lineAt(from);
    const text = jsonErrorText(message, lang);
    return [{ from, to: Math.min(Math.max(from + 1, from), line.to), severity: 'error', message: textIn({ zh: `第 ${line.number} 行：${text}`, en: `line ${line.number}: ${text}` }, lang) }];
  }
}

/** CodeMirror's UI phrases in Chinese (search panel, lint panel, folding). */
export const ZH_PHRASES: Record<string, string> = {
  Find: '查找',
  Replace: '替换',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '全词匹配',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'replaced $ matches': '已替换 $ 处',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'on line': '在行',
  'Go to line': '转到行',
  go: '转到',
  'Folded lines': '已折叠的行',
  'Unfolded lines': '已展开的行',
  to: '至',
  'folded code': '已折叠的代码',
  unfold: '展开',
  'Fold line': '折叠此行',
  'Unfold line': '展开此行',
  'Control character': '控制字符',
  'Selection deleted': '已删除所选内容',
  Diagnostics: '诊断',
  'No diagnostics': '没有问题',
};
