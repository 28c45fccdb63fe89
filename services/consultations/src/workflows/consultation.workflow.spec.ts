import {
  applyTransition,
  availableTransitions,
  type TransitionInput,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import { describe, expect, it } from 'vitest';
import {
  consultationInterpretation,
  consultationWorkflow,
  type ConsultationStatus,
  type ConsultationTransition,
} from './consultation.workflow.js';
import { graphqlEnum, outcome, refusedRoles, staff } from './workflow.spec-support.js';

// The unit (DINKES) asks; the officer and the kasubdit who verifies work at DPUPR.
const unit = staff('unit-kerja', 'unit', 'DINKES');
const otherUnit = staff('unit-kerja', 'unit-2', 'DINKES');
const officer = staff('petugas-konsultasi', 'officer');
const otherOfficer = staff('petugas-konsultasi', 'officer-2');
const kasubdit = staff('kasubdit', 'kasubdit');
const unitKasubdit = staff('kasubdit', 'kasubdit-dinkes', 'DINKES');
const superAdmin = staff('super-admin', 'admin', 'DISKOMINFO');
const direktur = staff('direktur', 'direktur');
const pimpinan = staff('pimpinan', 'pimpinan', 'SETDA');

const consultation = (state: ConsultationStatus, routed = state !== 'SUBMITTED') => ({
  state,
  organizationCode: 'DINKES',
  requesterId: 'unit',
  assigneeId: routed ? 'officer' : null,
  handlerOrganizationCode: routed ? 'DPUPR' : null,
});

const inputs: Record<ConsultationTransition, TransitionInput> = {
  route: { data: { assigneeId: 'officer' } },
  requestInformation: { note: 'Mohon lampirkan gambar rencana saluran.' },
  provideInformation: { note: 'Gambar rencana saluran terlampir.' },
  submitDraft: { data: { answer: 'Saluran dapat dibangun dengan lebar 60 cm.' } },
  approve: {},
  return: { note: 'Lengkapi dasar hukum jawaban.' },
  deliver: {},
  acknowledge: {},
};

/** The one who may take each transition in the normal course. */
const actorOf: Record<ConsultationTransition, WorkflowPrincipal> = {
  route: superAdmin,
  requestInformation: officer,
  provideInformation: unit,
  submitDraft: officer,
  approve: kasubdit,
  return: kasubdit,
  deliver: officer,
  acknowledge: unit,
};

const take = (
  state: ConsultationStatus,
  transition: ConsultationTransition,
  principal: WorkflowPrincipal = actorOf[transition],
  input: TransitionInput = inputs[transition],
  instance = consultation(state),
) =>
  applyTransition(
    consultationWorkflow,
    instance,
    transition,
    principal,
    input,
    consultationInterpretation,
  );

const actions = (state: ConsultationStatus, principal: WorkflowPrincipal) =>
  availableTransitions(
    consultationWorkflow,
    consultation(state),
    principal,
    consultationInterpretation,
  ).map((t) => t.name);

describe('consultation workflow', () => {
  it('names the GraphQL statuses, with Indonesian labels', () => {
    expect(Object.keys(consultationWorkflow.states)).toEqual(graphqlEnum('ConsultationStatus'));
    expect(consultationWorkflow.name).toBe('consultation');
    expect(consultationWorkflow.initial).toBe('SUBMITTED');
    expect(consultationWorkflow.states.IN_REVIEW.label).toBe('Menunggu Verifikasi Kasubdit');
    expect(consultationWorkflow.states.ACKNOWLEDGED.label).toBe('Selesai');
  });

  it('gives each handling step its service time and stops the clock while the unit is asked', () => {
    const times = Object.fromEntries(
      Object.entries(consultationWorkflow.states).map(([state, spec]) => [
        state,
        spec.final ? 'final' : spec.pause ? 'pause' : spec.serviceTime?.workingDays,
      ]),
    );
    expect(times).toEqual({
      SUBMITTED: 1,
      DRAFTING: 2,
      WAITING_FOR_REQUESTER: 'pause',
      IN_REVIEW: 1,
      APPROVED: 1,
      DELIVERED: 'pause',
      ACKNOWLEDGED: 'final',
    });
  });

  it('runs the whole way with a re-route, an information pause and a return', () => {
    const path: [ConsultationStatus, ConsultationTransition, ConsultationStatus][] = [
      ['SUBMITTED', 'route', 'DRAFTING'],
      ['DRAFTING', 'route', 'DRAFTING'],
      ['DRAFTING', 'requestInformation', 'WAITING_FOR_REQUESTER'],
      ['WAITING_FOR_REQUESTER', 'provideInformation', 'DRAFTING'],
      ['DRAFTING', 'submitDraft', 'IN_REVIEW'],
      ['IN_REVIEW', 'return', 'DRAFTING'],
      ['DRAFTING', 'submitDraft', 'IN_REVIEW'],
      ['IN_REVIEW', 'approve', 'APPROVED'],
      ['APPROVED', 'deliver', 'DELIVERED'],
      ['DELIVERED', 'acknowledge', 'ACKNOWLEDGED'],
    ];
    for (const [from, transition, to] of path) {
      const { to: reached, entry } = take(from, transition);
      expect(reached, `${from} ${transition}`).toBe(to);
      expect(entry.actor.id).toBe(actorOf[transition].id);
    }
  });

  it('refuses every role the table does not name, per transition', () => {
    for (const transition of consultationWorkflow.transitions) {
      const from = transition.from[0] as ConsultationStatus;
      const allowed = actorOf[transition.name];
      for (const role of refusedRoles(transition.roles)) {
        // Same person and organization as the allowed actor: only the role differs.
        const caller = staff(role, allowed.id, allowed.organizationCode);
        expect(
          outcome(() => take(from, transition.name, caller)),
          `${transition.name} ${role}`,
        ).toBe('FORBIDDEN');
      }
    }
  });

  it('lets only the assigned officer draft, ask and deliver', () => {
    expect(outcome(() => take('DRAFTING', 'requestInformation', otherOfficer))).toBe('FORBIDDEN');
    expect(outcome(() => take('DRAFTING', 'submitDraft', otherOfficer))).toBe('FORBIDDEN');
    expect(outcome(() => take('APPROVED', 'deliver', otherOfficer))).toBe('FORBIDDEN');
    expect(() => take('DRAFTING', 'submitDraft', otherOfficer)).toThrow(
      'Anda tidak berwenang mengirim jawaban untuk diverifikasi: hanya petugas yang ditugaskan yang dapat melakukannya.',
    );
  });

  it('lets only the requesting unit member answer and acknowledge', () => {
    expect(outcome(() => take('WAITING_FOR_REQUESTER', 'provideInformation', otherUnit))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(() => take('DELIVERED', 'acknowledge', otherUnit))).toBe('FORBIDDEN');
  });

  it('lets only the kasubdit of the handling organization verify', () => {
    expect(outcome(() => take('IN_REVIEW', 'approve', unitKasubdit))).toBe('FORBIDDEN');
    expect(outcome(() => take('IN_REVIEW', 'return', unitKasubdit))).toBe('FORBIDDEN');
    expect(() => take('IN_REVIEW', 'approve', unitKasubdit)).toThrow(
      'Anda tidak berwenang menyetujui jawaban untuk data ini.',
    );
    const unrouted = { ...consultation('IN_REVIEW'), handlerOrganizationCode: null };
    expect(outcome(() => take('IN_REVIEW', 'approve', kasubdit, {}, unrouted))).toBe('FORBIDDEN');
    const homeless = staff('kasubdit', 'kasubdit-x', null);
    expect(outcome(() => take('IN_REVIEW', 'approve', homeless, {}, unrouted))).toBe('FORBIDDEN');
  });

  it('refuses steps the status does not allow with CONFLICT', () => {
    expect(outcome(() => take('SUBMITTED', 'submitDraft'))).toBe('CONFLICT');
    expect(outcome(() => take('IN_REVIEW', 'route'))).toBe('CONFLICT');
    expect(outcome(() => take('WAITING_FOR_REQUESTER', 'route'))).toBe('CONFLICT');
    expect(outcome(() => take('APPROVED', 'approve'))).toBe('CONFLICT');
    expect(outcome(() => take('ACKNOWLEDGED', 'acknowledge'))).toBe('CONFLICT');
    expect(() => take('DRAFTING', 'deliver')).toThrow(
      'Tidak dapat menyampaikan jawaban: status saat ini Penyusunan Jawaban.',
    );
  });

  it('needs the officer, the answer and the notes', () => {
    expect(outcome(() => take('SUBMITTED', 'route', superAdmin, { data: {} }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(() => take('DRAFTING', 'submitDraft', officer, { data: { answer: ' ' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(() => take('DRAFTING', 'requestInformation', officer, { note: ' ' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(() => take('WAITING_FOR_REQUESTER', 'provideInformation', unit, {}))).toBe(
      'BAD_USER_INPUT',
    );
    expect(() => take('IN_REVIEW', 'return', kasubdit, {})).toThrow(
      'Tidak dapat mengembalikan jawaban: catatan wajib diisi.',
    );
  });

  it('offers each caller the buttons it may press now', () => {
    expect(actions('SUBMITTED', superAdmin)).toEqual(['route']);
    expect(actions('SUBMITTED', officer)).toEqual([]);
    expect(actions('DRAFTING', officer)).toEqual(['requestInformation', 'submitDraft']);
    expect(actions('DRAFTING', superAdmin)).toEqual(['route']);
    expect(actions('DRAFTING', otherOfficer)).toEqual([]);
    expect(actions('WAITING_FOR_REQUESTER', unit)).toEqual(['provideInformation']);
    expect(actions('WAITING_FOR_REQUESTER', officer)).toEqual([]);
    expect(actions('IN_REVIEW', kasubdit)).toEqual(['approve', 'return']);
    expect(actions('IN_REVIEW', unitKasubdit)).toEqual([]);
    expect(actions('APPROVED', officer)).toEqual(['deliver']);
    expect(actions('DELIVERED', unit)).toEqual(['acknowledge']);
    expect(actions('DELIVERED', otherUnit)).toEqual([]);
    for (const reader of [direktur, pimpinan]) {
      for (const state of Object.keys(consultationWorkflow.states) as ConsultationStatus[]) {
        expect(actions(state, reader)).toEqual([]);
      }
    }
  });
});
