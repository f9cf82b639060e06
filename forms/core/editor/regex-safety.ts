/**
 * Whether a schema `pattern` is safe to run on every keystroke in an institution's browser.
 *
 * Catastrophic backtracking comes from two shapes:
 *  - nested quantifiers (star height > 1), e.g. `(a+)+`, `(\w+\s?)*` — found by safe-regex2;
 *  - a quantified alternation whose branches can start with the same character, e.g. `(a|a)*`,
 *    `(\d|\w)+` — safe-regex2 does not look for these, so we parse the pattern with `ret` (the parser
 *    safe-regex2 itself uses) and compare the first-character sets of the branches.
 * Chosen over `recheck` (exact, but a multi-megabyte Scala.js bundle or a worker) because both run
 * synchronously and eval-free inside the extension; the price is false positives on exotic but harmless
 * patterns, which the editor reports so a person can rewrite them.
 */
import ret, { types, type Token, type SetToken } from 'ret';
import safeRegex from 'safe-regex2';
import { PACK_LIMITS } from './limits';

export interface RegexVerdict {
  ok: boolean;
  zh?: string;
  en?: string;
}

/** Characters the first-set comparison samples: ASCII, Latin-1 and a few CJK and full-width ones. */
const ALPHABET: number[] = [
  ...Array.from({ length: 0x250 }, (_, i) => i),
  0x3000, 0x3001, 0x4e00, 0x4e2d, 0x7535, 0x9fa5, 0xff08, 0xff10, 0xff21,
];

function inSet(tokens: SetToken[], c: number): boolean {
  return tokens.some((t) => {
    if (t.type === types.CHAR) return t.value === c;
    if (t.type === types.RANGE) return c >= t.from && c <= t.to;
    return inSet(t.set, c) !== t.not;
  });
}

/** First characters a token sequence can start with, and whether it can match the empty string. */
function first(seq: Token[]): { chars: Set<number>; nullable: boolean } {
  const chars = new Set<number>();
  for (const t of seq) {
    const f = firstOfToken(t);
    f.chars.forEach((c) => chars.add(c));
    if (!f.nullable) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function firstOfToken(t: Token): { chars: Set<number>; nullable: boolean } {
  switch (t.type) {
    case types.CHAR:
      return { chars: new Set([t.value]), nullable: false };
    case types.SET:
      return { chars: new Set(ALPHABET.filter((c) => inSet(t.set, c) !== t.not)), nullable: false };
    case types.REPETITION: {
      const f = firstOfToken(t.value);
      return { chars: f.chars, nullable: f.nullable || t.min === 0 };
    }
    case types.GROUP: {
      if (t.followedBy || t.notFollowedBy || t.lookBehind) return { chars: new Set(), nullable: true };
      const options = t.options ?? [t.stack ?? []];
      const chars = new Set<number>();
      let nullable = false;
      for (const o of options) {
        const f = first(o);
        f.chars.forEach((c) => chars.add(c));
        nullable ||= f.nullable;
      }
      return { chars, nullable };
    }
    default:
      // positions (^ $ \b) and back-references consume nothing we can predict
      return { chars: new Set(), nullable: true };
  }
}

/** A quantified group (max > 1) whose branches overlap at their first character, found depth-first. */
function overlappingAlternation(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === types.REPETITION) {
      const body = t.value;
      if (t.max > 1 && body.type === types.GROUP && body.options && body.options.length > 1) {
        const sets = body.options.map((o) => first(o).chars);
        for (let i = 0; i < sets.length; i++)
          for (let j = i + 1; j < sets.length; j++) for (const c of sets[i]) if (sets[j].has(c)) return true;
      }
      if (overlappingAlternation([body])) return true;
    } else if (t.type === types.GROUP) {
      for (const o of t.options ?? [t.stack ?? []]) if (overlappingAlternation(o)) return true;
    }
  }
  return false;
}

export function checkPattern(pattern: string): RegexVerdict {
  if (pattern.length > PACK_LIMITS.patternChars) {
    return { ok: false, zh: `正则表达式过长（${pattern.length} 个字符，上限 ${PACK_LIMITS.patternChars}）`, en: `pattern too long (${pattern.length} characters, limit ${PACK_LIMITS.patternChars})` };
  }
  try {
    // both engines compile patterns with the `u` flag
    new RegExp(pattern, 'u');
  } catch (e) {
    return { ok: false, zh: `正则表达式无效：${(e as Error).message}`, en: `invalid pattern: ${(e as Error).message}` };
  }
  if (!safeRegex(pattern)) {
    return { ok: false, zh: '正则表达式有嵌套的重复（如 (a+)+），可能导致灾难性回溯', en: 'pattern nests quantifiers (like (a+)+): catastrophic backtracking' };
  }
  let root: ReturnType<typeof ret>;
  try {
    root = ret(pattern);
  } catch {
    return { ok: false, zh: '正则表达式无法解析', en: 'pattern could not be parsed' };
  }
  // a top-level alternation is not repeated: each branch is checked on its own
  const branches = root.options ?? [root.stack ?? []];
  return branches.some(overlappingAlternation) ? overlapVerdict : { ok: true };
}

const overlapVerdict: RegexVerdict = {
  ok: false,
  zh: '正则表达式在重复中有可匹配同一字符的分支（如 (a|a)*），可能导致灾难性回溯',
  en: 'pattern repeats alternatives that can match the same character (like (a|a)*): catastrophic backtracking',
};
