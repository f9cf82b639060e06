import { splitPointer } from './field-schema';

/** The value at a JSON pointer, or undefined when any step is missing. */
export function valueAt(data: unknown, path: string): unknown {
  let cur = data;
  for (const seg of splitPointer(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
