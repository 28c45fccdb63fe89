import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  fiscalYearOf,
  portfolioMapPoints,
  shareOf,
  yearChoices,
} from './portfolio-data';

describe('portfolio helpers', () => {
  it('reads the fiscal year from the URL', () => {
    expect(fiscalYearOf('2026')).toBe(2026);
    expect(fiscalYearOf('1999')).toBeNull();
    expect(fiscalYearOf('20x6')).toBeNull();
    expect(fiscalYearOf(undefined)).toBeNull();
  });

  it('offers the years with projects and the chosen one, newest first', () => {
    expect(yearChoices([2025, 2026], 2024)).toEqual([2026, 2025, 2024]);
    expect(yearChoices([2026, 2025, 2026], null)).toEqual([2026, 2025]);
  });

  it('computes shares without dividing by zero', () => {
    expect(shareOf(25, 200)).toBe(12.5);
    expect(shareOf(5, 0)).toBe(0);
  });

  it('decodes base64 exports byte for byte', () => {
    const bytes = base64ToBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]).toString('base64'));
    expect([...bytes]).toEqual([0x50, 0x4b, 0x03, 0x04, 0xff]);
  });

  it('links every location to its project', () => {
    const points = portfolioMapPoints(
      [
        {
          projectId: 'p1',
          projectName: 'Jalan Lingkar',
          location: { id: 'l1', latitude: -1.6, longitude: 103.6, address: 'Jl. A' },
        },
      ],
      (id) => `/proyek/${id}`,
    );
    expect(points).toEqual([
      {
        id: 'p1-l1',
        latitude: -1.6,
        longitude: 103.6,
        label: 'Jalan Lingkar — Jl. A',
        href: '/proyek/p1',
        kind: 'project',
      },
    ]);
  });
});
