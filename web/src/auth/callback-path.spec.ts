import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-path';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/admin/pengguna?q=budi')).toBe('/admin/pengguna?q=budi');
  });

  it('refuses other sites and loops back to the sign-in page', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', 'dasbor']) {
      expect(safeCallbackPath(value)).toBe('/dasbor');
    }
    expect(safeCallbackPath('/masuk?callbackUrl=/x')).toBe('/dasbor');
    expect(safeCallbackPath(undefined)).toBe('/dasbor');
  });
});
