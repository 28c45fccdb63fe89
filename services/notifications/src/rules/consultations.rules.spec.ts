import {
  createEvent,
  eventSchemas,
  type EventData,
  type EventDataInput,
  type EventEnvelope,
  type EventType,
} from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories.js';
import {
  NOTIFICATION_RULES,
  RULE_STREAM_SUBJECTS,
  RULE_STREAMS,
  SUBJECT_TRACKERS,
} from './index.js';

type Case = EventData<'consultations.case.transitioned'>['case'];
type Actor = EventData<'consultations.case.transitioned'>['actor'];

const SUPER_ADMINS = { kind: 'role', role: 'super-admin' };
const ICT_MANAGERS = { kind: 'role', role: 'pengelola-tik' };
const REQUESTER = { kind: 'user', id: 'u-requester' };
const ASSIGNEE = { kind: 'user', id: 'u-assignee' };
const KASUBDIT = { kind: 'organization', code: 'DPUPR', roles: ['kasubdit'] };
const DINKES_ADMINS = { kind: 'organization', code: 'DINKES', roles: ['admin-opd'] };

const officer: Actor = {
  kind: 'user',
  id: 'u-actor',
  name: 'Budi Santoso',
  organization: 'DPUPR',
  roles: ['petugas-konsultasi'],
};
const citizen: Actor = {
  kind: 'public',
  id: 'public:c-1',
  name: null,
  organization: null,
  roles: [],
};

const consultation: Case = {
  id: 'c-1',
  flow: 'CONSULTATION',
  number: 'KNS-2026-00012',
  title: 'Perhitungan RAB jembatan gantung',
  organizationCode: 'DPUPR',
  handlerOrganizationCode: 'DPUPR',
  requesterId: 'u-requester',
  assigneeId: 'u-assignee',
  assigneeName: 'Budi Santoso',
  status: 'IN_REVIEW',
  statusLabel: 'Menunggu Verifikasi Kasubdit',
  dueAt: '2026-03-10T16:59:59.000Z',
  dueDate: '2026-03-10',
  attachmentFileIds: [],
  link: '/konsultasi/c-1',
};
const workItem: Case = {
  ...consultation,
  flow: 'WORK_ITEM',
  number: 'PKJ-2026-00003',
  title: 'Pemetaan drainase',
  link: '/pekerjaan/c-1',
};
const ictComplaint: Case = {
  ...consultation,
  flow: 'ICT_COMPLAINT',
  number: 'TIK-2026-00007',
  title: 'Jaringan kantor putus',
  handlerOrganizationCode: 'DISKOMINFO',
  link: '/pengaduan-tik/c-1',
};
const publicComplaint: Case = {
  ...consultation,
  flow: 'PUBLIC_COMPLAINT',
  number: 'ADU-2026-00021',
  title: 'Antrean puskesmas terlalu lama',
  organizationCode: 'DINKES',
  handlerOrganizationCode: null,
  requesterId: null,
  assigneeId: null,
  assigneeName: null,
  link: '/pengaduan/c-1',
};

const SUBJECT_TYPES = {
  CONSULTATION: 'Consultation',
  WORK_ITEM: 'WorkItem',
  ICT_COMPLAINT: 'IctComplaint',
  PUBLIC_COMPLAINT: 'PublicComplaint',
} as const;

function event<T extends EventType>(type: T, data: EventDataInput<T>, facts: Case) {
  return createEvent(type, data, {
    actor: { type: 'user', id: 'u-actor', org: 'DPUPR' },
    subject: { type: SUBJECT_TYPES[facts.flow], id: facts.id },
    org: facts.organizationCode,
  });
}

const transitioned = (
  facts: Case,
  transition: string,
  extra: Partial<EventDataInput<'consultations.case.transitioned'>> = {},
) =>
  event(
    'consultations.case.transitioned',
    {
      workflow: 'consultation',
      subjectId: facts.id,
      transition,
      from: 'DRAFTING',
      to: facts.status,
      actor: officer,
      at: '2026-03-09T03:00:00.000Z',
      note: null,
      case: facts,
      pointsAwarded: 0,
      ...extra,
    },
    facts,
  );

/** Recipients and content of every rule an event triggers. */
function outcomes(envelope: EventEnvelope) {
  return NOTIFICATION_RULES.filter((rule) => rule.on === envelope.type)
    .filter((rule) => !rule.when || rule.when(envelope))
    .map((rule) => ({
      id: rule.id,
      recipients: rule.recipients(envelope),
      ...rule.content(envelope),
    }));
}
const audience = (envelope: EventEnvelope) =>
  outcomes(envelope).flatMap((outcome) => outcome.recipients);

describe('consultations rules', () => {
  it('cover every consultations event type, on a stream consumed whole, in the LAYANAN category', () => {
    const types = Object.keys(eventSchemas).filter((type) => type.startsWith('consultations.'));
    for (const type of types) {
      expect(
        NOTIFICATION_RULES.some((rule) => rule.on === type),
        type,
      ).toBe(true);
    }
    expect(RULE_STREAMS).toContain('consultations');
    expect(RULE_STREAM_SUBJECTS.consultations).toBeUndefined();
    expect(CATEGORIES.find((info) => info.category === 'LAYANAN')?.description).toMatch(
      /pengaduan masyarakat/,
    );
  });

  it.each([
    [consultation, 'create', [SUPER_ADMINS]],
    [consultation, 'route', [ASSIGNEE, REQUESTER]],
    [consultation, 'requestInformation', [REQUESTER]],
    [consultation, 'provideInformation', [ASSIGNEE]],
    [consultation, 'submitDraft', [KASUBDIT]],
    [consultation, 'approve', [ASSIGNEE]],
    [consultation, 'return', [ASSIGNEE]],
    [consultation, 'deliver', [REQUESTER, SUPER_ADMINS]],
    [consultation, 'acknowledge', [ASSIGNEE]],
    [workItem, 'create', [ASSIGNEE]],
    [workItem, 'accept', [REQUESTER]],
    [workItem, 'submitResult', [SUPER_ADMINS]],
    [workItem, 'approve', [REQUESTER, ASSIGNEE]],
    [workItem, 'return', [ASSIGNEE]],
    [workItem, 'cancel', [ASSIGNEE]],
    [ictComplaint, 'create', [ICT_MANAGERS]],
    [ictComplaint, 'route', [ASSIGNEE, REQUESTER]],
    [ictComplaint, 'resolve', [REQUESTER]],
    [ictComplaint, 'confirmSolved', [ASSIGNEE]],
    [ictComplaint, 'reopen', [ASSIGNEE]],
    [ictComplaint, 'document', [ICT_MANAGERS, REQUESTER]],
    [publicComplaint, 'create', [DINKES_ADMINS, SUPER_ADMINS]],
    [publicComplaint, 'reroute', [DINKES_ADMINS]],
    [publicComplaint, 'accept', []],
    [publicComplaint, 'reject', [SUPER_ADMINS]],
    [publicComplaint, 'answer', []],
    [publicComplaint, 'reply', [DINKES_ADMINS]],
    [publicComplaint, 'rate', [DINKES_ADMINS]],
    [publicComplaint, 'autoClose', [DINKES_ADMINS]],
  ] as const)('tell of %# %s.%s whoever acts next', (facts, transition, expected) => {
    const envelope = transitioned(facts, transition);
    expect(audience(envelope)).toEqual(expected);
    for (const outcome of outcomes(envelope)) {
      expect(outcome).toMatchObject({
        category: 'LAYANAN',
        link: facts.link,
        subject: { type: SUBJECT_TYPES[facts.flow], id: 'c-1' },
      });
      expect(outcome.body).toContain(facts.number);
    }
  });

  it('ask the kasubdit of the handler’s organization to review a draft, in Indonesian', () => {
    expect(outcomes(transitioned(consultation, 'submitDraft'))).toEqual([
      {
        id: 'consultation-draft-submitted',
        recipients: [KASUBDIT],
        category: 'LAYANAN',
        title: 'Draf jawaban menunggu verifikasi',
        body: 'Budi Santoso mengajukan draf jawaban konsultasi KNS-2026-00012 "Perhitungan RAB jembatan gantung". Setujui atau kembalikan paling lambat 10 Maret 2026.',
        link: '/konsultasi/c-1',
        subject: { type: 'Consultation', id: 'c-1' },
        threadId: null,
      },
    ]);
  });

  it('quote the note of a return and name the points of a completion', () => {
    const returned = outcomes(
      transitioned(workItem, 'return', { note: 'Lampirkan peta skala 1:5000.' }),
    );
    expect(returned[0]?.body).toBe(
      'Budi Santoso mengembalikan hasil pekerjaan PKJ-2026-00003 "Pemetaan drainase" untuk diperbaiki. Catatan: "Lampirkan peta skala 1:5000."',
    );
    const approved = outcomes(transitioned(workItem, 'approve', { pointsAwarded: 12 }));
    expect(approved.map((outcome) => [outcome.id, outcome.body])).toEqual([
      [
        'work-item-approved-requester',
        'Hasil pekerjaan PKJ-2026-00003 "Pemetaan drainase" dari Budi Santoso telah diverifikasi dan disetujui.',
      ],
      [
        'work-item-approved-assignee',
        'Budi Santoso menyetujui hasil pekerjaan PKJ-2026-00003 "Pemetaan drainase". Anda memperoleh 12 poin kinerja.',
      ],
    ]);
  });

  it('name nobody for a citizen, and tell the new agency of a rerouted complaint', () => {
    const filed = outcomes(transitioned(publicComplaint, 'create', { actor: citizen }));
    expect(filed[0]?.body).toBe(
      'Warga mengajukan pengaduan masyarakat ADU-2026-00021 "Antrean puskesmas terlalu lama" untuk DINKES. Verifikasi pengaduannya paling lambat 10 Maret 2026.',
    );
    const rerouted = transitioned({ ...publicComplaint, organizationCode: 'DPUPR' }, 'reroute', {
      note: 'Wewenang Dinas PUPR.',
    });
    expect(audience(rerouted)).toEqual([
      { kind: 'organization', code: 'DPUPR', roles: ['admin-opd'] },
    ]);
  });

  it('notify of a transition only for its own flow', () => {
    // `approve` exists in the consultation and work-item tables with other audiences.
    expect(outcomes(transitioned(consultation, 'approve')).map((outcome) => outcome.id)).toEqual([
      'consultation-draft-approved',
    ]);
    expect(outcomes(transitioned(consultation, 'unknownTransition'))).toEqual([]);
  });

  const overdue = (facts: Case, step: string, stepLabel: string) =>
    event(
      'consultations.case.overdue',
      { case: facts, step, stepLabel, dueAt: '2026-03-10T16:59:59.000Z', dueDate: '2026-03-10' },
      facts,
    );

  it.each([
    [consultation, 'IN_REVIEW', [KASUBDIT]],
    [consultation, 'DRAFTING', [ASSIGNEE]],
    [{ ...consultation, assigneeId: null }, 'SUBMITTED', [SUPER_ADMINS]],
    [workItem, 'IN_PROGRESS', [ASSIGNEE]],
    [workItem, 'IN_VERIFICATION', [SUPER_ADMINS]],
    [{ ...ictComplaint, assigneeId: null }, 'FILED', [ICT_MANAGERS]],
    [ictComplaint, 'SOLVED', [ASSIGNEE]],
    [publicComplaint, 'SUBMITTED', [DINKES_ADMINS, SUPER_ADMINS]],
    [publicComplaint, 'IN_FOLLOW_UP', [DINKES_ADMINS, SUPER_ADMINS]],
    // A step this table does not know: its assignee, else the role routing the flow.
    [{ ...ictComplaint, assigneeId: null }, 'NEW_STEP', [ICT_MANAGERS]],
  ] as const)('remind of overdue step %# whoever must act in it', (facts, step, expected) => {
    const [outcome, ...others] = outcomes(overdue(facts, step, 'Tahap'));
    expect(others).toEqual([]);
    expect(outcome?.recipients).toEqual(expected);
    expect(outcome?.category).toBe('PENGINGAT');
  });

  it('write the overdue reminder with the step, the case and its deadline', () => {
    expect(
      outcomes(overdue(consultation, 'IN_REVIEW', 'Menunggu Verifikasi Kasubdit'))[0],
    ).toMatchObject({
      title: 'Waktu layanan terlewati',
      body: 'Tahap "Menunggu Verifikasi Kasubdit" konsultasi KNS-2026-00012 "Perhitungan RAB jembatan gantung" melewati batas waktu 10 Maret 2026. Segera tindak lanjuti.',
      link: '/konsultasi/c-1',
    });
  });

  it('announce a published recap to its reader roles', () => {
    const recap = createEvent(
      'consultations.recap.published',
      {
        recapId: 'r-1',
        flow: 'ICT_COMPLAINT',
        flowLabel: 'Pengaduan TIK',
        month: '2026-02',
        monthLabel: 'Februari 2026',
        trigger: 'SCHEDULE',
        received: 14,
        completed: 12,
        completedOnTime: 11,
        openAtEnd: 2,
        points: 36,
        readerRoles: ['pengelola-tik'],
        files: [],
      },
      { actor: { type: 'system', id: null }, subject: { type: 'CaseRecap', id: 'r-1' }, org: null },
    );
    expect(outcomes(recap)).toEqual([
      {
        id: 'case-recap-published',
        recipients: [ICT_MANAGERS],
        category: 'LAYANAN',
        title: 'Rekap Pengaduan TIK Februari 2026 terbit',
        body: 'Rekap bulanan Pengaduan TIK Februari 2026: 14 diterima, 12 selesai (11 tepat waktu), 2 masih berjalan, 36 poin kinerja.',
        link: '/kinerja?alur=ICT_COMPLAINT&bulan=2026-02',
        subject: null,
        threadId: null,
      },
    ]);
  });

  it('make the case’s organizations and people the participants of its thread', () => {
    const trackers = SUBJECT_TRACKERS.filter(
      (tracker) => tracker.on === 'consultations.case.transitioned',
    );
    expect(trackers).toHaveLength(1);
    expect(trackers[0]!.facts(transitioned(ictComplaint, 'route'))).toEqual({
      subject: { type: 'IctComplaint', id: 'c-1' },
      title: 'TIK-2026-00007 Jaringan kantor putus',
      link: '/pengaduan-tik/c-1',
      organizationCodes: ['DPUPR', 'DISKOMINFO'],
      userIds: ['u-requester', 'u-assignee'],
    });
    expect(trackers[0]!.facts(transitioned(publicComplaint, 'create'))).toMatchObject({
      organizationCodes: ['DINKES'],
      userIds: [],
    });
  });
});
