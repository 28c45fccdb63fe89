import { describe, expect, it } from 'vitest';
import {
  hasPlanErrors,
  plannedAmountOf,
  shareTotal,
  toTrancheInputs,
  todayIn,
  validateDisbursement,
  validateTranchePlan,
  type TranchePlanRow,
} from './disbursement-tab.schema';

const messages = {
  required: 'required',
  percent: 'percent',
  sharePositive: 'positive',
  date: 'date',
  totalOver: 'over',
  empty: 'empty',
  tooLong: 'long',
};

function row(overrides: Partial<TranchePlanRow>): TranchePlanRow {
  return {
    key: 'a',
    id: null,
    name: 'Uang muka',
    share: 20,
    plannedDate: '2026-03-01',
    minPhysicalProgress: 0,
    requirementGroup: '',
    locked: false,
    ...overrides,
  };
}

describe('tranche plan', () => {
  it('accepts shares up to exactly 100 % despite floating point', () => {
    const rows = [
      row({ key: 'a', share: 33.3 }),
      row({ key: 'b', share: 33.3 }),
      row({ key: 'c', share: 33.4 }),
    ];
    expect(shareTotal(rows)).toBe(100);
    expect(hasPlanErrors(validateTranchePlan(rows, messages))).toBe(false);
  });

  it('refuses shares above 100 %, counting locked tranches too', () => {
    const rows = [row({ key: 'a', share: 60, locked: true }), row({ key: 'b', share: 50 })];
    expect(validateTranchePlan(rows, messages).plan).toBe('over');
  });

  it('flags each bad field of editable rows only', () => {
    const errors = validateTranchePlan(
      [
        row({ key: 'a', name: ' ', share: 0, plannedDate: '2026-13-01', minPhysicalProgress: 120 }),
        row({ key: 'b', name: '', share: '', locked: true }),
      ],
      messages,
    );
    expect(errors.rows).toEqual({
      a: {
        name: 'required',
        share: 'positive',
        plannedDate: 'date',
        minPhysicalProgress: 'percent',
      },
    });
    expect(validateTranchePlan([], messages).plan).toBe('empty');
  });

  it('sends trimmed rows, keeping ids and turning an empty group into null', () => {
    expect(toTrancheInputs([row({ id: 't1', name: ' Termin 1 ', requirementGroup: ' ' })])).toEqual(
      [
        {
          id: 't1',
          name: 'Termin 1',
          plannedShare: 20,
          plannedDate: '2026-03-01',
          minPhysicalProgress: 0,
          requirementGroup: null,
        },
      ],
    );
  });

  it('computes the planned amount in whole rupiah', () => {
    expect(plannedAmountOf(12.5, 10_000_000_001)).toBe(1_250_000_000);
    expect(plannedAmountOf('', 1000)).toBe(0);
  });
});

describe('disbursement entry', () => {
  it('wants a positive whole amount and a date', () => {
    const texts = { amount: 'amount', date: 'date' };
    expect(validateDisbursement({ amount: 1_000_000, date: '2026-04-30' }, texts)).toEqual({});
    expect(validateDisbursement({ amount: 10.5, date: '' }, texts)).toEqual({
      amount: 'amount',
      date: 'date',
    });
    expect(validateDisbursement({ amount: '', date: '2026-04-30' }, texts)).toEqual({
      amount: 'amount',
    });
  });

  it('knows the date in Jakarta', () => {
    expect(todayIn('Asia/Jakarta', new Date('2026-03-31T18:30:00Z'))).toBe('2026-04-01');
  });
});
