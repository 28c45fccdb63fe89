import {
  applyTransition,
  availableTransitions,
  type TransitionInput,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import { describe, expect, it } from 'vitest';
import {
  workItemWorkflow,
  type WorkItemStatus,
  type WorkItemTransition,
} from './work-item.workflow.js';
import { graphqlEnum, outcome, refusedRoles, staff } from './workflow.spec-support.js';

const assigner = staff('pemberi-tugas', 'assigner');
const otherAssigner = staff('pemberi-tugas', 'assigner-2');
// The assignee may hold any staff role: here a consultation officer.
const assignee = staff('petugas-konsultasi', 'assignee');
const colleague = staff('petugas-konsultasi', 'colleague');
const superAdmin = staff('super-admin', 'admin', 'DISKOMINFO');
const direktur = staff('direktur', 'direktur');

const workItem = (state: WorkItemStatus) => ({
  state,
  organizationCode: 'DPUPR',
  requesterId: 'assigner',
  assigneeId: 'assignee',
});

const inputs: Record<WorkItemTransition, TransitionInput> = {
  accept: {},
  submitResult: { data: { result: 'Rekap data jalan kabupaten telah diperbarui.' } },
  approve: {},
  return: { note: 'Tambahkan ruas jalan desa.' },
  cancel: { note: 'Pekerjaan digabung dengan kegiatan lain.' },
};

const actorOf: Record<WorkItemTransition, WorkflowPrincipal> = {
  accept: assignee,
  submitResult: assignee,
  approve: superAdmin,
  return: superAdmin,
  cancel: assigner,
};

const take = (
  state: WorkItemStatus,
  transition: WorkItemTransition,
  principal: WorkflowPrincipal = actorOf[transition],
  input: TransitionInput = inputs[transition],
) => applyTransition(workItemWorkflow, workItem(state), transition, principal, input);

const actions = (state: WorkItemStatus, principal: WorkflowPrincipal) =>
  availableTransitions(workItemWorkflow, workItem(state), principal).map((t) => t.name);

describe('work item workflow', () => {
  it('names the GraphQL statuses, with Indonesian labels', () => {
    expect(Object.keys(workItemWorkflow.states)).toEqual(graphqlEnum('WorkItemStatus'));
    expect(workItemWorkflow.name).toBe('work-item');
    expect(workItemWorkflow.initial).toBe('ASSIGNED');
    expect(workItemWorkflow.states.IN_VERIFICATION.label).toBe('Verifikasi Super Admin');
  });

  it('gives each step its service time; completion and cancellation are final', () => {
    const times = Object.fromEntries(
      Object.entries(workItemWorkflow.states).map(([state, spec]) => [
        state,
        spec.final ? 'final' : spec.pause ? 'pause' : spec.serviceTime?.workingDays,
      ]),
    );
    expect(times).toEqual({
      ASSIGNED: 1,
      IN_PROGRESS: 3,
      IN_VERIFICATION: 1,
      COMPLETED: 'final',
      CANCELLED: 'final',
    });
  });

  it('runs the whole way with a return for correction', () => {
    const path: [WorkItemStatus, WorkItemTransition, WorkItemStatus][] = [
      ['ASSIGNED', 'accept', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'submitResult', 'IN_VERIFICATION'],
      ['IN_VERIFICATION', 'return', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'submitResult', 'IN_VERIFICATION'],
      ['IN_VERIFICATION', 'approve', 'COMPLETED'],
    ];
    for (const [from, transition, to] of path) {
      expect(take(from, transition).to, `${from} ${transition}`).toBe(to);
    }
  });

  it('lets the assigner cancel before the result is reported', () => {
    expect(take('ASSIGNED', 'cancel').to).toBe('CANCELLED');
    expect(take('IN_PROGRESS', 'cancel').to).toBe('CANCELLED');
    expect(outcome(() => take('IN_VERIFICATION', 'cancel'))).toBe('CONFLICT');
    expect(outcome(() => take('COMPLETED', 'cancel'))).toBe('CONFLICT');
  });

  it('refuses every role the table does not name, per transition', () => {
    for (const transition of workItemWorkflow.transitions) {
      const from = transition.from[0] as WorkItemStatus;
      const allowed = actorOf[transition.name];
      for (const role of refusedRoles(transition.roles)) {
        const caller = staff(role, allowed.id, allowed.organizationCode);
        expect(
          outcome(() => take(from, transition.name, caller)),
          `${transition.name} ${role}`,
        ).toBe('FORBIDDEN');
      }
    }
  });

  it('lets only the assignee work on it, and only its assigner cancel it', () => {
    expect(outcome(() => take('ASSIGNED', 'accept', colleague))).toBe('FORBIDDEN');
    expect(outcome(() => take('IN_PROGRESS', 'submitResult', colleague))).toBe('FORBIDDEN');
    // Holding another role does not matter for the assignee, only the assignment does.
    expect(outcome(() => take('ASSIGNED', 'accept', staff('petugas-tik', 'assignee')))).toBe('OK');
    expect(outcome(() => take('ASSIGNED', 'cancel', otherAssigner))).toBe('FORBIDDEN');
    expect(outcome(() => take('ASSIGNED', 'accept', assigner))).toBe('FORBIDDEN');
    expect(() => take('ASSIGNED', 'accept', colleague)).toThrow(
      'Anda tidak berwenang menerima pekerjaan: hanya petugas yang ditugaskan yang dapat melakukannya.',
    );
  });

  it('refuses steps the status does not allow with CONFLICT', () => {
    expect(outcome(() => take('ASSIGNED', 'submitResult'))).toBe('CONFLICT');
    expect(outcome(() => take('IN_PROGRESS', 'approve'))).toBe('CONFLICT');
    expect(outcome(() => take('COMPLETED', 'return'))).toBe('CONFLICT');
    expect(outcome(() => take('CANCELLED', 'accept'))).toBe('CONFLICT');
  });

  it('needs a result, a return note and a cancellation reason', () => {
    expect(outcome(() => take('IN_PROGRESS', 'submitResult', assignee, { data: {} }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(() => take('IN_VERIFICATION', 'return', superAdmin, {}))).toBe('BAD_USER_INPUT');
    expect(outcome(() => take('ASSIGNED', 'cancel', assigner, { note: '' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('offers each caller the buttons it may press now', () => {
    expect(actions('ASSIGNED', assignee)).toEqual(['accept']);
    expect(actions('ASSIGNED', assigner)).toEqual(['cancel']);
    expect(actions('IN_PROGRESS', assignee)).toEqual(['submitResult']);
    expect(actions('IN_PROGRESS', colleague)).toEqual([]);
    expect(actions('IN_VERIFICATION', superAdmin)).toEqual(['approve', 'return']);
    expect(actions('IN_VERIFICATION', assigner)).toEqual([]);
    expect(actions('COMPLETED', superAdmin)).toEqual([]);
    expect(actions('IN_PROGRESS', direktur)).toEqual([]);
  });
});
