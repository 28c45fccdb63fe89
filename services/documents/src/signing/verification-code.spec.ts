import { describe, expect, it } from 'vitest';
import { generateVerificationCode, normalizeVerificationCode } from './signature.service.js';

describe('verification codes', () => {
  it('are 12 Crockford base32 characters in groups of four, and differ', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
  });

  it('are read back whatever the case, spacing, dashes and look-alike letters', () => {
    expect(normalizeVerificationCode('abcd-efgh-jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeVerificationCode(' ABCD EFGH JKMN ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeVerificationCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeVerificationCode('O1IL-0000-1111')).toBe('0111-0000-1111');
  });

  it('reject what cannot be a code', () => {
    expect(normalizeVerificationCode('')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH-JKM')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH-JKMNP')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH-JKMU')).toBeNull();
    expect(normalizeVerificationCode('ABCD/EFGH/JKMN')).toBeNull();
  });
});
