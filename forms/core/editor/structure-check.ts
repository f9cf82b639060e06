import { nestsDeeperThan } from '../pack/json-depth';
import { canonicalJson } from '../pack/pack-hash';
import type { PackFiles } from '../pack/types';
import { walkJson } from './json-walk';
import { PACK_LIMITS } from '../pack/limits';
import { at, type PackProblem } from './problem';

/** Keys that reach an object's prototype when a pack is merged or indexed by key: refused anywhere. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Checks that hold before anything reads a pack's content: file count and sizes, nesting depth,
 * long strings, and prototype-polluting keys. Returns every problem, with its location.
 */
export function checkStructure(files: PackFiles): PackProblem[] {
  const problems: PackProblem[] = [];
  const paths = Object.keys(files);
  if (paths.length > PACK_LIMITS.files) {
    problems.push({ where: '(pack)', zh: `文件过多：${paths.length} 个，上限 ${PACK_LIMITS.files}`, en: `too many files: ${paths.length}, limit ${PACK_LIMITS.files}` });
  }
  let total = 0;
  for (const path of paths) {
    if (FORBIDDEN_KEYS.has(path) || !/^[\w.-]+(\/[\w.-]+)*\.json$/.test(path) || path.split('/').includes('..')) {
      problems.push({ where: path, zh: '文件路径不允许（只允许 a/b.json 形式）', en: 'file path not allowed (only a/b.json style paths)' });
      continue;
    }
    if (nestsDeeperThan(files[path], PACK_LIMITS.depth)) {
      // nothing else is read of it: serialising or walking it recursively would overflow the stack
      problems.push({ where: path, zh: `嵌套过深，上限 ${PACK_LIMITS.depth} 层`, en: `nested too deeply, limit ${PACK_LIMITS.depth}` });
      continue;
    }
    const size = bytes(canonicalJson(files[path]));
    total += size;
    if (size > PACK_LIMITS.fileBytes) {
      problems.push({ where: path, zh: `文件过大：${size} 字节，上限 ${PACK_LIMITS.fileBytes}`, en: `file too large: ${size} bytes, limit ${PACK_LIMITS.fileBytes}` });
    }
    let tooDeep = false;
    walkJson(
      files[path],
      (node, pointer, depth, key) => {
        if (key !== null && FORBIDDEN_KEYS.has(key)) {
          problems.push({ where: at(path, pointer), zh: `不允许的键名“${key}”（可篡改对象原型）`, en: `forbidden key "${key}" (can tamper with object prototypes)` });
        }
        if (depth >= PACK_LIMITS.depth && !tooDeep && node && typeof node === 'object') {
          tooDeep = true;
          problems.push({ where: at(path, pointer), zh: `嵌套过深，上限 ${PACK_LIMITS.depth} 层`, en: `nested too deeply, limit ${PACK_LIMITS.depth}` });
        }
        if (typeof node === 'string' && node.length > PACK_LIMITS.stringChars) {
          problems.push({ where: at(path, pointer), zh: `字符串过长，上限 ${PACK_LIMITS.stringChars} 个字符`, en: `string too long, limit ${PACK_LIMITS.stringChars} characters` });
        }
      },
      PACK_LIMITS.depth,
    );
  }
  if (total > PACK_LIMITS.packBytes) {
    problems.push({ where: '(pack)', zh: `文书包过大：${total} 字节，上限 ${PACK_LIMITS.packBytes}`, en: `pack too large: ${total} bytes, limit ${PACK_LIMITS.packBytes}` });
  }
  return problems;
}
