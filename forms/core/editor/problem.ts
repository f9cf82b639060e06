import { escapeSegment } from '../schema/json-pointer';

/** One reason a pack (or an edit of it) is refused: where it is, and why, in Chinese and English. */
export interface PackProblem {
  /** file path inside the pack, then a JSON pointer inside that file (`documents/x/schema.json#/properties/a/pattern`) */
  where: string;
  zh: string;
  en: string;
}

export const at = (file: string, pointer = ''): string => (pointer ? `${file}#${pointer}` : file);

/** JSON pointer segment escaping (RFC 6901). */
export const seg = (key: string | number): string => `/${escapeSegment(key)}`;
