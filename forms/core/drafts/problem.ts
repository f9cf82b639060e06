/**
 * A problem found in a draft file or a draft operation, named with where it is, in Chinese and
 * English — the user must be able to find and fix it (bad input gets a clear message).
 */
export interface DraftProblem {
  code:
    | 'malformed-json'
    | 'not-an-object'
    | 'format-version'
    | 'pack-id'
    | 'checksum'
    | 'oversized'
    | 'unknown-document'
    | 'wrong-type'
    | 'missing-field'
    | 'duplicate-id';
  /** where: `file`, or a JSON pointer into the file such as `/drafts/2/data` */
  where: string;
  zh: string;
  en: string;
}

export function problem(code: DraftProblem['code'], where: string, zh: string, en: string): DraftProblem {
  return { code, where, zh, en };
}
