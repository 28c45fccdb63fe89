import { describe, expect, it } from 'vitest';
import type { PartnerScope, Principal, Role } from '@sipadu/service-kit';
import { access, canReadDocument, canReadRequirement } from './access.js';
import type { DocumentRecord } from './models/document.model.js';
import type { RequirementRecord } from './models/requirement.model.js';

function person(id: string, role: Role, organizationCode: string | null): Principal {
  return {
    kind: 'user',
    id,
    username: id,
    name: id,
    email: null,
    organizationCode,
    roles: [role],
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  };
}

const uploader = { id: 'u-pupr', name: 'PUPR', organizationCode: 'DPUPR' };
function doc(overrides: Partial<DocumentRecord>): DocumentRecord {
  return {
    _id: 'd1',
    title: 'Dokumen',
    subject: { type: 'LoanProject', id: 'p1' },
    organizationCode: 'DPUPR',
    relatedOrganizationCodes: ['BPKAD'],
    confidentiality: 'TERBATAS',
    readerIds: [],
    versions: [
      {
        number: 1,
        fileId: 'f1',
        filename: 'a.pdf',
        contentType: 'application/pdf',
        size: 1,
        sha256: '0'.repeat(64),
        note: null,
        uploadedBy: uploader,
        uploadedAt: new Date(),
      },
    ],
    requirementId: null,
    withdrawn: null,
    createdBy: uploader,
    revision: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

const pupr = person('u-pupr', 'pelaksana', 'DPUPR');
const puprColleague = person('u-pupr-2', 'kasubdit', 'DPUPR');
const bpkad = person('u-bpkad', 'bpkad', 'BPKAD');
const dinkes = person('u-dinkes', 'admin-opd', 'DINKES');
const leader = person('u-walikota', 'pimpinan', 'SETDA');
const admin = person('u-admin', 'super-admin', 'DISKOMINFO');
const client: Principal = { ...bpkad, kind: 'client' };

/** A partner system's client-credentials token. */
function partner(scopes: PartnerScope[], organizationCode: string | null = null): Principal {
  return { ...person('service-account', 'pimpinan', organizationCode), kind: 'client', scopes };
}
const ptsmi = partner(['sipadu:pemberi-pinjaman'], 'PTSMI');
const otherLender = partner(['sipadu:pemberi-pinjaman'], 'BANKJAMBI');
const insights = partner(['sipadu:internal', 'sipadu:statistik'], null);
const sipd = partner(['sipadu:sipd']);

function requirement(overrides: Partial<RequirementRecord>): RequirementRecord {
  return {
    _id: 'r1',
    subject: { type: 'LoanProject', id: 'p1' },
    title: 'Rencana Penggunaan Uang Muka',
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
    createdBy: uploader,
    revision: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

describe('document confidentiality', () => {
  it('PUBLIK: anyone, also without login', () => {
    expect(canReadDocument(null, doc({ confidentiality: 'PUBLIK' }))).toBe(true);
  });

  it('TERBATAS: owning and related organizations and the overseers', () => {
    const internal = doc({});
    expect(canReadDocument(null, internal)).toBe(false);
    expect(canReadDocument(puprColleague, internal)).toBe(true);
    expect(canReadDocument(bpkad, internal)).toBe(true);
    expect(canReadDocument(leader, internal)).toBe(true);
    expect(canReadDocument(admin, internal)).toBe(true);
    expect(canReadDocument(dinkes, internal)).toBe(false);
    expect(canReadDocument(client, internal)).toBe(false);
  });

  it('RAHASIA: named readers and its author only, not even administrators', () => {
    const secret = doc({ confidentiality: 'RAHASIA', readerIds: ['u-bpkad'] });
    expect(canReadDocument(bpkad, secret)).toBe(true);
    expect(canReadDocument(pupr, secret)).toBe(true);
    for (const outsider of [puprColleague, dinkes, leader, admin, null]) {
      expect(canReadDocument(outsider, secret)).toBe(false);
    }
  });
});

describe('partner systems', () => {
  it('admits the lender and insights scopes to requirement reads, no partner to a mutation', () => {
    for (const action of ['Query.requirements', 'Query.requirement'] as const) {
      expect(access.allows(ptsmi, action)).toBe(true);
      expect(access.allows(insights, action)).toBe(true);
      expect(access.allows(sipd, action)).toBe(false);
    }
    expect(access.allows(ptsmi, 'Query.storedFile')).toBe(false);
    expect(access.allows(ptsmi, 'Query.myRequirements')).toBe(false);
    const everyScope = partner(
      ['sipadu:sipd', 'sipadu:pemberi-pinjaman', 'sipadu:statistik', 'sipadu:internal'],
      'PTSMI',
    );
    for (const action of Object.keys(access.rules).filter((name) => name.startsWith('Mutation.'))) {
      expect(access.allows(everyScope, action as keyof typeof access.rules)).toBe(false);
    }
  });

  it("reads the requirements of the lender's loan projects, and all loan projects' for insights", () => {
    const financed = requirement({});
    expect(canReadRequirement(ptsmi, financed)).toBe(true);
    expect(canReadRequirement(otherLender, financed)).toBe(false);
    expect(canReadRequirement(partner(['sipadu:pemberi-pinjaman']), financed)).toBe(false);
    expect(canReadRequirement(insights, financed)).toBe(true);
    expect(canReadRequirement(sipd, financed)).toBe(false);
    // Only loan projects' checklists, whatever the organization's part in another subject.
    const elsewhere = requirement({ subject: { type: 'Case', id: 'c1' } });
    expect(canReadRequirement(ptsmi, elsewhere)).toBe(false);
    expect(canReadRequirement(insights, elsewhere)).toBe(false);
    // Users keep their rule: the organizations taking part and the overseers.
    expect(canReadRequirement(pupr, financed)).toBe(true);
    expect(canReadRequirement(leader, financed)).toBe(true);
    expect(canReadRequirement(dinkes, financed)).toBe(false);
    expect(canReadRequirement(null, financed)).toBe(false);
  });

  it("reads the lender's TERBATAS loan project documents, never RAHASIA ones", () => {
    const shared = doc({ relatedOrganizationCodes: ['BPKAD', 'PTSMI'] });
    expect(canReadDocument(ptsmi, shared)).toBe(true);
    expect(canReadDocument(otherLender, shared)).toBe(false);
    expect(canReadDocument(insights, shared)).toBe(false);
    expect(canReadDocument(ptsmi, doc({ relatedOrganizationCodes: ['BPKAD'] }))).toBe(false);
    expect(
      canReadDocument(ptsmi, { ...shared, subject: { type: 'Organization', id: 'PTSMI' } }),
    ).toBe(false);
    expect(canReadDocument(ptsmi, { ...shared, confidentiality: 'RAHASIA' })).toBe(false);
    expect(canReadDocument(sipd, doc({ confidentiality: 'PUBLIK' }))).toBe(true);
  });
});
