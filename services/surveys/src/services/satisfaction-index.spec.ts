import { describe, expect, it } from 'vitest';
import {
  converted,
  gradeOf,
  ikmOf,
  indexOf,
  krejcieMorgan,
  nrr,
  round2,
  sampleAdequacy,
} from './satisfaction-index.js';

/** Per-element totals and answer counts of a list of responses (9 scores each). */
function totalsOf(responses: number[][]) {
  return Array.from({ length: 9 }, (_, element) => ({
    total: responses.reduce((sum, scores) => sum + scores[element]!, 0),
    answers: responses.length,
  }));
}

describe('IKM arithmetic (PermenPANRB 14/2017)', () => {
  it('worked example: four respondents, grade B', () => {
    const responses = [
      [4, 4, 3, 3, 4, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 4, 4, 3, 3],
      [4, 3, 2, 4, 3, 3, 4, 2, 3],
      [3, 3, 3, 4, 4, 3, 4, 3, 2],
    ];
    // Totals per element:  U1 14, U2 13, U3 11, U4 15, U5 14, U6 14, U7 16, U8 11, U9 11
    // NRR = total / 4:     3.50  3.25  2.75  3.75  3.50  3.50  4.00  2.75  2.75
    // Σ NRR = 29.75; IKM = 29.75 / 9 = 3.305555…; converted = 3.305555… × 25 = 82.638888…
    // 76.61 ≤ 82.64 ≤ 88.30 → B, "Baik".
    const result = indexOf(totalsOf(responses));
    expect(result.nrrs).toEqual([3.5, 3.25, 2.75, 3.75, 3.5, 3.5, 4, 2.75, 2.75]);
    expect(result.ikm).toBeCloseTo(29.75 / 9, 12);
    expect(result.ikmConverted).toBeCloseTo(82.638888888889, 9);
    expect(result.grade).toBe('B');
    expect(result.performance).toBe('Baik');
    // The regulation's printed weight 0.111 would give 29.75 × 0.111 × 25 = 82.55625: the exact
    // 1/9 is used instead, so the value is not that.
    expect(result.ikmConverted).not.toBeCloseTo(82.55625, 2);
  });

  it('worked example: a perfect service scores exactly 100 (1/9, not 0.111)', () => {
    // Every answer 4: every NRR 4, Σ NRR = 36, IKM = 36 / 9 = 4, converted = 100 → A.
    // With 0.111: 36 × 0.111 = 3.996 → 99.9.
    const result = indexOf(totalsOf([Array(9).fill(4), Array(9).fill(4)]));
    expect(result.ikm).toBe(4);
    expect(result.ikmConverted).toBe(100);
    expect(result).toMatchObject({ grade: 'A', performance: 'Sangat Baik' });
  });

  it('worked example: one respondent either side of the A/B line', () => {
    // Scores summing to 32: IKM = 32/9 = 3.5555…, converted = 800/9 = 88.888… → A.
    const a = indexOf(totalsOf([[4, 4, 4, 4, 4, 3, 3, 3, 3]]));
    expect(a.ikmConverted).toBeCloseTo(800 / 9, 12);
    expect(a.grade).toBe('A');
    // Sum 31: converted = 775/9 = 86.111… → B.
    const b = indexOf(totalsOf([[4, 4, 4, 4, 3, 3, 3, 3, 3]]));
    expect(b.ikmConverted).toBeCloseTo(775 / 9, 12);
    expect(b.grade).toBe('B');
  });

  it('worked example: grades C and D', () => {
    // Three respondents, totals U1..U9 = 8,9,7,9,8,8,9,7,7 (Σ 72 over 3 answers each):
    // NRRs 2.667, 3, 2.333, 3, 2.667, 2.667, 3, 2.333, 2.333; Σ NRR = 72/3 = 24;
    // IKM = 24/9 = 2.6667; converted = 66.6667 → C "Kurang Baik".
    const c = indexOf(
      totalsOf([
        [3, 3, 2, 3, 3, 3, 3, 2, 2],
        [3, 3, 3, 3, 3, 3, 3, 3, 3],
        [2, 3, 2, 3, 2, 2, 3, 2, 2],
      ]),
    );
    expect(c.ikm).toBeCloseTo(24 / 9, 12);
    expect(c.ikmConverted).toBeCloseTo(66.666666666667, 9);
    expect(c).toMatchObject({ grade: 'C', performance: 'Kurang Baik' });
    // All 2s: IKM 2, converted 50 → D "Tidak Baik"; all 1s: converted 25 → D.
    expect(indexOf(totalsOf([Array(9).fill(2)]))).toMatchObject({
      ikm: 2,
      ikmConverted: 50,
      grade: 'D',
      performance: 'Tidak Baik',
    });
    expect(indexOf(totalsOf([Array(9).fill(1)])).ikmConverted).toBe(25);
  });

  it('has no index without answers', () => {
    expect(nrr(0, 0)).toBeNull();
    expect(ikmOf([])).toBeNull();
    expect(ikmOf([3, 3, null, 3, 3, 3, 3, 3, 3])).toBeNull();
    expect(indexOf(Array(9).fill({ total: 0, answers: 0 }))).toEqual({
      nrrs: Array(9).fill(null),
      ikm: null,
      ikmConverted: null,
      grade: null,
      performance: null,
    });
    expect(converted(3)).toBe(75);
  });

  it('grades on the value rounded to 2 decimals, at every boundary of the intervals', () => {
    const grade = (value: number) => gradeOf(value).grade;
    expect(grade(100)).toBe('A');
    expect(grade(88.31)).toBe('A');
    expect(grade(88.305)).toBe('A'); // rounds to 88.31
    expect(grade(88.30499)).toBe('B'); // rounds to 88.30
    expect(grade(88.3)).toBe('B');
    expect(grade(76.61)).toBe('B');
    expect(grade(76.605)).toBe('B'); // rounds to 76.61
    expect(grade(76.6)).toBe('C');
    expect(grade(65)).toBe('C');
    expect(grade(64.995)).toBe('C'); // rounds to 65.00
    expect(grade(64.99)).toBe('D');
    expect(grade(25)).toBe('D');
    expect(gradeOf(88.31).performance).toBe('Sangat Baik');
    expect(gradeOf(76.61).performance).toBe('Baik');
    expect(gradeOf(65).performance).toBe('Kurang Baik');
    expect(gradeOf(64.99).performance).toBe('Tidak Baik');
  });

  it('rounds half up without binary noise', () => {
    expect(round2(88.305)).toBe(88.31);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(82.638888)).toBe(82.64);
    expect(round2(64.994999)).toBe(64.99);
  });
});

describe('Krejcie & Morgan minimum sample', () => {
  it('matches the worked values', () => {
    // N = 100:   3.841·100·0.25 = 96.025;   0.0025·99 + 0.96025 = 1.20775;   96.025 / 1.20775 = 79.51 → 80
    // N = 1000:  960.25 / (0.0025·999 + 0.96025 = 3.45775) = 277.71 → 278
    // N = 10000: 9602.5 / (0.0025·9999 + 0.96025 = 25.95775) = 369.93 → 370
    expect(krejcieMorgan(100)).toBe(80);
    expect(krejcieMorgan(1000)).toBe(278);
    expect(krejcieMorgan(10000)).toBe(370);
    // N = 1:   0.96025 / (0 + 0.96025) = 1 exactly → 1 (not 2 from floating-point noise)
    expect(krejcieMorgan(1)).toBe(1);
    // N = 10:  9.6025 / (0.0225 + 0.96025 = 0.98275) = 9.77 → 10
    expect(krejcieMorgan(10)).toBe(10);
    // N = 1,000,000: 960250 / (2499.9975 + 0.96025) = 383.96 → 384 (the curve's ceiling)
    expect(krejcieMorgan(1_000_000)).toBe(384);
    expect(krejcieMorgan(0)).toBe(0);
  });

  it('reports respondents against the minimum', () => {
    expect(sampleAdequacy(50, 100)).toEqual({
      population: 100,
      minimumSample: 80,
      sampleShortfall: 30,
      sampleAdequate: false,
    });
    expect(sampleAdequacy(300, 1000)).toEqual({
      population: 1000,
      minimumSample: 278,
      sampleShortfall: 0,
      sampleAdequate: true,
    });
    expect(sampleAdequacy(0, 0)).toMatchObject({ minimumSample: 0, sampleAdequate: true });
    expect(sampleAdequacy(10, null)).toEqual({
      population: null,
      minimumSample: null,
      sampleShortfall: null,
      sampleAdequate: null,
    });
  });
});
