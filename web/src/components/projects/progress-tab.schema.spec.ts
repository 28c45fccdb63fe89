import { describe, expect, it } from 'vitest';
import {
  browserFilePath,
  coordinatesProblem,
  currentPeriod,
  hasPlanRowErrors,
  nextPeriod,
  toPlanPoints,
  toReportInput,
  validatePlan,
  validateReport,
  type ReportValues,
} from './progress-tab.schema';

const reportMessages = {
  required: 'required',
  period: 'period',
  percent: 'percent',
  tooLong: 'long',
  bothCoordinates: 'both',
  outside: 'outside',
};

const report: ReportValues = {
  period: '2026-03',
  physicalPercent: 35,
  financialPercent: 30.5,
  narrative: ' Pengecoran lantai 2 selesai. ',
  problems: '  ',
  media: [
    {
      fileId: 'f1',
      name: 'foto.jpg',
      kind: 'PHOTO',
      caption: ' Lantai 2 ',
      latitude: '',
      longitude: '',
      exif: { latitude: -1.6, longitude: 103.6, takenAt: '2026-03-10T02:00:00Z' },
    },
    {
      fileId: 'f2',
      name: 'video.mp4',
      kind: 'VIDEO',
      caption: '',
      latitude: -1.61,
      longitude: 103.61,
      exif: null,
    },
  ],
};

describe('progress report form', () => {
  it('sends manual positions only when both are typed, EXIF otherwise', () => {
    expect(validateReport(report, reportMessages)).toEqual({});
    expect(toReportInput(report)).toEqual({
      period: '2026-03',
      physicalPercent: 35,
      financialPercent: 30.5,
      narrative: 'Pengecoran lantai 2 selesai.',
      problems: null,
      media: [
        { fileId: 'f1', kind: 'PHOTO', caption: 'Lantai 2', latitude: null, longitude: null },
        { fileId: 'f2', kind: 'VIDEO', caption: null, latitude: -1.61, longitude: 103.61 },
      ],
    });
  });

  it('flags bad months, percentages, an empty narrative and bad positions', () => {
    const errors = validateReport(
      {
        ...report,
        period: '2026-13',
        physicalPercent: 120,
        financialPercent: '',
        narrative: ' ',
        media: [
          { ...report.media[0]!, latitude: -1.6 },
          { ...report.media[1]!, latitude: 40, longitude: 103 },
        ],
      },
      reportMessages,
    );
    expect(errors).toEqual({
      period: 'period',
      physicalPercent: 'percent',
      financialPercent: 'required',
      narrative: 'required',
      media: { f1: 'both', f2: 'outside' },
    });
  });

  it('accepts no coordinates at all', () => {
    expect(coordinatesProblem('', '', reportMessages)).toBeNull();
    expect(coordinatesProblem(-11.5, 141.5, reportMessages)).toBeNull();
  });
});

describe('progress plan', () => {
  const messages = {
    period: 'period',
    duplicate: 'duplicate',
    percent: 'percent',
    decreasing: 'decreasing',
    empty: 'empty',
  };

  it('wants unique months and a cumulative plan that never goes down', () => {
    const rows = [
      { key: 'b', period: '2026-02', physicalPercent: 10, financialPercent: 5 },
      { key: 'a', period: '2026-01', physicalPercent: 15, financialPercent: 5 },
      { key: 'c', period: '2026-02', physicalPercent: 20, financialPercent: 101 },
    ];
    const errors = validatePlan(rows, messages);
    expect(errors.rows).toEqual({
      b: { physicalPercent: 'decreasing' },
      c: { period: 'duplicate', financialPercent: 'percent' },
    });
    expect(validatePlan([], messages).plan).toBe('empty');
  });

  it('saves the months in order', () => {
    const rows = [
      { key: 'b', period: '2026-02', physicalPercent: 20, financialPercent: 10 },
      { key: 'a', period: '2026-01', physicalPercent: 5, financialPercent: 0 },
    ];
    expect(hasPlanRowErrors(validatePlan(rows, messages))).toBe(false);
    expect(toPlanPoints(rows).map((point) => point.period)).toEqual(['2026-01', '2026-02']);
  });

  it('steps months across the year end', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2026-09')).toBe('2026-10');
    expect(nextPeriod('')).toBe('');
    expect(currentPeriod('Asia/Jakarta', new Date('2026-03-31T18:00:00Z'))).toBe('2026-04');
  });
});

describe('file paths', () => {
  it('routes gateway file paths through the BFF', () => {
    expect(browserFilePath('/files/abc')).toBe('/api/files/abc');
    expect(browserFilePath('/files/abc/thumbnail')).toBe('/api/files/abc/thumbnail');
    expect(browserFilePath('https://elsewhere/x')).toBe('https://elsewhere/x');
  });
});
