import type { Principal, Role } from '@sipadu/service-kit';
import { applyTransition, availableTransitions, type TransitionInput } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_ACTIONS,
  RECOMMENDATION_STATUSES,
  recommendationInterpretation,
  recommendationWorkflow,
  type FollowUpAction,
  type RecommendationStatus,
} from './recommendation.workflow.js';

function user(roles: Role[], organizationCode: string | null): Principal {
  return {
    kind: 'user',
    id: `${roles[0]}-${organizationCode}`,
    username: `${roles[0]}-${organizationCode}`.toLowerCase(),
    name: null,
    email: null,
    organizationCode,
    roles,
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  };
}

const adminDukcapil = user(['admin-opd'], 'DISDUKCAPIL');
const adminRsud = user(['admin-opd'], 'RSUD');
const evaluator = user(['evaluator'], 'INSPEKTORAT');
const pimpinan = user(['pimpinan'], 'SETDA');
const superAdmin = user(['super-admin'], 'DISKOMINFO');

const recommendation = (state: RecommendationStatus) => ({
  state,
  organizationCode: 'DISDUKCAPIL',
});

const inputs: Record<FollowUpAction, TransitionInput> = {
  PLAN: { data: { plan: 'Menambah loket dan memperpanjang jam layanan.' } },
  PROGRESS: { data: { progressPercent: 40 } },
  COMPLETE: {},
  VERIFY: {},
  REOPEN: { note: 'Antrean masih panjang pada pagi hari.' },
};

const take = (
  state: RecommendationStatus,
  action: FollowUpAction,
  principal: Principal,
  input: TransitionInput = inputs[action],
) =>
  applyTransition(
    recommendationWorkflow,
    recommendation(state),
    action,
    principal,
    input,
    recommendationInterpretation,
  );

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
  return 'OK';
};

const actions = (state: RecommendationStatus, principal: Principal) =>
  availableTransitions(
    recommendationWorkflow,
    recommendation(state),
    principal,
    recommendationInterpretation,
  ).map((t) => t.name);

describe('recommendation follow-up workflow', () => {
  it('names the GraphQL statuses and actions', () => {
    expect(RECOMMENDATION_STATUSES).toEqual([
      'OPEN',
      'PLANNED',
      'IN_PROGRESS',
      'COMPLETED',
      'VERIFIED',
    ]);
    expect(FOLLOW_UP_ACTIONS).toEqual(['PLAN', 'PROGRESS', 'COMPLETE', 'VERIFY', 'REOPEN']);
  });

  it('runs the whole way: plan, progress, complete, reopen, complete again, verify', () => {
    const path: [RecommendationStatus, FollowUpAction, Principal, RecommendationStatus][] = [
      ['OPEN', 'PLAN', adminDukcapil, 'PLANNED'],
      ['PLANNED', 'PLAN', adminDukcapil, 'PLANNED'],
      ['PLANNED', 'PROGRESS', adminDukcapil, 'IN_PROGRESS'],
      ['IN_PROGRESS', 'PROGRESS', adminDukcapil, 'IN_PROGRESS'],
      ['IN_PROGRESS', 'PLAN', adminDukcapil, 'IN_PROGRESS'],
      ['IN_PROGRESS', 'COMPLETE', adminDukcapil, 'COMPLETED'],
      ['COMPLETED', 'REOPEN', evaluator, 'IN_PROGRESS'],
      ['IN_PROGRESS', 'COMPLETE', adminDukcapil, 'COMPLETED'],
      ['COMPLETED', 'VERIFY', evaluator, 'VERIFIED'],
    ];
    for (const [from, action, principal, to] of path) {
      expect(take(from, action, principal).to, `${from} ${action}`).toBe(to);
    }
  });

  it('lets only the organization’s admin-opd (and super-admin) follow up', () => {
    expect(codeOf(() => take('OPEN', 'PLAN', adminRsud))).toBe('FORBIDDEN');
    expect(codeOf(() => take('OPEN', 'PLAN', evaluator))).toBe('FORBIDDEN');
    expect(codeOf(() => take('OPEN', 'PLAN', pimpinan))).toBe('FORBIDDEN');
    expect(codeOf(() => take('OPEN', 'PLAN', superAdmin))).toBe('OK');
    expect(codeOf(() => take('IN_PROGRESS', 'COMPLETE', adminRsud))).toBe('FORBIDDEN');
    expect(() => take('OPEN', 'PLAN', adminRsud)).toThrow(
      'Anda tidak berwenang mencatat rencana tindak lanjut untuk data ini.',
    );
  });

  it('lets only the evaluator (and super-admin) verify or reopen', () => {
    expect(codeOf(() => take('COMPLETED', 'VERIFY', adminDukcapil))).toBe('FORBIDDEN');
    expect(codeOf(() => take('COMPLETED', 'REOPEN', adminDukcapil))).toBe('FORBIDDEN');
    expect(codeOf(() => take('COMPLETED', 'VERIFY', superAdmin))).toBe('OK');
    expect(codeOf(() => take('COMPLETED', 'VERIFY', pimpinan))).toBe('FORBIDDEN');
  });

  it('refuses steps the status does not allow with CONFLICT', () => {
    expect(codeOf(() => take('OPEN', 'PROGRESS', adminDukcapil))).toBe('CONFLICT');
    expect(codeOf(() => take('OPEN', 'COMPLETE', adminDukcapil))).toBe('CONFLICT');
    expect(codeOf(() => take('IN_PROGRESS', 'VERIFY', evaluator))).toBe('CONFLICT');
    expect(codeOf(() => take('VERIFIED', 'PLAN', adminDukcapil))).toBe('CONFLICT');
    expect(() => take('IN_PROGRESS', 'VERIFY', evaluator)).toThrow(
      'Tidak dapat memverifikasi hasil tindak lanjut: status saat ini Sedang Ditindaklanjuti.',
    );
  });

  it('needs a plan, a percentage and a reopening note', () => {
    expect(codeOf(() => take('OPEN', 'PLAN', adminDukcapil, { data: { plan: ' ' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => take('PLANNED', 'PROGRESS', adminDukcapil, { data: {} }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(() => take('PLANNED', 'PROGRESS', adminDukcapil, { data: { progressPercent: 0 } })),
    ).toBe('OK');
    expect(codeOf(() => take('COMPLETED', 'REOPEN', evaluator, { note: '' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('offers each caller the buttons it may press now', () => {
    expect(actions('OPEN', adminDukcapil)).toEqual(['PLAN']);
    expect(actions('PLANNED', adminDukcapil)).toEqual(['PLAN', 'PROGRESS']);
    expect(actions('IN_PROGRESS', adminDukcapil)).toEqual(['PLAN', 'PROGRESS', 'COMPLETE']);
    expect(actions('IN_PROGRESS', adminRsud)).toEqual([]);
    expect(actions('IN_PROGRESS', evaluator)).toEqual([]);
    expect(actions('COMPLETED', evaluator)).toEqual(['VERIFY', 'REOPEN']);
    expect(actions('COMPLETED', adminDukcapil)).toEqual([]);
    expect(actions('COMPLETED', superAdmin)).toEqual(['VERIFY', 'REOPEN']);
    expect(actions('VERIFIED', superAdmin)).toEqual([]);
    expect(actions('OPEN', pimpinan)).toEqual([]);
  });
});
