import { describe, expect, it } from 'vitest';
import { contentDisposition, parseRange, sanitizeFilename } from './http-headers.js';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=0-0', { start: 0, end: 0 }],
  ])('%s of 1000 bytes', (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  it.each([['bytes=1000-'], ['bytes=5000-6000'], ['bytes=-0']])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, 1000)).toBe('unsatisfiable');
  });

  it.each([
    [undefined],
    ['items=0-5'],
    ['bytes=0-5,10-20'],
    ['bytes=9-2'],
    ['bytes=-'],
    ['bytes=a-b'],
  ])('%s serves the whole body', (header) => {
    expect(parseRange(header, 1000)).toBeNull();
  });
});

describe('file names', () => {
  it('keeps the last path component without controls or quotes', () => {
    expect(sanitizeFilename('C:\\Users\\x\\laporan "final".pdf')).toBe('laporan final.pdf');
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('a\r\nSet-Cookie: x.pdf')).toBe('aSet-Cookie: x.pdf');
    expect(sanitizeFilename('  ')).toBeNull();
    expect(sanitizeFilename('..')).toBeNull();
    const long = sanitizeFilename(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long?.endsWith('.pdf')).toBe(true);
  });

  it('writes an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Surat Keputusan №5 – ÄÖ.pdf')).toBe(
      `attachment; filename="Surat Keputusan No5 _ AO.pdf"; filename*=UTF-8''Surat%20Keputusan%20%E2%84%965%20%E2%80%93%20%C3%84%C3%96.pdf`,
    );
  });

  it('lets no quote, CR/LF or separator through', () => {
    const header = contentDisposition('a"b\r\nX-Evil: 1/..\\c\'(d).pdf', 'inline');
    expect(header).toBe(`inline; filename="c'(d).pdf"; filename*=UTF-8''c%27%28d%29.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
