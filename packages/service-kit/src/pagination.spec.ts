import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor } from './pagination.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
};

describe('page cursors', () => {
  it('round-trips a key cursor of each kind', () => {
    const at = new Date('2026-07-01T03:04:05.000Z');
    expect(decodeKeyCursor(encodeKeyCursor(at, 'id-1'), 'date')).toEqual([at, 'id-1']);
    expect(decodeKeyCursor(encodeKeyCursor('dinas|ktp', 'id-2'), 'string')).toEqual([
      'dinas|ktp',
      'id-2',
    ]);
    expect(decodeKeyCursor(encodeKeyCursor(42, 'id-3'), 'number')).toEqual([42, 'id-3']);
    expect(decodeCursor(encodeCursor(['a', 1, null]))).toEqual(['a', 1, null]);
  });

  it('refuses a cursor of another kind or a forged one with BAD_USER_INPUT', () => {
    expect(codeOf(() => decodeKeyCursor(encodeKeyCursor('x', 'id'), 'number'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => decodeKeyCursor(encodeKeyCursor('not a date', 'id'), 'date'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => decodeKeyCursor(encodeCursor(['a', 'b', 'c']), 'string'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => decodeCursor('bukan-kursor'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(encodeCursor([])))).toBe('BAD_USER_INPUT');
  });
});
