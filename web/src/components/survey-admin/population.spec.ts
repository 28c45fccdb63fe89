import { describe, expect, it } from 'vitest';
import { populationCsvProblem, populationCsvTemplate, populationValue } from './population';

describe('populations', () => {
  it('checks the CSV before sending it', () => {
    expect(populationCsvProblem({ name: 'populasi.csv', size: 120 })).toBeNull();
    expect(populationCsvProblem({ name: 'populasi.xlsx', size: 120 })).toBe('format');
    expect(populationCsvProblem({ name: 'populasi.CSV', size: 0 })).toBe('empty');
    expect(populationCsvProblem({ name: 'p.csv', size: 2 * 1024 * 1024 })).toBe('size');
  });

  it('reads whole populations', () => {
    expect(populationValue('1.250')).toBe(1250);
    expect(populationValue(0)).toBe(0);
    expect(populationValue('-3')).toBeNull();
    expect(populationValue('2,5')).toBeNull();
    expect(populationValue('')).toBeNull();
  });

  it('writes a template in the service format', () => {
    expect(populationCsvTemplate(['a', 'b'], '2026-S1')).toBe(
      'layanan_id;periode;populasi\na;2026-S1;\nb;2026-S1;\n',
    );
  });
});
