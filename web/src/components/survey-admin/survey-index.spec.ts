import { describe, expect, it } from 'vitest';
import {
  distributionShares,
  formatScore,
  isWeak,
  sampleStatus,
  weakestElements,
} from './survey-index';

const element = (order: number, nrr: number | null, distribution = [0, 0, 0, 0]) => ({
  element: { code: `U${order}`, order, name: `Unsur ${order}` },
  nrr,
  answers: distribution.reduce((a, b) => a + b, 0) || (nrr === null ? 0 : 1),
  distribution,
});

describe('index helpers', () => {
  it('formats scores with two decimals', () => {
    expect(formatScore(3.256)).toBe('3,26');
    expect(formatScore(81.25)).toBe('81,25');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(3.2, 'en')).toBe('3.20');
  });

  it('picks the weakest elements, lowest first, in element order on ties', () => {
    const elements = [element(1, 3.5), element(2, 2.9), element(3, null), element(4, 2.9)];
    expect(weakestElements(elements, 2).map((e) => e.element.code)).toEqual(['U2', 'U4']);
    expect(weakestElements(elements).map((e) => e.element.code)).toEqual(['U2', 'U4', 'U1']);
  });

  it('marks an NRR weak below grade B (converted < 76.61)', () => {
    expect(isWeak(3.06)).toBe(true);
    expect(isWeak(3.0644)).toBe(false);
    expect(isWeak(null)).toBe(false);
  });

  it('turns answer counts into shares per answer value', () => {
    const shares = distributionShares([element(1, 3, [1, 1, 2, 4]), element(2, null)]);
    expect(shares).toEqual([
      [12.5, 0],
      [12.5, 0],
      [25, 0],
      [50, 0],
    ]);
  });

  it('tells whether the sample is adequate', () => {
    const base = { respondents: 10, minimumSample: 80, sampleShortfall: 70 };
    expect(sampleStatus({ ...base, sampleAdequate: false })).toBe('short');
    expect(sampleStatus({ ...base, sampleShortfall: 0, sampleAdequate: true })).toBe('adequate');
    expect(
      sampleStatus({
        respondents: 3,
        minimumSample: null,
        sampleShortfall: null,
        sampleAdequate: null,
      }),
    ).toBe('unknown');
  });
});
