import type { IsoDate, WorkingCalendar } from './calendar.js';
import type { Workflow } from './definition.js';
import type { HistoryEntry } from './interpreter.js';

export interface ClockCase<S extends string = string> {
  state: S;
  /** When the case entered the workflow's initial state. */
  createdAt: Date;
  /** Recorded transitions, oldest first. */
  history: readonly Pick<HistoryEntry<S>, 'from' | 'to' | 'at'>[];
}

/**
 * The clock of a case's current step.
 *
 * A step is a stay in one timed state S; a detour through pause states that returns to S
 * (S → pause → S) continues the same step, anything else starts a new one. A working day counts
 * for the step when the case spends that whole local day in S: the day a step starts or resumes
 * never counts, nor does any day touched by a pause. The step is due at the end of its n-th
 * counted day (so Friday afternoon + 1 working day = end of Monday) and overdue from that instant.
 */
export interface StepClock<S extends string = string> {
  /** The timed state; while paused, the state the pause interrupted (null if none). */
  step: S | null;
  /** The case is in a pause state: its clock is stopped. */
  paused: boolean;
  /** When the current step began (its first entry into S), null without a step. */
  stepStartedAt: Date | null;
  /** The step's service time, null when it has none. */
  serviceWorkingDays: number | null;
  /** Whole working days counted for the step up to `now` (counting stops at the service time). */
  countedWorkingDays: number;
  remainingWorkingDays: number | null;
  /**
   * End of the last allowed working day (exclusive instant), projected as if the case stays in S;
   * null without a service time, or while paused before it was reached.
   */
  dueAt: Date | null;
  /** That last allowed working day, for display ("batas waktu 23 Maret 2026"). */
  dueDate: IsoDate | null;
  overdue: boolean;
  /**
   * Handling time of the whole case up to `now` (or its end), in working days: the time spent in
   * states that are neither pause nor final, each working day's 24 hours counting as 1.
   */
  elapsedWorkingDays: number;
}

interface Segment<S extends string> {
  state: S;
  start: number;
  end: number;
}

function timeline<S extends string>(workflow: Workflow<S>, clockCase: ClockCase<S>, now: number) {
  const named = clockCase.history.flatMap((entry) => [entry.from, entry.to]);
  for (const state of [clockCase.state, ...named]) {
    if (!Object.hasOwn(workflow.states, state)) {
      throw new Error(`Workflow "${workflow.name}": unknown state ${state} in the case`);
    }
  }
  const segments: Segment<S>[] = [];
  let state = clockCase.history[0]?.from ?? clockCase.state;
  let start = clockCase.createdAt.getTime();
  for (const entry of clockCase.history) {
    const at = entry.at.getTime();
    if (entry.from !== state || at < start) {
      throw new Error(
        `Workflow "${workflow.name}": history is not a chronological chain at ${entry.at.toISOString()}`,
      );
    }
    segments.push({ state, start, end: Math.min(at, now) });
    state = entry.to;
    start = at;
  }
  if (state !== clockCase.state) {
    throw new Error(
      `Workflow "${workflow.name}": history ends in ${state}, case is in ${clockCase.state}`,
    );
  }
  segments.push({ state, start, end: now });
  return segments.filter((s) => s.start <= now);
}

/**
 * The intervals the current step spent in its state, oldest first: walking back from the end,
 * pause segments belong to the step only when the case came back to (or is still waiting to come
 * back to) the same state.
 */
function currentStep<S extends string>(workflow: Workflow<S>, segments: readonly Segment<S>[]) {
  const isPause = (state: S) => Boolean(workflow.states[state].pause);
  let index = segments.length - 1;
  while (index >= 0 && isPause((segments[index] as Segment<S>).state)) index -= 1;
  const last = segments[index];
  if (!last) return null;
  const step = last.state;
  const intervals: { start: number; end: number }[] = [];
  for (; index >= 0; index -= 1) {
    const segment = segments[index] as Segment<S>;
    if (segment.state === step) {
      const next = intervals[0];
      // Self-transitions (e.g. re-routing within the step) do not interrupt it.
      if (next && next.start === segment.end) next.start = segment.start;
      else intervals.unshift({ start: segment.start, end: segment.end });
    } else if (!isPause(segment.state)) break;
    else {
      const before = segments.slice(0, index).findLast((s) => !isPause(s.state));
      if (before?.state !== step) break;
    }
  }
  return { step, intervals };
}

/** Computes the current step's due time and overdue flag at `now`, and the case's elapsed time. */
export function stepClock<S extends string>(
  workflow: Workflow<S>,
  calendar: WorkingCalendar,
  clockCase: ClockCase<NoInfer<S>>,
  now: Date,
): StepClock<S> {
  const nowMs = now.getTime();
  const wf = workflow;
  const segments = timeline(wf, clockCase, nowMs);
  const elapsedWorkingDays = segments
    .filter((s) => !wf.states[s.state].pause && !wf.states[s.state].final)
    .reduce((sum, s) => sum + calendar.workingTimeBetween(new Date(s.start), new Date(s.end)), 0);

  // The state at `now`, which lets a service evaluate the clock at an earlier instant too.
  const state = (segments[segments.length - 1] as Segment<S>).state;
  const paused = Boolean(wf.states[state].pause);
  const final = Boolean(wf.states[state].final);
  const found = final ? null : currentStep(wf, segments);
  const empty = {
    step: found?.step ?? null,
    paused,
    stepStartedAt: found?.intervals[0] ? new Date(found.intervals[0].start) : null,
    serviceWorkingDays: null,
    countedWorkingDays: 0,
    remainingWorkingDays: null,
    dueAt: null,
    dueDate: null,
    overdue: false,
    elapsedWorkingDays,
  };
  const workingDays = found ? wf.states[found.step].serviceTime?.workingDays : undefined;
  if (!found || workingDays === undefined) return empty;

  // While running, the open interval extends into the future for the projection.
  const intervals = found.intervals.map((interval, i, all) =>
    i === all.length - 1 && !paused ? { ...interval, end: Infinity } : interval,
  );
  let counted = 0;
  let countedByNow = 0;
  let dueDate: IsoDate | null = null;
  for (const interval of intervals) {
    let date = calendar.dateOf(new Date(interval.start));
    if (calendar.startOf(date).getTime() < interval.start) date = calendar.nextDate(date);
    for (; dueDate === null; date = calendar.nextDate(date)) {
      const dayEnd = calendar.startOf(calendar.nextDate(date)).getTime();
      if (dayEnd > interval.end) break;
      if (!calendar.isWorkingDay(date)) continue;
      counted += 1;
      if (dayEnd <= nowMs) countedByNow += 1;
      if (counted === workingDays) dueDate = date;
    }
    if (dueDate !== null) break;
  }
  const dueAt = dueDate === null ? null : calendar.startOf(calendar.nextDate(dueDate));
  return {
    ...empty,
    serviceWorkingDays: workingDays,
    countedWorkingDays: countedByNow,
    remainingWorkingDays: Math.max(0, workingDays - countedByNow),
    dueAt,
    dueDate,
    overdue: dueAt !== null && nowMs >= dueAt.getTime(),
  };
}
