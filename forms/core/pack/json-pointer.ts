/**
 * JSON pointers read from pack data (migration notes, check prefill targets) and from drafts. A segment
 * `__proto__`, `constructor` or `prototype` would walk into an object's prototype and set a property on
 * every object of the page, so a pointer holding one is refused wherever a pointer is read.
 */
export const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export class UnsafePointerError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(readonly pointer: string) {
    super(`unsafe JSON pointer ${pointer}`);
    this.name = 'UnsafePointerError';
    this.zh = `路径 ${pointer} 含不允许的段（__proto__、constructor 或 prototype）`;
    this.en = `pointer ${pointer} holds a forbidden segment (__proto__, constructor or prototype)`;
  }
}

/** The unescaped segments of a pointer ('' and '/' are the root). */
export function pointerSegments(pointer: string): string[] {
  const segs = pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segs.some((s) => UNSAFE_SEGMENTS.has(s))) throw new UnsafePointerError(pointer);
  return segs;
}

export function isSafePointer(pointer: string): boolean {
  return !pointer.split('/').some((s) => UNSAFE_SEGMENTS.has(s.replace(/~1/g, '/').replace(/~0/g, '~')));
}
