import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar.js';
import { stepClock, type ClockCase } from './clock.js';
import { defineWorkflow, type StateOf } from './definition.js';
import { INDONESIA_HOLIDAYS_2026 } from './holidays/indonesia-2026.js';

// Consultation in the shape of DOMAIN.md §6 with test service times (not the service's table).
const consultation = defineWorkflow({
  name: 'consultation',
  states: {
    SUBMITTED: { label: 'Diajukan', serviceTime: { workingDays: 1 } },
    ASSIGNED: { label: 'Disusun Petugas', serviceTime: { workingDays: 3 } },
    WAITING_FOR_UNIT: { label: 'Menunggu Tanggapan Unit', pause: true },
    IN_REVIEW: { label: 'Ditinjau Kasubdit', serviceTime: { workingDays: 1 } },
    DELIVERED: { label: 'Jawaban Disampaikan' },
    ACKNOWLEDGED: { label: 'Diterima Unit', final: true },
  },
  initial: 'SUBMITTED',
  transitions: [
    {
      name: 'route',
      from: 'SUBMITTED',
      to: 'ASSIGNED',
      label: 'meneruskan',
      roles: ['super-admin'],
    },
    {
      name: 'reassign',
      from: 'ASSIGNED',
      to: 'ASSIGNED',
      label: 'mengalihkan',
      roles: ['super-admin'],
    },
    {
      name: 'clarify',
      from: 'SUBMITTED',
      to: 'WAITING_FOR_UNIT',
      label: 'meminta penjelasan',
      roles: ['super-admin'],
    },
    {
      name: 'askUnit',
      from: 'ASSIGNED',
      to: 'WAITING_FOR_UNIT',
      label: 'meminta penjelasan',
      roles: ['petugas-konsultasi'],
    },
    {
      name: 'answerUnit',
      from: 'WAITING_FOR_UNIT',
      to: 'ASSIGNED',
      label: 'menjawab',
      roles: ['unit-kerja'],
    },
    {
      name: 'draft',
      from: 'ASSIGNED',
      to: 'IN_REVIEW',
      label: 'mengajukan draf',
      roles: ['petugas-konsultasi'],
    },
    {
      name: 'return',
      from: 'IN_REVIEW',
      to: 'ASSIGNED',
      label: 'mengembalikan',
      roles: ['kasubdit'],
    },
    {
      name: 'approve',
      from: 'IN_REVIEW',
      to: 'DELIVERED',
      label: 'menyetujui',
      roles: ['kasubdit'],
    },
    {
      name: 'acknowledge',
      from: 'DELIVERED',
      to: 'ACKNOWLEDGED',
      label: 'menerima',
      roles: ['unit-kerja'],
    },
  ],
});
type State = StateOf<typeof consultation>;

const calendar = createWorkingCalendar({ holidays: INDONESIA_HOLIDAYS_2026 });
const wib = (local: string) => new Date(`${local}+07:00`);

/** A case created at `created` in SUBMITTED that then moved through `moves` ([to, local time]). */
function caseOf(created: string, ...moves: [State, string][]): ClockCase<State> {
  let from: State = 'SUBMITTED';
  const history = moves.map(([to, at]) => {
    const entry = { from, to, at: wib(at) };
    from = to;
    return entry;
  });
  return { state: from, createdAt: wib(created), history };
}
const clockAt = (clockCase: ClockCase<State>, now: string) =>
  stepClock(consultation, calendar, clockCase, wib(now));

describe('stepClock', () => {
  it('dates a case filed on the Friday before a national holiday', () => {
    const filed = caseOf('2026-05-29T15:00');
    const { elapsedWorkingDays, ...clock } = clockAt(filed, '2026-06-02T10:00');
    // Friday 15:00–24:00 and Tuesday 00:00–10:00; the weekend and Hari Lahir Pancasila are free.
    expect(elapsedWorkingDays).toBeCloseTo(19 / 24, 10);
    expect(clock).toEqual({
      step: 'SUBMITTED',
      paused: false,
      stepStartedAt: wib('2026-05-29T15:00'),
      serviceWorkingDays: 1,
      countedWorkingDays: 0,
      remainingWorkingDays: 1,
      dueAt: wib('2026-06-03T00:00'),
      dueDate: '2026-06-02',
      overdue: false,
    });
    const late = clockAt(filed, '2026-06-03T00:00');
    expect(late).toMatchObject({ overdue: true, countedWorkingDays: 1, remainingWorkingDays: 0 });
  });

  it('stops the clock while waiting for the unit and resumes with the time left', () => {
    const routed: [State, string] = ['ASSIGNED', '2026-02-02T09:00'];
    const uninterrupted = caseOf('2026-02-02T08:00', routed);
    expect(clockAt(uninterrupted, '2026-02-04T12:00')).toMatchObject({
      countedWorkingDays: 1,
      remainingWorkingDays: 2,
      dueAt: wib('2026-02-06T00:00'),
    });
    expect(clockAt(uninterrupted, '2026-02-06T12:00').overdue).toBe(true);

    // Paused on Tuesday morning, answered the next Monday: Tuesday to Monday count for nothing.
    const waiting = caseOf('2026-02-02T08:00', routed, ['WAITING_FOR_UNIT', '2026-02-03T10:00']);
    expect(clockAt(waiting, '2026-02-06T12:00')).toMatchObject({
      step: 'ASSIGNED',
      paused: true,
      countedWorkingDays: 0,
      remainingWorkingDays: 3,
      dueAt: null,
      overdue: false,
    });
    const resumed = caseOf(
      '2026-02-02T08:00',
      routed,
      ['WAITING_FOR_UNIT', '2026-02-03T10:00'],
      ['ASSIGNED', '2026-02-09T11:00'],
    );
    expect(clockAt(resumed, '2026-02-09T12:00')).toMatchObject({
      step: 'ASSIGNED',
      paused: false,
      stepStartedAt: wib('2026-02-02T09:00'),
      remainingWorkingDays: 3,
      dueAt: wib('2026-02-13T00:00'),
      dueDate: '2026-02-12',
      overdue: false,
    });
    expect(clockAt(resumed, '2026-02-13T00:00').overdue).toBe(true);
  });

  it('keeps the working days counted before a pause', () => {
    const resumed = caseOf(
      '2026-02-02T08:00',
      ['ASSIGNED', '2026-02-02T09:00'],
      ['WAITING_FOR_UNIT', '2026-02-04T10:00'],
      ['ASSIGNED', '2026-02-06T15:00'],
    );
    expect(clockAt(resumed, '2026-02-09T12:00')).toMatchObject({
      countedWorkingDays: 1,
      remainingWorkingDays: 2,
      dueAt: wib('2026-02-11T00:00'),
    });
  });

  it('stays overdue when a late step is paused', () => {
    const late = caseOf(
      '2026-02-02T08:00',
      ['ASSIGNED', '2026-02-02T09:00'],
      ['WAITING_FOR_UNIT', '2026-02-09T10:00'],
    );
    expect(clockAt(late, '2026-02-10T12:00')).toMatchObject({
      paused: true,
      dueAt: wib('2026-02-06T00:00'),
      overdue: true,
    });
  });

  it('starts a new step after a pause that leads elsewhere', () => {
    const clarifying = caseOf('2026-02-02T08:00', ['WAITING_FOR_UNIT', '2026-02-02T10:00']);
    expect(clockAt(clarifying, '2026-02-03T12:00')).toMatchObject({
      step: 'SUBMITTED',
      paused: true,
      remainingWorkingDays: 1,
      dueAt: null,
    });
    const answered = caseOf(
      '2026-02-02T08:00',
      ['WAITING_FOR_UNIT', '2026-02-02T10:00'],
      ['ASSIGNED', '2026-02-04T09:00'],
    );
    expect(clockAt(answered, '2026-02-04T12:00')).toMatchObject({
      step: 'ASSIGNED',
      stepStartedAt: wib('2026-02-04T09:00'),
      dueAt: wib('2026-02-10T00:00'),
    });
  });

  it('restarts the step on a return loop but not on a self-transition', () => {
    const returned = caseOf(
      '2026-02-02T08:00',
      ['ASSIGNED', '2026-02-02T09:00'],
      ['IN_REVIEW', '2026-02-03T15:00'],
      ['ASSIGNED', '2026-02-04T10:00'],
    );
    expect(clockAt(returned, '2026-02-04T12:00')).toMatchObject({
      stepStartedAt: wib('2026-02-04T10:00'),
      dueAt: wib('2026-02-10T00:00'),
    });
    const reassigned = caseOf(
      '2026-02-02T08:00',
      ['ASSIGNED', '2026-02-02T09:00'],
      ['ASSIGNED', '2026-02-04T11:00'],
    );
    expect(clockAt(reassigned, '2026-02-04T12:00')).toMatchObject({
      stepStartedAt: wib('2026-02-02T09:00'),
      dueAt: wib('2026-02-06T00:00'),
    });
  });

  it('has no due time in untimed and final states, and measures handling without pauses', () => {
    const moves: [State, string][] = [
      ['ASSIGNED', '2026-02-02T12:00'],
      ['WAITING_FOR_UNIT', '2026-02-03T00:00'],
      ['ASSIGNED', '2026-02-05T00:00'],
      ['IN_REVIEW', '2026-02-05T12:00'],
      ['DELIVERED', '2026-02-06T00:00'],
    ];
    expect(clockAt(caseOf('2026-02-02T00:00', ...moves), '2026-02-06T12:00')).toMatchObject({
      step: 'DELIVERED',
      serviceWorkingDays: null,
      dueAt: null,
      overdue: false,
      elapsedWorkingDays: 2.5,
    });
    const done = caseOf('2026-02-02T00:00', ...moves, ['ACKNOWLEDGED', '2026-02-09T00:00']);
    expect(clockAt(done, '2026-02-11T00:00')).toEqual({
      step: null,
      paused: false,
      stepStartedAt: null,
      serviceWorkingDays: null,
      countedWorkingDays: 0,
      remainingWorkingDays: null,
      dueAt: null,
      dueDate: null,
      overdue: false,
      // 0.5 routing + 0.5 drafting + 0.5 drafting + 0.5 review + Friday delivered; weekend free.
      elapsedWorkingDays: 3,
    });
  });

  it('evaluates the clock at an earlier instant from the same history', () => {
    const resumed = caseOf(
      '2026-02-02T08:00',
      ['ASSIGNED', '2026-02-02T09:00'],
      ['WAITING_FOR_UNIT', '2026-02-03T10:00'],
      ['ASSIGNED', '2026-02-09T11:00'],
    );
    expect(clockAt(resumed, '2026-02-04T12:00')).toMatchObject({ paused: true, step: 'ASSIGNED' });
    expect(clockAt(resumed, '2026-02-02T08:30')).toMatchObject({
      step: 'SUBMITTED',
      dueAt: wib('2026-02-04T00:00'),
    });
  });

  it('refuses a history that does not chain up to the current state', () => {
    const broken = caseOf('2026-02-02T08:00', ['ASSIGNED', '2026-02-02T09:00']);
    expect(() => clockAt({ ...broken, state: 'IN_REVIEW' }, '2026-02-03T00:00')).toThrow(
      'history ends in ASSIGNED, case is in IN_REVIEW',
    );
    const skipped = {
      ...broken,
      history: [
        ...broken.history,
        { from: 'IN_REVIEW' as const, to: 'ASSIGNED' as const, at: wib('2026-02-03T09:00') },
      ],
    };
    expect(() => clockAt(skipped, '2026-02-04T00:00')).toThrow(
      'history is not a chronological chain',
    );
    const backwards = {
      ...broken,
      history: [
        { from: 'SUBMITTED' as const, to: 'ASSIGNED' as const, at: wib('2026-02-01T09:00') },
      ],
    };
    expect(() => clockAt(backwards, '2026-02-04T00:00')).toThrow(
      'history is not a chronological chain',
    );
    const renamed = { ...broken, state: 'IN_PROGRESS' } as unknown as ClockCase<State>;
    expect(() => clockAt(renamed, '2026-02-04T00:00')).toThrow('unknown state IN_PROGRESS');
  });
});
