import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '@sipadu/service-kit';
import { defineWorkflow, type StateOf, type TransitionOf } from './definition.js';
import {
  applyTransition,
  availableTransitions,
  type HistoryEntry,
  type WorkflowInstance,
  type WorkflowPrincipal,
} from './interpreter.js';

// Example mirroring the requirement checklist of issue 4 (DOMAIN.md §3): the documents service
// owns the real table; this proves the engine carries it, including the revision loop, the
// BPKAD → lender forwarding and the waiver by the requesting side.
const requirementWorkflow = defineWorkflow({
  name: 'document-requirement',
  states: {
    REQUESTED: { label: 'Diminta' },
    SUBMITTED: { label: 'Diajukan', serviceTime: { workingDays: 2 } },
    UNDER_REVIEW: { label: 'Dalam Verifikasi', serviceTime: { workingDays: 5 } },
    REVISION_REQUESTED: { label: 'Perlu Perbaikan', pause: true },
    APPROVED: { label: 'Disetujui', final: true },
    WAIVED: { label: 'Dikecualikan', final: true },
  },
  initial: 'REQUESTED',
  transitions: [
    {
      name: 'submit',
      from: ['REQUESTED', 'REVISION_REQUESTED'],
      to: 'SUBMITTED',
      label: 'mengajukan dokumen',
      roles: ['pelaksana'],
      actor: 'organization',
      requires: { fields: ['fileId'] },
    },
    {
      name: 'forward',
      from: 'SUBMITTED',
      to: 'UNDER_REVIEW',
      label: 'meneruskan dokumen ke pemberi pinjaman',
      roles: ['bpkad'],
      actor: 'currentReviewer',
    },
    {
      name: 'requestRevision',
      from: ['SUBMITTED', 'UNDER_REVIEW'],
      to: 'REVISION_REQUESTED',
      label: 'meminta perbaikan dokumen',
      roles: ['bpkad', 'pemberi-pinjaman'],
      actor: 'currentReviewer',
      requires: { note: true },
    },
    {
      name: 'approve',
      from: 'UNDER_REVIEW',
      to: 'APPROVED',
      label: 'menyetujui dokumen',
      roles: ['pemberi-pinjaman'],
      actor: 'currentReviewer',
    },
    {
      name: 'waive',
      from: ['REQUESTED', 'SUBMITTED', 'UNDER_REVIEW', 'REVISION_REQUESTED'],
      to: 'WAIVED',
      label: 'mengecualikan persyaratan',
      roles: ['bpkad'],
      actor: 'requestingOrganization',
      requires: { note: true },
    },
  ],
});

interface Requirement extends WorkflowInstance<StateOf<typeof requirementWorkflow>> {
  requestingOrganization: string;
  reviewerOrganizations: string[];
  history: HistoryEntry[];
}

const relations = {
  // BPKAD checks a submission first; once forwarded, the lender (last reviewer) decides.
  currentReviewer: ({
    instance,
    principal,
  }: {
    instance: Requirement;
    principal: WorkflowPrincipal;
  }) =>
    principal.organizationCode ===
    (instance.state === 'UNDER_REVIEW'
      ? instance.reviewerOrganizations.at(-1)
      : instance.reviewerOrganizations[0]),
  requestingOrganization: ({
    instance,
    principal,
  }: {
    instance: Requirement;
    principal: WorkflowPrincipal;
  }) => instance.requestingOrganization === principal.organizationCode,
};

function signedIn(id: string, role: Role, organizationCode: string): Principal {
  return {
    kind: 'user',
    id,
    username: id,
    name: id.toUpperCase(),
    email: null,
    organizationCode,
    roles: [role],
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  };
}

const pupr = signedIn('pupr-1', 'pelaksana', 'DINAS-PUPR');
const rsud = signedIn('rsud-1', 'pelaksana', 'RSUD');
const bpkad = signedIn('bpkad-1', 'bpkad', 'BPKAD');
const smi = signedIn('smi-1', 'pemberi-pinjaman', 'PT-SMI');
const otherLender = signedIn('bank-1', 'pemberi-pinjaman', 'BANK-JAMBI');
const leader = signedIn('walikota', 'pimpinan', 'SETDA');

function newRequirement(): Requirement {
  return {
    state: 'REQUESTED',
    organizationCode: 'DINAS-PUPR',
    requestingOrganization: 'BPKAD',
    reviewerOrganizations: ['BPKAD', 'PT-SMI'],
    history: [],
  };
}

/** What a service does with the engine's answer: store the state and append the entry. */
function take(
  requirement: Requirement,
  name: TransitionOf<typeof requirementWorkflow>,
  principal: WorkflowPrincipal,
  input: { note?: string; data?: Record<string, unknown> } = {},
) {
  const { to, entry } = applyTransition(requirementWorkflow, requirement, name, principal, input, {
    relations,
  });
  requirement.state = to;
  requirement.history.push(entry);
  return entry;
}

const names = (requirement: Requirement, principal: WorkflowPrincipal) =>
  availableTransitions(requirementWorkflow, requirement, principal, { relations }).map(
    (t) => t.name,
  );

describe('requirement checklist on the workflow engine', () => {
  it('runs upload → forward → revision → resubmit → forward → approve', () => {
    const requirement = newRequirement();
    take(requirement, 'submit', pupr, { data: { fileId: 'v1' } });
    take(requirement, 'forward', bpkad);
    take(requirement, 'requestRevision', smi, { note: 'SPTJM belum ditandatangani.' });
    expect(requirement.state).toBe('REVISION_REQUESTED');
    take(requirement, 'submit', pupr, { data: { fileId: 'v2' }, note: 'Sudah ditandatangani.' });
    take(requirement, 'forward', bpkad);
    take(requirement, 'approve', smi);

    expect(requirement.state).toBe('APPROVED');
    expect(requirement.history.map((e) => `${e.from}>${e.transition}>${e.to}`)).toEqual([
      'REQUESTED>submit>SUBMITTED',
      'SUBMITTED>forward>UNDER_REVIEW',
      'UNDER_REVIEW>requestRevision>REVISION_REQUESTED',
      'REVISION_REQUESTED>submit>SUBMITTED',
      'SUBMITTED>forward>UNDER_REVIEW',
      'UNDER_REVIEW>approve>APPROVED',
    ]);
    expect(requirement.history[2]).toMatchObject({
      note: 'SPTJM belum ditandatangani.',
      actor: { id: 'smi-1', name: 'SMI-1', organization: 'PT-SMI', roles: ['pemberi-pinjaman'] },
    });
  });

  it('offers each party only its own buttons', () => {
    const requirement = newRequirement();
    expect(names(requirement, pupr)).toEqual(['submit']);
    expect(names(requirement, rsud)).toEqual([]);
    expect(names(requirement, bpkad)).toEqual(['waive']);
    expect(names(requirement, smi)).toEqual([]);

    take(requirement, 'submit', pupr, { data: { fileId: 'v1' } });
    expect(names(requirement, bpkad)).toEqual(['forward', 'requestRevision', 'waive']);
    expect(names(requirement, smi)).toEqual([]);

    take(requirement, 'forward', bpkad);
    expect(names(requirement, smi)).toEqual(['requestRevision', 'approve']);
    expect(names(requirement, otherLender)).toEqual([]);
    expect(names(requirement, pupr)).toEqual([]);
    expect(names(requirement, leader)).toEqual([]);
  });

  it('refuses another agency, another lender and leaders with FORBIDDEN', () => {
    const requirement = newRequirement();
    expect(() => take(requirement, 'submit', rsud, { data: { fileId: 'x' } })).toThrow(
      expect.objectContaining({
        message:
          'Anda tidak berwenang mengajukan dokumen: hanya perangkat daerah pemilik data yang dapat melakukannya.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    );
    take(requirement, 'submit', pupr, { data: { fileId: 'v1' } });
    take(requirement, 'forward', bpkad);
    expect(() => take(requirement, 'approve', otherLender)).toThrow(
      expect.objectContaining({
        message: 'Anda tidak berwenang menyetujui dokumen untuk data ini.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    );
    expect(() => take(requirement, 'approve', leader)).toThrow(
      expect.objectContaining({
        message: 'Anda tidak berwenang menyetujui dokumen.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    );
    expect(requirement.state).toBe('UNDER_REVIEW');
  });

  it('refuses approval before forwarding with CONFLICT naming the current status', () => {
    const requirement = newRequirement();
    take(requirement, 'submit', pupr, { data: { fileId: 'v1' } });
    expect(() => take(requirement, 'approve', smi)).toThrow(
      expect.objectContaining({
        message: 'Tidak dapat menyetujui dokumen: status saat ini Diajukan.',
        extensions: expect.objectContaining({
          code: 'CONFLICT',
          workflow: 'document-requirement',
          transition: 'approve',
          state: 'SUBMITTED',
        }),
      }),
    );
  });

  it('requires a message for a revision request and a file for a submission', () => {
    const requirement = newRequirement();
    expect(() => take(requirement, 'submit', pupr)).toThrow(
      expect.objectContaining({
        message: 'Tidak dapat mengajukan dokumen: data wajib belum diisi (fileId).',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['fileId'] }),
      }),
    );
    take(requirement, 'submit', pupr, { data: { fileId: 'v1' } });
    expect(() => take(requirement, 'requestRevision', bpkad, { note: '   ' })).toThrow(
      expect.objectContaining({
        message: 'Tidak dapat meminta perbaikan dokumen: catatan wajib diisi.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
    // BPKAD may also send it back before forwarding.
    take(requirement, 'requestRevision', bpkad, { note: 'Lampiran MC-0 kurang.' });
    expect(requirement.state).toBe('REVISION_REQUESTED');
  });

  it('lets the requesting side waive with a reason; nothing moves afterwards', () => {
    const requirement = newRequirement();
    expect(() => take(requirement, 'waive', bpkad)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    take(requirement, 'waive', bpkad, { note: 'Tidak dipersyaratkan untuk tahap ini.' });
    expect(requirement.state).toBe('WAIVED');
    expect(names(requirement, pupr)).toEqual([]);
    expect(() => take(requirement, 'submit', pupr, { data: { fileId: 'v1' } })).toThrow(
      expect.objectContaining({
        message: 'Tidak dapat mengajukan dokumen: status saat ini Dikecualikan.',
        extensions: expect.objectContaining({ code: 'CONFLICT' }),
      }),
    );
  });
});
