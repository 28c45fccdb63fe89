import {
  applyTransition,
  availableTransitions,
  type TransitionInput,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import { describe, expect, it } from 'vitest';
import {
  ictComplaintWorkflow,
  type IctComplaintStatus,
  type IctComplaintTransition,
} from './ict-complaint.workflow.js';
import { graphqlEnum, outcome, refusedRoles, staff } from './workflow.spec-support.js';

// Any employee may report: here a kasubdit of DPUPR; ICT is handled at DISKOMINFO.
const complainant = staff('kasubdit', 'complainant');
const colleague = staff('kasubdit', 'colleague');
const manager = staff('pengelola-tik', 'manager', 'DISKOMINFO');
const officer = staff('petugas-tik', 'officer', 'DISKOMINFO');
const otherOfficer = staff('petugas-tik', 'officer-2', 'DISKOMINFO');
const superAdmin = staff('super-admin', 'admin', 'DISKOMINFO');

const complaint = (state: IctComplaintStatus) => ({
  state,
  organizationCode: 'DPUPR',
  requesterId: 'complainant',
  assigneeId: state === 'FILED' ? null : 'officer',
});

const inputs: Record<IctComplaintTransition, TransitionInput> = {
  route: { data: { assigneeId: 'officer' } },
  resolve: { data: { handling: 'Kabel jaringan di ruang rapat diganti.' } },
  confirmSolved: {},
  reopen: { note: 'Jaringan masih terputus setiap sore.' },
  document: { data: { followUp: 'Switch lantai 2 dijadwalkan untuk diganti.' } },
};

const actorOf: Record<IctComplaintTransition, WorkflowPrincipal> = {
  route: manager,
  resolve: officer,
  confirmSolved: complainant,
  reopen: complainant,
  document: officer,
};

const take = (
  state: IctComplaintStatus,
  transition: IctComplaintTransition,
  principal: WorkflowPrincipal = actorOf[transition],
  input: TransitionInput = inputs[transition],
) => applyTransition(ictComplaintWorkflow, complaint(state), transition, principal, input);

const actions = (state: IctComplaintStatus, principal: WorkflowPrincipal) =>
  availableTransitions(ictComplaintWorkflow, complaint(state), principal).map((t) => t.name);

describe('ICT complaint workflow', () => {
  it('names the GraphQL statuses, with Indonesian labels', () => {
    expect(Object.keys(ictComplaintWorkflow.states)).toEqual(graphqlEnum('IctComplaintStatus'));
    expect(ictComplaintWorkflow.name).toBe('ict-complaint');
    expect(ictComplaintWorkflow.initial).toBe('FILED');
    expect(ictComplaintWorkflow.states.REPORTED.label).toBe('Dilaporkan ke Pengelola TIK');
  });

  it('gives each step its service time and stops the clock while the complainant checks', () => {
    const times = Object.fromEntries(
      Object.entries(ictComplaintWorkflow.states).map(([state, spec]) => [
        state,
        spec.final ? 'final' : spec.pause ? 'pause' : spec.serviceTime?.workingDays,
      ]),
    );
    expect(times).toEqual({
      FILED: 1,
      HANDLING: 1,
      AWAITING_CONFIRMATION: 'pause',
      SOLVED: 1,
      REPORTED: 'final',
    });
  });

  it('runs the whole way with a re-route and a reopening', () => {
    const path: [IctComplaintStatus, IctComplaintTransition, IctComplaintStatus][] = [
      ['FILED', 'route', 'HANDLING'],
      ['HANDLING', 'route', 'HANDLING'],
      ['HANDLING', 'resolve', 'AWAITING_CONFIRMATION'],
      ['AWAITING_CONFIRMATION', 'reopen', 'HANDLING'],
      ['HANDLING', 'resolve', 'AWAITING_CONFIRMATION'],
      ['AWAITING_CONFIRMATION', 'confirmSolved', 'SOLVED'],
      ['SOLVED', 'document', 'REPORTED'],
    ];
    for (const [from, transition, to] of path) {
      expect(take(from, transition).to, `${from} ${transition}`).toBe(to);
    }
  });

  it('refuses every role the table does not name, per transition', () => {
    for (const transition of ictComplaintWorkflow.transitions) {
      const from = transition.from[0] as IctComplaintStatus;
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

  it('lets only the complainant judge the result, whatever their role', () => {
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'confirmSolved', colleague))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'reopen', colleague))).toBe('FORBIDDEN');
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'confirmSolved', officer))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'reopen', manager))).toBe('FORBIDDEN');
    const unitComplainant = staff('unit-kerja', 'complainant');
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'confirmSolved', unitComplainant))).toBe(
      'OK',
    );
  });

  it('lets only the assigned ICT officer handle and document', () => {
    expect(outcome(() => take('HANDLING', 'resolve', otherOfficer))).toBe('FORBIDDEN');
    expect(outcome(() => take('SOLVED', 'document', otherOfficer))).toBe('FORBIDDEN');
    expect(outcome(() => take('FILED', 'route', superAdmin))).toBe('FORBIDDEN');
  });

  it('refuses steps the status does not allow with CONFLICT', () => {
    expect(outcome(() => take('FILED', 'resolve'))).toBe('CONFLICT');
    expect(outcome(() => take('AWAITING_CONFIRMATION', 'route'))).toBe('CONFLICT');
    expect(outcome(() => take('SOLVED', 'reopen'))).toBe('CONFLICT');
    expect(outcome(() => take('REPORTED', 'document'))).toBe('CONFLICT');
  });

  it('needs the officer, the handling, the follow-up and a reopening note', () => {
    expect(outcome(() => take('FILED', 'route', manager, { data: {} }))).toBe('BAD_USER_INPUT');
    expect(outcome(() => take('HANDLING', 'resolve', officer, { data: { handling: '' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(() => take('SOLVED', 'document', officer, { data: {} }))).toBe('BAD_USER_INPUT');
    expect(() => take('AWAITING_CONFIRMATION', 'reopen', complainant, {})).toThrow(
      'Tidak dapat menyatakan masalah belum selesai: catatan wajib diisi.',
    );
  });

  it('offers each caller the buttons it may press now', () => {
    expect(actions('FILED', manager)).toEqual(['route']);
    expect(actions('FILED', officer)).toEqual([]);
    expect(actions('HANDLING', manager)).toEqual(['route']);
    expect(actions('HANDLING', officer)).toEqual(['resolve']);
    expect(actions('HANDLING', otherOfficer)).toEqual([]);
    expect(actions('AWAITING_CONFIRMATION', complainant)).toEqual(['confirmSolved', 'reopen']);
    expect(actions('AWAITING_CONFIRMATION', officer)).toEqual([]);
    expect(actions('SOLVED', officer)).toEqual(['document']);
    expect(actions('REPORTED', officer)).toEqual([]);
  });
});
