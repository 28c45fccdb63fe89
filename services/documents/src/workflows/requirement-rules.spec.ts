import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '@sipadu/service-kit';
import type { RequirementRecord } from '../models/requirement.model.js';
import { currentReviewer, isOverdue, requirementActions } from './requirement-rules.js';
import { requirementWorkflow } from './requirement.workflow.js';

function person(role: Role, organizationCode: string): Principal {
  return {
    kind: 'user',
    id: `${role}-${organizationCode}`,
    username: role,
    name: role,
    email: null,
    organizationCode,
    roles: [role],
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  };
}

function requirement(overrides: Partial<RequirementRecord> = {}): RequirementRecord {
  return {
    _id: 'r1',
    subject: { type: 'LoanProject', id: 'p1' },
    title: 'SPTJM Kepala Daerah',
    description: null,
    group: null,
    dueDate: null,
    requesterOrganizationCode: 'BPKAD',
    uploaderOrganizationCode: 'DPUPR',
    reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
    reviewIndex: 0,
    state: 'REQUESTED',
    documentId: null,
    confidentiality: 'TERBATAS',
    history: [],
    templateId: null,
    position: 0,
    createdBy: { id: 'b', name: null, organizationCode: 'BPKAD' },
    revision: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

const names = (principal: Principal, record: RequirementRecord) =>
  requirementActions(principal, record).map((action) => action.name);

describe('document requirement workflow table', () => {
  const pelaksana = person('pelaksana', 'DPUPR');
  const bpkad = person('bpkad', 'BPKAD');
  const lender = person('pemberi-pinjaman', 'PTSMI');
  const otherLender = person('pemberi-pinjaman', 'BANKJAMBI');

  it('is a valid table whose every state has a label', () => {
    expect(Object.keys(requirementWorkflow.states)).toEqual([
      'REQUESTED',
      'SUBMITTED',
      'UNDER_REVIEW',
      'REVISION_REQUESTED',
      'APPROVED',
      'WAIVED',
    ]);
  });

  it('lets the uploader organization submit and the requester waive at the start', () => {
    expect(names(pelaksana, requirement())).toEqual(['submit']);
    expect(names(bpkad, requirement())).toEqual(['waive']);
    expect(names(lender, requirement())).toEqual([]);
  });

  it('gives a submission to the first reviewer, who forwards or sends it back', () => {
    const submitted = requirement({ state: 'SUBMITTED' });
    expect(currentReviewer(submitted)).toBe('BPKAD');
    expect(names(bpkad, submitted)).toEqual(['forward', 'requestRevision', 'approve', 'waive']);
    const approve = requirementActions(bpkad, submitted).find((a) => a.name === 'approve');
    expect(approve?.blockedReason).toMatch(/diteruskan ke PTSMI/);
    expect(names(lender, submitted)).toEqual([]);
    expect(names(pelaksana, submitted)).toEqual([]);
  });

  it('lets only the last reviewer approve, and only the lender of the requirement', () => {
    const withLender = requirement({ state: 'UNDER_REVIEW', reviewIndex: 1 });
    expect(currentReviewer(withLender)).toBe('PTSMI');
    const actions = requirementActions(lender, withLender);
    expect(actions.map((a) => a.name)).toEqual(['forward', 'requestRevision', 'approve']);
    expect(actions.find((a) => a.name === 'approve')?.blockedReason).toBeNull();
    expect(actions.find((a) => a.name === 'forward')?.blockedReason).toMatch(/tidak ada/);
    expect(names(otherLender, withLender)).toEqual([]);
  });

  it('lets a single reviewer approve directly', () => {
    const single = requirement({ state: 'SUBMITTED', reviewerOrganizationCodes: ['BPKAD'] });
    const approve = requirementActions(bpkad, single).find((a) => a.name === 'approve');
    expect(approve?.blockedReason).toBeNull();
  });

  it('marks a past due date overdue until the requirement is approved or waived', () => {
    const now = new Date('2026-11-29T18:00:00Z'); // already 30 Nov in Jakarta
    expect(isOverdue(requirement({ dueDate: '2026-11-29' }), 'Asia/Jakarta', now)).toBe(true);
    expect(isOverdue(requirement({ dueDate: '2026-11-30' }), 'Asia/Jakarta', now)).toBe(false);
    expect(isOverdue(requirement({ dueDate: '2026-11-29' }), 'UTC', now)).toBe(false);
    const approved = requirement({ dueDate: '2020-01-01', state: 'APPROVED' });
    expect(isOverdue(approved, 'Asia/Jakarta', now)).toBe(false);
  });
});
