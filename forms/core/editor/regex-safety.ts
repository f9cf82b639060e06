/**
 * Whether a schema `pattern` is safe to run on every keystroke in an institution's browser.
 *
 * The analyser is `redos-detector`: it explores the pattern's backtracking paths and refuses any where
 * one input can be matched in more than one way that grows with its length — nested quantifiers
 * (`(a+)+`), adjacent overlapping ones (`^.*.*.*=$`, `[^@]+@[^@]+\.[^@]+`) and overlapping
 * alternatives (`(\d|\w)+`). It is pure JavaScript (no eval), so the editor runs it in the extension
 * and the CLI in Node; `recheck` needs a multi-megabyte Scala.js bundle or a native binary.
 * A pattern too complex to decide within its step budget is refused as well.
 * Quantified alternatives whose branches can start with the same character are first looked for with
 * the `ret` parser: that answer is instant, where the analyser would spend its whole budget on them.
 * (`safe-regex2`, used before, only measured star height: it missed `^.*.*.*=$` and refused the safe
 * `^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$`.)
 */
import ret, { types, type Token, type SetToken } from 'ret';
import { isSafePattern } from 'redos-detector';
import { PACK_LIMITS } from '../pack/limits';
import { regexSyntaxReason } from './regex-syntax-reason';

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
    const why = regexSyntaxReason((e as Error).message);
    return { ok: false, zh: `正则表达式无效：${why.zh}`, en: `invalid pattern: ${why.en}` };
  }
  let root: ReturnType<typeof ret>;
  try {
    root = ret(pattern);
  } catch {
    return { ok: false, zh: '正则表达式无法解析', en: 'pattern could not be parsed' };
  }
  // a top-level alternation is not repeated: each branch is checked on its own
  const branches = root.options ?? [root.stack ?? []];
  if (branches.some(overlappingAlternation)) return overlapVerdict;
  let result: ReturnType<typeof isSafePattern>;
  try {
    result = isSafePattern(pattern, { unicode: true, maxSteps: ANALYSIS_STEPS, maxScore: MAX_SCORE, timeout: ANALYSIS_MS });
  } catch (e) {
    // the analyser's own message is English and internal: the user is told what to do instead
    return { ok: false, zh: '正则表达式无法分析，因此不予采用：请简化（例如去掉嵌套的重复）', en: `pattern could not be analysed, so it is refused: simplify it (${(e as Error).message})` };
  }
  if (result.safe) return { ok: true };
  if (result.error === 'hitMaxScore') return backtrackVerdict;
  return tooComplexVerdict;
}

/**
 * The analyser's budget per pattern, in steps so that the verdict is the same on a loaded machine as on
 * an idle one; a pattern it cannot decide within it is refused. The time limit is only a safety net.
 * maxScore 10: at most ten ways to match one input — the shipped patterns need one.
 */
const ANALYSIS_STEPS = 5000;
const MAX_SCORE = 10;
const ANALYSIS_MS = 10_000;

const backtrackVerdict: RegexVerdict = {
  ok: false,
  zh: '正则表达式可用多种方式匹配同一输入（如 (a+)+、.*.*、[^@]+@[^@]+），可能导致灾难性回溯；请改写为各部分互不重叠的形式',
  en: 'pattern can match one input in many ways (like (a+)+, .*.*, [^@]+@[^@]+): catastrophic backtracking on long input; rewrite it so its parts do not overlap',
};

const tooComplexVerdict: RegexVerdict = {
  ok: false,
  zh: '正则表达式过于复杂，无法确认不会发生灾难性回溯，因此不予采用；请简化（如去掉嵌套的重复）',
  en: 'pattern is too complex to prove free of catastrophic backtracking, so it is refused; simplify it (e.g. remove nested repetition)',
};

const overlapVerdict: RegexVerdict = {
  ok: false,
  zh: '正则表达式在重复中有可匹配同一字符的分支（如 (a|a)*），可能导致灾难性回溯',
  en: 'pattern repeats alternatives that can match the same character (like (a|a)*): catastrophic backtracking',
};
