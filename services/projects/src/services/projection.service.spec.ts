import { describe, expect, it } from 'vitest';
import { summarize } from './projection.service.js';

describe('requirement summary', () => {
  it('counts every requirement but leaves tranche requirements out of the outstanding ones', () => {
    const rows = [
      { status: 'APPROVED', group: null },
      { status: 'WAIVED', group: 'Uang Muka' },
      { status: 'UNDER_REVIEW', group: null },
      { status: 'SUBMITTED', group: 'Uang Muka' },
      { status: 'REVISION_REQUESTED', group: null },
      { status: 'REQUESTED', group: 'Termin 1' },
      { status: 'REQUESTED', group: 'Termin 1' },
    ];
    expect(summarize(rows, new Set(['Termin 1']))).toEqual({
      total: 7,
      approved: 1,
      waived: 1,
      submitted: 2,
      revisionRequested: 1,
      outstanding: 3,
    });
    expect(summarize(rows, new Set()).outstanding).toBe(5);
  });
});
