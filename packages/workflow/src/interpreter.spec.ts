import { describe, expect, it } from 'vitest';
import type { Role } from '@sipadu/service-kit';
import { defineWorkflow } from './definition.js';
import {
  SYSTEM_PRINCIPAL,
  applyTransition,
  availableTransitions,
  type WorkflowInstance,
  type WorkflowPrincipal,
} from './interpreter.js';
import { transitionEventData, transitionEventDataSchema } from './transition-event.js';

// ICT complaint in the shape of DOMAIN.md §6 (test data, not the consultations service's table).
const ictComplaint = defineWorkflow({
  name: 'ict-complaint',
  states: {
    FILED: { label: 'Diajukan', serviceTime: { workingDays: 1 } },
    ASSIGNED: { label: 'Ditangani', serviceTime: { workingDays: 2 } },
    CHECKING: { label: 'Menunggu Konfirmasi Pelapor', pause: true },
    SOLVED: { label: 'Selesai', final: true },
    CLOSED: { label: 'Ditutup Otomatis', final: true },
  },
  initial: 'FILED',
  transitions: [
    {
      name: 'route',
      from: 'FILED',
      to: 'ASSIGNED',
      label: 'meneruskan pengaduan ke petugas',
      roles: ['pengelola-tik'],
      requires: { fields: ['officerId'] },
    },
    {
      name: 'reportHandled',
      from: 'ASSIGNED',
      to: 'CHECKING',
      label: 'melaporkan hasil penanganan',
      roles: ['petugas-tik'],
      actor: 'assignee',
      requires: { note: true },
    },
    {
      name: 'confirmSolved',
      from: 'CHECKING',
      to: 'SOLVED',
      label: 'mengonfirmasi pengaduan selesai',
      roles: 'any',
      actor: ['requester', 'organization'],
    },
    {
      name: 'reopen',
      from: 'CHECKING',
      to: 'ASSIGNED',
      label: 'membuka kembali pengaduan',
      roles: 'any',
      actor: 'requester',
      requires: { note: true },
    },
    {
      name: 'autoClose',
      from: 'CHECKING',
      to: 'CLOSED',
      label: 'menutup pengaduan otomatis',
      roles: 'system',
    },
  ],
});

// Loan project stages (DOMAIN.md §3, shortened) with a guard the service evaluates.
const loanStages = defineWorkflow({
  name: 'loan-project',
  states: {
    DOCUMENT_SUBMISSION: { label: 'Pengajuan Dokumen' },
    VERIFICATION: { label: 'Verifikasi' },
    CANCELLED: { label: 'Dibatalkan', final: true },
  },
  initial: 'DOCUMENT_SUBMISSION',
  transitions: [
    {
      name: 'startVerification',
      from: 'DOCUMENT_SUBMISSION',
      to: 'VERIFICATION',
      label: 'memulai verifikasi',
      roles: ['bpkad'],
      guard: 'requirementsSettled',
    },
    {
      name: 'cancel',
      from: ['DOCUMENT_SUBMISSION', 'VERIFICATION'],
      to: 'CANCELLED',
      label: 'membatalkan proyek',
      roles: ['bpkad'],
      actor: 'lenderOrFinance',
      requires: { note: true },
    },
  ],
});

function person(id: string, roles: Role[], organizationCode: string | null): WorkflowPrincipal {
  return { kind: 'user', id, name: `Nama ${id}`, organizationCode, roles };
}

const reporter = person('reporter', ['unit-kerja'], 'SUBDIT-A');
const colleague = person('colleague', ['unit-kerja'], 'SUBDIT-A');
const stranger = person('stranger', ['unit-kerja'], 'SUBDIT-B');
const manager = person('manager', ['pengelola-tik'], 'PUSDATIN');
const officer = person('officer', ['petugas-tik'], 'PUSDATIN');
const otherOfficer = person('other-officer', ['petugas-tik'], 'PUSDATIN');
const finance = person('finance', ['bpkad'], 'BPKAD');

type Complaint = WorkflowInstance<'FILED' | 'ASSIGNED' | 'CHECKING' | 'SOLVED' | 'CLOSED'>;
const complaint = (state: Complaint['state']): Complaint => ({
  state,
  organizationCode: 'SUBDIT-A',
  requesterId: 'reporter',
  assigneeId: 'officer',
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? 'plain';
  }
  return 'none';
};

describe('applyTransition', () => {
  it('records actor, time and trimmed note', () => {
    const at = new Date('2026-03-02T03:00:00Z');
    const result = applyTransition(
      ictComplaint,
      complaint('ASSIGNED'),
      'reportHandled',
      officer,
      { note: '  Printer sudah diganti tonernya.  ' },
      { now: at },
    );
    expect(result).toEqual({
      to: 'CHECKING',
      entry: {
        transition: 'reportHandled',
        from: 'ASSIGNED',
        to: 'CHECKING',
        actor: {
          kind: 'user',
          id: 'officer',
          name: 'Nama officer',
          organization: 'PUSDATIN',
          roles: ['petugas-tik'],
        },
        at,
        note: 'Printer sudah diganti tonernya.',
      },
    });
  });

  it('stores a blank note as null and defaults the time to now', () => {
    const before = Date.now();
    const { entry } = applyTransition(ictComplaint, complaint('FILED'), 'route', manager, {
      note: '  ',
      data: { officerId: 'officer' },
    });
    expect(entry.note).toBeNull();
    expect(entry.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('checks the assignee, requester and organization relations', () => {
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('ASSIGNED'), 'reportHandled', otherOfficer, {
          note: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(() =>
      applyTransition(ictComplaint, complaint('ASSIGNED'), 'reportHandled', otherOfficer, {
        note: 'x',
      }),
    ).toThrow(
      'Anda tidak berwenang melaporkan hasil penanganan: hanya petugas yang ditugaskan yang dapat melakukannya.',
    );
    // Either the reporter or a colleague of the reporting unit may confirm; nobody else.
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('CHECKING'), 'confirmSolved', reporter, {}),
      ),
    ).toBe('none');
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('CHECKING'), 'confirmSolved', colleague, {}),
      ),
    ).toBe('none');
    expect(() =>
      applyTransition(ictComplaint, complaint('CHECKING'), 'confirmSolved', stranger, {}),
    ).toThrow(
      'Anda tidak berwenang mengonfirmasi pengaduan selesai: hanya pengaju atau perangkat daerah pemilik data yang dapat melakukannya.',
    );
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('CHECKING'), 'reopen', colleague, {
          note: 'Masih rusak.',
        }),
      ),
    ).toBe('FORBIDDEN');
    // A case without an assignee has no assignee relation, even for a principal with an empty id.
    const unassigned = { ...complaint('ASSIGNED'), assigneeId: null };
    expect(
      codeOf(() =>
        applyTransition(
          ictComplaint,
          unassigned,
          'reportHandled',
          { ...officer, id: '' },
          { note: 'x' },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('reserves system transitions for the system principal', () => {
    expect(
      codeOf(() => applyTransition(ictComplaint, complaint('CHECKING'), 'autoClose', manager, {})),
    ).toBe('FORBIDDEN');
    const { to, entry } = applyTransition(
      ictComplaint,
      complaint('CHECKING'),
      'autoClose',
      SYSTEM_PRINCIPAL,
      {},
    );
    expect(to).toBe('CLOSED');
    expect(entry.actor).toEqual({
      kind: 'system',
      id: 'system',
      name: 'Sistem',
      organization: null,
      roles: [],
    });
  });

  it('answers FORBIDDEN rather than CONFLICT to callers who may never take the step', () => {
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('SOLVED'), 'route', manager, {
          data: { officerId: 'x' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(() =>
        applyTransition(ictComplaint, complaint('SOLVED'), 'route', officer, {
          data: { officerId: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('treats empty strings and lists as missing fields', () => {
    for (const officerId of [undefined, null, '', ' ', []]) {
      expect(
        codeOf(() =>
          applyTransition(ictComplaint, complaint('FILED'), 'route', manager, {
            data: { officerId },
          }),
        ),
      ).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses with the guard reason as CONFLICT and needs every guard and relation supplied', () => {
    const project = { state: 'DOCUMENT_SUBMISSION' as const, openRequirements: 2 };
    const context = {
      guards: {
        requirementsSettled: ({ instance }: { instance: typeof project }) =>
          instance.openRequirements === 0 ||
          `masih ada ${instance.openRequirements} persyaratan yang belum disetujui.`,
      },
      relations: {
        lenderOrFinance: ({ principal }: { principal: WorkflowPrincipal }) =>
          principal.organizationCode === 'BPKAD',
      },
    };
    expect(() =>
      applyTransition(loanStages, project, 'startVerification', finance, {}, context),
    ).toThrow(
      expect.objectContaining({
        message: 'Tidak dapat memulai verifikasi: masih ada 2 persyaratan yang belum disetujui.',
        extensions: expect.objectContaining({ code: 'CONFLICT' }),
      }),
    );
    expect(availableTransitions(loanStages, project, finance, context)).toEqual([
      {
        name: 'startVerification',
        label: 'memulai verifikasi',
        to: 'VERIFICATION',
        requires: {},
        blockedReason: 'masih ada 2 persyaratan yang belum disetujui.',
      },
      {
        name: 'cancel',
        label: 'membatalkan proyek',
        to: 'CANCELLED',
        requires: { note: true },
        blockedReason: null,
      },
    ]);
    const settled = { ...project, openRequirements: 0 };
    expect(applyTransition(loanStages, settled, 'startVerification', finance, {}, context).to).toBe(
      'VERIFICATION',
    );

    // @ts-expect-error -- the workflow names a guard and a relation, so both maps are required
    expect(() => applyTransition(loanStages, project, 'startVerification', finance, {})).toThrow(
      'Workflow "loan-project": no guard supplied for requirementsSettled',
    );
    expect(() =>
      applyTransition(
        loanStages,
        project,
        'cancel',
        finance,
        { note: 'x' },
        // @ts-expect-error -- the relation predicate is missing
        { guards: context.guards, relations: {} },
      ),
    ).toThrow('Workflow "loan-project": no predicate supplied for relation lenderOrFinance');
  });

  it('treats unknown transition names and unknown stored states as programming errors', () => {
    expect(() =>
      // @ts-expect-error -- not a transition of this workflow
      applyTransition(ictComplaint, complaint('FILED'), 'escalate', manager, {}),
    ).toThrow('Workflow "ict-complaint": unknown transition escalate');
    const stale = { ...complaint('FILED'), state: 'IN_PROGRESS' } as unknown as Complaint;
    expect(codeOf(() => applyTransition(ictComplaint, stale, 'route', manager, {}))).toBe('plain');
  });
});

describe('availableTransitions', () => {
  it('lists what each role may do in each state', () => {
    const offered = (state: Complaint['state'], principal: WorkflowPrincipal) =>
      availableTransitions(ictComplaint, complaint(state), principal).map((t) => t.name);
    expect(offered('FILED', manager)).toEqual(['route']);
    expect(offered('FILED', officer)).toEqual([]);
    expect(offered('ASSIGNED', officer)).toEqual(['reportHandled']);
    expect(offered('ASSIGNED', otherOfficer)).toEqual([]);
    expect(offered('CHECKING', reporter)).toEqual(['confirmSolved', 'reopen']);
    expect(offered('CHECKING', colleague)).toEqual(['confirmSolved']);
    expect(offered('CHECKING', stranger)).toEqual([]);
    expect(offered('CHECKING', SYSTEM_PRINCIPAL)).toEqual(['autoClose']);
    expect(offered('SOLVED', reporter)).toEqual([]);
  });
});

describe('transition events', () => {
  it('builds a payload that the event schema accepts', () => {
    const { entry } = applyTransition(
      ictComplaint,
      complaint('CHECKING'),
      'reopen',
      reporter,
      { note: 'Masih rusak.' },
      { now: new Date('2026-03-02T03:00:00Z') },
    );
    const data = transitionEventData(ictComplaint, 'c-1', entry);
    expect(data).toEqual({
      workflow: 'ict-complaint',
      subjectId: 'c-1',
      transition: 'reopen',
      from: 'CHECKING',
      to: 'ASSIGNED',
      actor: {
        kind: 'user',
        id: 'reporter',
        name: 'Nama reporter',
        organization: 'SUBDIT-A',
        roles: ['unit-kerja'],
      },
      at: '2026-03-02T03:00:00.000Z',
      note: 'Masih rusak.',
    });
    expect(transitionEventDataSchema.parse(data)).toEqual(data);
    expect(transitionEventDataSchema.safeParse({ ...data, at: 'kemarin' }).success).toBe(false);
  });
});
