/**
 * Size limits for a pack applied by import or edit. They are stated here (and shown in the editor) so
 * a hostile or broken pack cannot exhaust an institution's browser: the shipped pack is ~0.2 MB.
 */
export const PACK_LIMITS = {
  /** whole pack as canonical JSON */
  packBytes: 8 * 1024 * 1024,
  /** one file as canonical JSON */
  fileBytes: 4 * 1024 * 1024,
  files: 500,
  /** nesting depth of any JSON value */
  depth: 40,
  /** characters of one `pattern` (longer regexes are unreadable and slow to check) */
  patternChars: 300,
  /** characters of any one string value */
  stringChars: 200_000,
} as const;

export const describeLimits = (): { zh: string; en: string } => ({
  zh: `文书包不超过 ${PACK_LIMITS.packBytes / 1048576} MB、${PACK_LIMITS.files} 个文件，单个文件不超过 ${PACK_LIMITS.fileBytes / 1048576} MB，嵌套不超过 ${PACK_LIMITS.depth} 层，正则表达式不超过 ${PACK_LIMITS.patternChars} 个字符。`,
  en: `A pack holds at most ${PACK_LIMITS.packBytes / 1048576} MB in ${PACK_LIMITS.files} files, ${PACK_LIMITS.fileBytes / 1048576} MB per file, nesting depth ${PACK_LIMITS.depth}, patterns of ${PACK_LIMITS.patternChars} characters.`,
});
