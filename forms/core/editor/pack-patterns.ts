/**
 * Patterns outside the document schemas — the input schemas of checks, and any other string schema a
 * pack file carries — pass the same ReDoS analysis and need the same maxLength bound. (Document
 * schemas and shared definitions are walked by the subset check, which knows their structure.)
 * Portal maps are left out: their `pattern` is a field-path pattern and their paths are globs, both
 * matched without regular expressions.
 */
import type { PackFiles } from '../pack/types';
import { at, seg, type PackProblem } from './problem';
import { checkPattern } from './regex-safety';

const COVERED = [/^documents\/[^/]+\/schema\.json$/, /^common\/definitions\.json$/, /^portals\//];

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The two problems a string schema with a pattern can have (shared with the subset check). */
export function patternProblems(node: Node, pointer: string, add: (pointer: string, zh: string, en: string) => void): void {
  if (typeof node.pattern !== 'string') return;
  const v = checkPattern(node.pattern);
  if (!v.ok) add(pointer + seg('pattern'), v.zh!, v.en!);
  if (typeof node.maxLength !== 'number') {
    add(
      pointer + seg('pattern'),
      '带正则表达式（pattern）的字符串须设最大长度（maxLength），以限制每次校验的工作量',
      'a string with a pattern needs a maxLength, which bounds the work of every check',
    );
  }
}

export function checkPackPatterns(files: PackFiles): PackProblem[] {
  const out: PackProblem[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (COVERED.some((re) => re.test(file))) continue;
    const add = (pointer: string, zh: string, en: string) => out.push({ where: at(file, pointer), zh, en });
    const visit = (v: unknown, pointer: string, depth: number) => {
      if (depth > 64) return; // the structure check bounds depth; this only guards the walk itself
      if (Array.isArray(v)) return v.forEach((x, i) => visit(x, pointer + seg(i), depth + 1));
      if (!isNode(v)) return;
      if (typeof v.pattern === 'string' && (v.type === 'string' || v.type === undefined)) patternProblems(v, pointer, add);
      for (const [k, x] of Object.entries(v)) visit(x, pointer + seg(k), depth + 1);
    };
    visit(content, '', 0);
  }
  return out;
}
