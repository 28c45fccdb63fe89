import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '@sipadu/service-kit';
import { canReadDocument } from './access.js';
import type { DocumentRecord } from './models/document.model.js';

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
