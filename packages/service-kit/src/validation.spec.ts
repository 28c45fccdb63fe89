import { mongo } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { containsPattern } from './validation.js';

describe('containsPattern', () => {
  it('matches the text literally, regex metacharacters included', () => {
    expect(containsPattern(' (A+)+$ ').test('x(a+)+$y')).toBe(true);
    expect(containsPattern('.*').test('abc')).toBe(false);
  });

  // Found by the fuzz suite: a NUL in a search box made the driver throw (INTERNAL_SERVER_ERROR).
  it('turns a NUL into an escape the BSON encoder accepts, still matching it', () => {
    const pattern = containsPattern('a\u0000b');
    expect(() => mongo.BSON.serialize({ searchText: { $regex: pattern } })).not.toThrow();
    expect(pattern.test('xa\u0000by')).toBe(true);
  });
});
