import { describe, expect, it } from 'vitest';
import { escapeSegment, getAt, joinPointer, removeAt, setAt, splitPointer } from '../../forms/core/schema/json-pointer';

describe('JSON pointers (RFC 6901)', () => {
  it('escape and split round-trip keys holding ~ and /', () => {
    const keys = ['a/b', '~0', 'x~/y', '', '0'];
    expect(splitPointer(joinPointer(keys))).toEqual(keys);
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
    expect(splitPointer('')).toEqual([]);
  });
  it('read own properties only', () => {
    const data = { a: [{ 'b/c': 1 }] };
    expect(getAt(data, '/a/0/b~1c')).toBe(1);
    expect(getAt(data, '/a/1')).toBeUndefined();
    expect(getAt(data, '/a/length')).toBe(1); // an array's own length, as JSON sees it
    expect(getAt({}, '/toString')).toBeUndefined();
    expect(getAt({}, '/__proto__')).toBeUndefined();
    expect(getAt({}, '/constructor/prototype')).toBeUndefined();
  });
  it('write, creating arrays for numeric steps and objects otherwise', () => {
    const root: Record<string, unknown> = {};
    expect(setAt(root, '/rows/0/name', 'x')).toBe(true);
    expect(root).toEqual({ rows: [{ name: 'x' }] });
    expect(setAt({ a: 'text' }, '/a/b', 1)).toBe(false);
  });
  it('refuse to reach the prototype, leaving everything unchanged', () => {
    const root: Record<string, unknown> = {};
    for (const p of ['/__proto__/polluted', '/constructor/prototype/polluted', '/a/prototype']) expect(setAt(root, p, 1)).toBe(false);
    expect(root).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(removeAt({ a: 1 }, '/__proto__')).toBe(false);
  });
  it('remove a member of an object', () => {
    const root = { a: { b: 1, c: 2 } };
    expect(removeAt(root, '/a/b')).toBe(true);
    expect(root).toEqual({ a: { c: 2 } });
    expect(removeAt(root, '/a/zz')).toBe(false);
  });
});
