import { describe, expect, it } from 'vitest';
import {
  clampPercent,
  followUpInput,
  isCalendarDate,
  isRecommendationStatus,
  recommendationHref,
  recommendationInput,
} from './recommendation';

const t = (key: string) => key;
const empty = { plan: '', progressPercent: '', note: '' };

describe('follow-up steps', () => {
  it('needs a plan to PLAN', () => {
    expect(followUpInput('r1', 'PLAN', empty, t)).toEqual({ errors: { plan: 'planRequired' } });
    expect(followUpInput('r1', 'PLAN', { ...empty, plan: ' Tambah loket ' }, t)).toEqual({
      input: { recommendationId: 'r1', action: 'PLAN', plan: 'Tambah loket' },
    });
  });

  it('needs a whole percent 0–100 to report PROGRESS', () => {
    expect(followUpInput('r1', 'PROGRESS', { ...empty, progressPercent: 101 }, t)).toEqual({
      errors: { progressPercent: 'percentRange' },
    });
    expect(followUpInput('r1', 'PROGRESS', { ...empty, progressPercent: '' }, t)).toEqual({
      errors: { progressPercent: 'percentRange' },
    });
    expect(
      followUpInput('r1', 'PROGRESS', { ...empty, progressPercent: '40', note: 'Separuh' }, t),
    ).toEqual({
      input: { recommendationId: 'r1', action: 'PROGRESS', progressPercent: 40, note: 'Separuh' },
    });
  });

  it('needs a note to REOPEN, not to COMPLETE or VERIFY', () => {
    expect(followUpInput('r1', 'REOPEN', empty, t)).toEqual({ errors: { note: 'noteRequired' } });
    expect(followUpInput('r1', 'COMPLETE', empty, t)).toEqual({
      input: { recommendationId: 'r1', action: 'COMPLETE' },
    });
    expect(followUpInput('r1', 'VERIFY', { ...empty, note: 'Sesuai' }, t)).toEqual({
      input: { recommendationId: 'r1', action: 'VERIFY', note: 'Sesuai' },
    });
    expect(followUpInput('r1', 'VERIFY', { ...empty, note: 'x'.repeat(2001) }, t)).toEqual({
      errors: { note: 'tooLong' },
    });
  });
});

describe('recommendations', () => {
  it('checks the evaluator form', () => {
    const period = { year: 2026, semester: 1 };
    expect(
      recommendationInput(
        'DINKES',
        period,
        { elementCode: '', text: ' ', priority: 'HIGH', dueDate: '2026-02-30' },
        t,
      ),
    ).toEqual({
      errors: { elementCode: 'elementRequired', text: 'textRequired', dueDate: 'date' },
    });
    expect(
      recommendationInput(
        'DINKES',
        period,
        { elementCode: 'U3', text: ' Percepat ', priority: 'LOW', dueDate: '' },
        t,
      ),
    ).toEqual({
      input: {
        organizationCode: 'DINKES',
        period,
        elementCode: 'U3',
        text: 'Percepat',
        priority: 'LOW',
        dueDate: null,
      },
    });
  });

  it('knows dates, statuses, links and percentages', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isRecommendationStatus('COMPLETED')).toBe(true);
    expect(isRecommendationStatus('DONE')).toBe(false);
    expect(recommendationHref('a/b')).toBe('/rekomendasi/a%2Fb');
    expect(clampPercent(140)).toBe(100);
    expect(clampPercent(null)).toBe(0);
  });
});
