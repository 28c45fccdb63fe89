import { describe, expect, it } from 'vitest';
import {
  CATALOG_HREF,
  cellText,
  dataDownloadHref,
  dataUpstreamUrl,
  isDataFileName,
  previewRows,
  withPeriod,
} from './data-links';

describe('open data links', () => {
  it('serves the gateway downloads from the portal, relative or absolute', () => {
    expect(dataDownloadHref('/open-data/ikm-organisasi.csv')).toBe('/api/data/ikm-organisasi.csv');
    expect(dataDownloadHref('https://api.sipadu.go.id/open-data/pengaduan.json')).toBe(
      '/api/data/pengaduan.json',
    );
    expect(dataDownloadHref('/open-data/ikm-organisasi.json?period=2026-S1')).toBe(
      '/api/data/ikm-organisasi.json?period=2026-S1',
    );
    expect(withPeriod('/api/data/x.csv?period=2025', '2026-Q1')).toBe(
      '/api/data/x.csv?period=2026-Q1',
    );
    expect(CATALOG_HREF).toBe('/api/data/catalog.json');
    expect(dataDownloadHref('/files/abc')).toBeNull();
    expect(dataDownloadHref('/open-data/../graphql.json')).toBeNull();
    expect(dataDownloadHref('/open-data/data.xlsx')).toBeNull();
  });

  it('forwards only data file names to the gateway origin', () => {
    expect(isDataFileName('catalog.json')).toBe(true);
    expect(isDataFileName('statistik-pengaduan.csv')).toBe(true);
    expect(isDataFileName('..csv')).toBe(false);
    expect(isDataFileName('a/b.csv')).toBe(false);
    expect(isDataFileName('.hidden.json')).toBe(false);
    expect(dataUpstreamUrl('http://127.0.0.1:4000/graphql', 'x.csv')).toBe(
      'http://127.0.0.1:4000/open-data/x.csv',
    );
    expect(dataUpstreamUrl('http://gateway:4000/graphql', 'x.json', '2026-M11')).toBe(
      'http://gateway:4000/open-data/x.json?period=2026-M11',
    );
  });

  it('previews the rows of a JSON array or of the array an object holds', () => {
    const rows = [{ a: 1 }, { a: 2 }, { a: 3 }];
    expect(previewRows(rows, 2)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(previewRows({ title: 'x', data: rows }, 5)).toEqual(rows);
    expect(previewRows({ meta: {}, list: rows }, 1)).toEqual([{ a: 1 }]);
    expect(previewRows('text', 5)).toEqual([]);
    expect(previewRows([1, 'x', { a: 1 }], 5)).toEqual([{ a: 1 }]);
  });

  it('writes cells as text', () => {
    expect(cellText(null)).toBe('—');
    expect(cellText('')).toBe('—');
    expect(cellText(0)).toBe('0');
    expect(cellText({ b: 1 })).toBe('{"b":1}');
  });
});
