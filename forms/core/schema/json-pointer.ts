/**
 * JSON pointers (RFC 6901), the one implementation the kit uses: paths of findings, rule inputs,
 * fill maps, migrations, prefills. Reading and writing refuse the segments that reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`): pointers come from packs and drafts, which
 * may be hostile, and must never read or change anything but the data's own properties.
 */

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a segment may be followed: not one that reaches the prototype. */
export const isSafeSegment = (seg: string): boolean => !UNSAFE.has(seg);

export const escapeSegment = (seg: string | number): string => String(seg).replace(/~/g, '~0').replace(/\//g, '~1');

export const unescapeSegment = (seg: string): string => seg.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/a/b~1c` → `['a', 'b/c']`; `''` (the whole document) → `[]`. */
export function splitPointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeSegment);
}

/** A pointer holding a segment that reaches the prototype, refused where pack data or a draft names one. */
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

/** The unescaped segments of a pointer read from pack data (migrations, prefill targets); `''` and `/` are the root. Throws on an unsafe segment. */
export function pointerSegments(pointer: string): string[] {
  const segs = pointer === '/' ? [] : splitPointer(pointer);
  if (!segs.every(isSafeSegment)) throw new UnsafePointerError(pointer);
  return segs;
}

/** Whether no segment of a pointer reaches the prototype. */
export const isSafePointer = (pointer: string): boolean => pointer.split('/').every((s) => isSafeSegment(unescapeSegment(s)));

/** `['a', 'b/c']` → `/a/b~1c`. */
export const joinPointer = (segs: ReadonlyArray<string | number>): string => segs.map((s) => `/${escapeSegment(s)}`).join('');

const isContainer = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** The value at a pointer (own properties only), or undefined when any step is missing or unsafe. */
export function getAt(data: unknown, pointer: string | readonly string[]): unknown {
  let cur = data;
  for (const seg of typeof pointer === 'string' ? splitPointer(pointer) : pointer) {
    if (!isContainer(cur) || !isSafeSegment(seg) || !Object.hasOwn(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** The value at a JSON pointer, or undefined when any step is missing. */
export const valueAt = getAt;

/**
 * Sets the value at a pointer, creating missing containers on the way (an array when the next
 * segment is a number, else an object). False, and nothing changed, when a segment is unsafe or a
 * step on the way is a value that cannot hold properties.
 */
export function setAt(root: Record<string, unknown>, pointer: string | readonly string[], value: unknown): boolean {
  const segs = typeof pointer === 'string' ? splitPointer(pointer) : [...pointer];
  if (!segs.length || !segs.every(isSafeSegment)) return false;
  let cur: Record<string, unknown> = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i];
    const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    if (next === undefined || next === null) {
      cur = (cur[seg] = /^\d+$/.test(segs[i + 1]) ? [] : {}) as Record<string, unknown>;
    } else if (isContainer(next)) cur = next;
    else return false;
  }
  cur[segs[segs.length - 1]] = value;
  return true;
}

/** Removes the property at a pointer from a plain object parent; false when there was none. */
export function removeAt(root: unknown, pointer: string | readonly string[]): boolean {
  const segs = typeof pointer === 'string' ? splitPointer(pointer) : [...pointer];
  if (!segs.length || !segs.every(isSafeSegment)) return false;
  const parent = getAt(root, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (!isContainer(parent) || Array.isArray(parent) || !Object.hasOwn(parent, last)) return false;
  delete parent[last];
  return true;
}
