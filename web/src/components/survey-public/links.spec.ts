import { describe, expect, it } from 'vitest';
import { counterSurveyUrl, organizationResultsHref, posterHref, surveyHref } from './links';

describe('public survey links', () => {
  it('prints the counter QR address with the counter channel', () => {
    expect(counterSurveyUrl('https://sipadu.okukab.go.id', '6650a1b2')).toBe(
      'https://sipadu.okukab.go.id/survei/6650a1b2?kanal=loket',
    );
    expect(counterSurveyUrl('http://localhost:3000/', 'a b')).toBe(
      'http://localhost:3000/survei/a%20b?kanal=loket',
    );
  });

  it('escapes ids and codes in paths', () => {
    expect(surveyHref('x/y')).toBe('/survei/x%2Fy');
    expect(posterHref('abc')).toBe('/layanan/abc/qr');
    expect(organizationResultsHref('DISDUKCAPIL', 'tahun=2026')).toBe(
      '/hasil-survei/DISDUKCAPIL?tahun=2026',
    );
    expect(organizationResultsHref('RSUD')).toBe('/hasil-survei/RSUD');
  });
});
