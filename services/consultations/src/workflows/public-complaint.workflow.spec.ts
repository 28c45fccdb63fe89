import type { Role } from '@sipadu/service-kit';
import {
  SYSTEM_PRINCIPAL,
  applyTransition,
  availableTransitions,
  type TransitionInput,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  publicComplaintRelations,
  publicComplaintWorkflow,
  trackingPrincipal,
  type PublicComplaintStatus,
  type PublicComplaintTransition,
} from './public-complaint.workflow.js';

const staff = (role: Role, organizationCode: string | null): WorkflowPrincipal => ({
  kind: 'user',
  id: `${role}-${organizationCode}`,
  name: `${role} ${organizationCode}`,
  organizationCode,
  roles: [role],
});

const adminDinkes = staff('admin-opd', 'DINKES');
const adminRsud = staff('admin-opd', 'RSUD');
const superAdmin = staff('super-admin', 'DISKOMINFO');
const pimpinan = staff('pimpinan', 'SETDA');
const citizen = trackingPrincipal('case-1');
const otherCitizen = trackingPrincipal('case-2');

const complaint = (state: PublicComplaintStatus) => ({
  _id: 'case-1',
  state,
  organizationCode: 'DINKES',
  requesterId: null,
  assigneeId: null,
});

const inputs: Record<PublicComplaintTransition, TransitionInput> = {
  accept: {},
  reject: { note: 'Bukan kewenangan Pemda.' },
  reroute: { note: 'Urusan rumah sakit.', data: { organizationCode: 'RSUD' } },
  answer: { data: { answer: 'Antrean dibuka pukul 07.00 mulai Senin.' } },
  reply: { note: 'Antrean masih panjang.' },
  rate: { data: { rating: 4 } },
  autoClose: {},
};

const interpretation = { relations: publicComplaintRelations };

const take = (
  state: PublicComplaintStatus,
  transition: PublicComplaintTransition,
  principal: WorkflowPrincipal,
  input: TransitionInput = inputs[transition],
) =>
  applyTransition(
    publicComplaintWorkflow,
    complaint(state),
    transition,
    principal,
    input,
    interpretation,
  );

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
  return 'OK';
};

const actions = (state: PublicComplaintStatus, principal: WorkflowPrincipal) =>
  availableTransitions(publicComplaintWorkflow, complaint(state), principal, interpretation).map(
    (t) => t.name,
  );

describe('public complaint workflow', () => {
  it('has the GraphQL statuses with SP4N-LAPOR! service times, a paused answer and two ends', () => {
    expect(Object.keys(publicComplaintWorkflow.states).sort()).toEqual(
      ['ANSWERED', 'CLOSED', 'IN_FOLLOW_UP', 'REJECTED', 'SUBMITTED'].sort(),
    );
    const { states } = publicComplaintWorkflow;
    expect(states.SUBMITTED.serviceTime).toEqual({ workingDays: 3 });
    expect(states.IN_FOLLOW_UP.serviceTime).toEqual({ workingDays: 5 });
    expect(states.ANSWERED.pause).toBe(true);
    expect(states.CLOSED.final).toBe(true);
    expect(states.REJECTED.final).toBe(true);
    expect(publicComplaintWorkflow.initial).toBe('SUBMITTED');
  });

  it('walks file → accept → answer → reply → answer → rate', () => {
    let state: PublicComplaintStatus = 'SUBMITTED';
    const steps: [PublicComplaintTransition, WorkflowPrincipal][] = [
      ['accept', adminDinkes],
      ['answer', adminDinkes],
      ['reply', citizen],
      ['answer', superAdmin],
      ['rate', citizen],
    ];
    for (const [transition, principal] of steps) {
      const { to, entry } = take(state, transition, principal);
      expect(entry.from).toBe(state);
      state = to;
    }
    expect(state).toBe('CLOSED');
  });

  it('lets only the target agency admin-opd or super-admin verify and answer', () => {
    expect(take('SUBMITTED', 'accept', adminDinkes).to).toBe('IN_FOLLOW_UP');
    expect(take('SUBMITTED', 'accept', superAdmin).to).toBe('IN_FOLLOW_UP');
    expect(codeOf(() => take('SUBMITTED', 'accept', adminRsud))).toBe('FORBIDDEN');
    expect(codeOf(() => take('SUBMITTED', 'accept', pimpinan))).toBe('FORBIDDEN');
    expect(codeOf(() => take('SUBMITTED', 'accept', citizen))).toBe('FORBIDDEN');
    expect(codeOf(() => take('IN_FOLLOW_UP', 'answer', adminRsud))).toBe('FORBIDDEN');
    expect(take('SUBMITTED', 'reject', adminDinkes).to).toBe('REJECTED');
    // A reason is required to reject; an answer text to answer.
    expect(codeOf(() => take('SUBMITTED', 'reject', adminDinkes, {}))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => take('IN_FOLLOW_UP', 'answer', adminDinkes, {}))).toBe('BAD_USER_INPUT');
    // Verification happens once.
    expect(codeOf(() => take('IN_FOLLOW_UP', 'accept', adminDinkes))).toBe('CONFLICT');
  });

  it('lets only super-admin reroute before the answer, with a reason and the organization', () => {
    expect(take('SUBMITTED', 'reroute', superAdmin).to).toBe('SUBMITTED');
    expect(take('IN_FOLLOW_UP', 'reroute', superAdmin).to).toBe('SUBMITTED');
    expect(codeOf(() => take('SUBMITTED', 'reroute', adminDinkes))).toBe('FORBIDDEN');
    expect(codeOf(() => take('ANSWERED', 'reroute', superAdmin))).toBe('CONFLICT');
    expect(codeOf(() => take('SUBMITTED', 'reroute', superAdmin, { data: {} }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets only the holder of this complaint’s tracking code reply or rate', () => {
    expect(take('ANSWERED', 'reply', citizen).to).toBe('IN_FOLLOW_UP');
    expect(take('ANSWERED', 'rate', citizen).to).toBe('CLOSED');
    expect(codeOf(() => take('ANSWERED', 'reply', otherCitizen))).toBe('FORBIDDEN');
    expect(codeOf(() => take('ANSWERED', 'rate', adminDinkes))).toBe('FORBIDDEN');
    expect(codeOf(() => take('ANSWERED', 'reply', citizen, {}))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => take('IN_FOLLOW_UP', 'reply', citizen))).toBe('CONFLICT');
  });

  it('closes an unanswered-by-the-citizen complaint only by the system', () => {
    expect(take('ANSWERED', 'autoClose', SYSTEM_PRINCIPAL).to).toBe('CLOSED');
    expect(codeOf(() => take('ANSWERED', 'autoClose', superAdmin))).toBe('FORBIDDEN');
    expect(codeOf(() => take('ANSWERED', 'autoClose', citizen))).toBe('FORBIDDEN');
  });

  it('offers each caller only its own buttons', () => {
    expect(actions('SUBMITTED', adminDinkes)).toEqual(['accept', 'reject']);
    expect(actions('SUBMITTED', superAdmin)).toEqual(['accept', 'reject', 'reroute']);
    expect(actions('SUBMITTED', adminRsud)).toEqual([]);
    expect(actions('SUBMITTED', pimpinan)).toEqual([]);
    expect(actions('IN_FOLLOW_UP', adminDinkes)).toEqual(['answer']);
    expect(actions('ANSWERED', adminDinkes)).toEqual([]);
    expect(actions('ANSWERED', citizen)).toEqual(['reply', 'rate']);
    expect(actions('ANSWERED', otherCitizen)).toEqual([]);
    expect(actions('CLOSED', superAdmin)).toEqual([]);
  });
});
