import { encodeKeyCursor } from '@sipadu/service-kit';
import {
  availableTransitions,
  stepClock,
  type HistoryActor,
  type WorkingCalendar,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import type { FlowDefinition } from '../flows/flow-definition.js';
import type {
  CaseAction,
  CaseActor,
  CaseAttachment,
  CaseClock,
  CaseHistoryEntry,
  CaseThreadSubject,
  StaffMember,
} from '../generated/graphql.js';
import type { CaseRecord, PersonRecord } from '../models/case.model.js';

// GraphQL shapes shared by the four flows' types (no mappers: plain objects, ISO strings).
export type CaseClockView = CaseClock;
export type CaseActionView = CaseAction;
export type CaseHistoryView = CaseHistoryEntry;
export type CaseAttachmentView = CaseAttachment;
export type CaseActorView = CaseActor;

export const iso = (date: Date | string | null | undefined): string | null =>
  date ? new Date(date).toISOString() : null;

/** Working days shown with two decimals (the clock measures to the millisecond). */
export const roundDays = (days: number) => Math.round(days * 100) / 100;

export function stateLabel(flow: FlowDefinition, state: string): string {
  return flow.workflow.states[state]?.label ?? state;
}

export function transitionLabel(flow: FlowDefinition, transition: string): string {
  return flow.workflow.transitions.find((t) => t.name === transition)?.label ?? transition;
}

export function actorView(actor: HistoryActor): CaseActorView {
  return {
    kind: actor.kind,
    id: actor.id,
    name: actor.name ?? null,
    organizationCode: actor.organization ?? null,
    roles: [...(actor.roles ?? [])],
  };
}

/** A person recorded on a case (or a directory entry) as GraphQL StaffMember. */
export function personView(person: PersonRecord, organizationName?: string | null): StaffMember {
  return {
    id: person.id,
    name: person.name,
    username: null,
    organizationCode: person.organizationCode ?? null,
    organizationName: organizationName ?? null,
    roles: [...(person.roles ?? [])],
  };
}

/** The notifications thread of a case (`thread(subjectType, subjectId)`). */
export function threadSubject(
  flow: Pick<FlowDefinition, 'subjectType'>,
  id: string,
): CaseThreadSubject {
  return { type: flow.subjectType, id };
}

/**
 * `now`, or the case's last recorded instant when that is later: another replica's clock may be
 * a little ahead, and a clock never runs backwards.
 */
export function notBefore(record: Pick<CaseRecord, 'createdAt' | 'history'>, now: Date): Date {
  const latest = Math.max(
    new Date(record.createdAt).getTime(),
    ...record.history.map((entry) => new Date(entry.at).getTime()),
  );
  return latest > now.getTime() ? new Date(latest) : now;
}

/** Page cursor of a case in the lists (newest first: createdAt, then id). */
export const caseCursor = (record: Pick<CaseRecord, 'createdAt' | '_id'>) =>
  encodeKeyCursor(new Date(record.createdAt), record._id);

export function clockView(
  flow: FlowDefinition,
  calendar: WorkingCalendar,
  record: CaseRecord,
  now: Date,
): CaseClockView {
  const clock = stepClock(flow.workflow, calendar, record, notBefore(record, now));
  return {
    step: clock.step,
    stepLabel: clock.step ? stateLabel(flow, clock.step) : null,
    paused: clock.paused,
    stepStartedAt: iso(clock.stepStartedAt),
    serviceWorkingDays: clock.serviceWorkingDays,
    remainingWorkingDays: clock.remainingWorkingDays,
    dueAt: iso(clock.dueAt),
    dueDate: clock.dueDate,
    overdue: clock.overdue,
    elapsedWorkingDays: roundDays(clock.elapsedWorkingDays),
  };
}

export function actionViews(
  flow: FlowDefinition,
  record: CaseRecord,
  principal: WorkflowPrincipal | null,
): CaseActionView[] {
  if (!principal) return [];
  return availableTransitions(flow.workflow, record, principal, {
    guards: flow.guards ?? {},
    relations: flow.relations ?? {},
  }).map((t) => ({
    name: t.name,
    label: t.label,
    to: t.to,
    requiresNote: Boolean(t.requires.note),
    requiredFields: [...(t.requires.fields ?? [])],
    blockedReason: t.blockedReason,
  }));
}

export function historyViews(flow: FlowDefinition, record: CaseRecord): CaseHistoryView[] {
  return record.history.map((entry) => ({
    transition: entry.transition,
    label: transitionLabel(flow, entry.transition),
    from: entry.from,
    fromLabel: stateLabel(flow, entry.from),
    to: entry.to,
    toLabel: stateLabel(flow, entry.to),
    actor: actorView(entry.actor),
    at: new Date(entry.at).toISOString(),
    note: entry.note ?? null,
  }));
}

export function attachmentViews(record: CaseRecord): CaseAttachmentView[] {
  return (record.attachments ?? []).map((attachment) => ({
    fileId: attachment.fileId,
    // The gateway resolves the file from the documents service, which checks the reader.
    file: { id: attachment.fileId },
    addedAt: new Date(attachment.addedAt).toISOString(),
    addedBy: actorView(attachment.addedBy),
  }));
}
