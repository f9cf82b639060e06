/**
 * Why the browser refused a pattern, in Chinese and English: the engines' own SyntaxError texts are
 * English only (V8: "Unterminated group"; SpiderMonkey: "unterminated parenthetical"), and bureau staff
 * need to be told what to change. Both engines' wordings are matched; an unknown one gets a general hint.
 */
import type { Localized } from '../i18n/text';

const REASONS: [RegExp, string, string][] = [
  [/unterminated group|unterminated parenthetical|missing \)/i, '缺少右括号“)”：每个“(”都要有对应的“)”', 'a “(” has no matching “)”'],
  [/unmatched '\)'|unmatched \)/i, '多了一个右括号“)”：请删去它，或在前面补上“(”', 'a “)” has no matching “(”'],
  [/nothing to repeat/i, '量词（* + ? 或 {n}）前面没有可重复的内容：量词要紧跟在字符或分组之后', 'a quantifier (* + ? {n}) follows nothing it could repeat'],
  [/unterminated character class/i, '方括号“[”没有闭合：请补上“]”', 'a “[” has no matching “]”'],
  [/lone quantifier brackets|raw brace/i, '单独出现的花括号：要匹配“{”或“}”本身，请写成 \\{ 或 \\}', 'a lone brace: write \\{ or \\} to match a brace itself'],
  [/incomplete quantifier/i, '量词 {n,m} 不完整：请写成 {2}、{2,} 或 {2,5}', 'an incomplete quantifier: write {2}, {2,} or {2,5}'],
  [/numbers out of order/i, '量词 {n,m} 中的 n 大于 m：请交换两个数字', 'in {n,m} n is greater than m'],
  [/range out of order|invalid range/i, '字符范围的顺序颠倒（如 [9-0]）：请写成从小到大，如 [0-9]', 'a character range is out of order (like [9-0]): write it low to high, like [0-9]'],
  [/at end of pattern/i, '表达式以单个反斜杠“\\”结尾：请删去它，或写成 \\\\ 匹配反斜杠本身', 'the pattern ends with a lone “\\”'],
  [/invalid property name/i, '无效的 Unicode 属性名（\\p{…}）：例如汉字写成 \\p{Script=Han}', 'an unknown Unicode property (\\p{…}), e.g. write \\p{Script=Han} for Chinese characters'],
  [/capture group name|duplicate/i, '命名分组的名字无效或重复：名字用字母开头，且不能重复', 'a named group’s name is invalid or used twice'],
  [/named reference|named capture referenced/i, '引用了不存在的命名分组（\\k<名字>）', 'a reference (\\k<name>) to a named group that does not exist'],
  [/back reference out of range|decimal escape/i, '反向引用（\\1、\\2…）指向不存在的分组', 'a back reference (\\1, \\2…) to a group that does not exist'],
  [/invalid.*escape|identity escape/i, '无效的转义：此处的反斜杠后不能跟这个字符（数字写 \\d，点写 \\.，其他字母不要加反斜杠）', 'an invalid escape: this character cannot follow a backslash here (write \\d for digits, \\. for a dot)'],
  [/invalid (regexp )?group/i, '无效的分组写法：“(?” 之后只能是 “:”、“=”、“!”、“<=”、“<!” 或 “<名字>”', 'an invalid group: “(?” must be followed by :, =, !, <=, <! or <name>'],
  [/too large|too big|too complex/i, '正则表达式太大：请拆分或简化', 'the pattern is too large: split or simplify it'],
];

/** The reason for a SyntaxError of `new RegExp(pattern, 'u')`, from the engine's message. */
export function regexSyntaxReason(engineMessage: string): Localized & { en: string } {
  for (const [re, zh, en] of REASONS) if (re.test(engineMessage)) return { zh, en };
  return {
    zh: '语法有误：请检查括号“( )”、方括号“[ ]”、花括号“{ }”是否成对，以及反斜杠“\\”的用法',
    en: `syntax error (${engineMessage.replace(/^Invalid regular expression:\s*/i, '')})`,
  };
}
