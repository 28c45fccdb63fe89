import {
  createEvent,
  eventSchemas,
  subjectForType,
  type EventDataInput,
  type EventEnvelope,
  type EventType,
} from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories.js';
import { NOTIFICATION_RULES, RULE_STREAM_SUBJECTS, RULE_STREAMS } from './index.js';

const recommendation = {
  id: 'rec-1',
  organizationCode: 'DISDUKCAPIL',
  organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
  periodKey: '2026-Q1',
  periodLabel: 'Triwulan I 2026',
  elementCode: 'U3',
  elementName: 'Waktu Penyelesaian',
  createdById: 'u-evaluator',
};
const ABOUT =
  'unsur U3 Waktu Penyelesaian pada Dinas Kependudukan dan Pencatatan Sipil (Triwulan I 2026)';
const ADMINS = { kind: 'organization', code: 'DISDUKCAPIL', roles: ['admin-opd'] };
const SUPER_ADMINS = { kind: 'role', role: 'super-admin' };
const admin = { id: 'u-sari', name: 'Sari', organizationCode: 'DISDUKCAPIL' };
const evaluator = { id: 'u-evaluator', name: 'Rahmat', organizationCode: 'INSPEKTORAT' };

function event<T extends EventType>(type: T, data: EventDataInput<T>): EventEnvelope<T> {
  return createEvent(type, data, {
    actor: { type: 'user', id: 'u-actor', org: 'DISDUKCAPIL' },
    subject: { type: 'Recommendation', id: 'rec-1' },
    org: 'DISDUKCAPIL',
  });
}

const rulesOf = (type: EventType) => NOTIFICATION_RULES.filter((rule) => rule.on === type);

/** Recipients and content of every rule an event triggers. */
function outcomes(envelope: EventEnvelope) {
  return rulesOf(envelope.type)
    .filter((rule) => !rule.when || rule.when(envelope))
    .map((rule) => ({
      id: rule.id,
      recipients: rule.recipients(envelope),
      ...rule.content(envelope),
    }));
}

const followUp = (
  action: 'PLAN' | 'PROGRESS' | 'COMPLETE' | 'VERIFY' | 'REOPEN',
  extra: Partial<EventDataInput<'surveys.followUp.updated'>> = {},
) =>
  event('surveys.followUp.updated', {
    recommendation,
    action,
    fromStatus: 'OPEN',
    toStatus: 'PLANNED',
    progressPercent: 0,
    plan: null,
    note: null,
    actor: action === 'VERIFY' || action === 'REOPEN' ? evaluator : admin,
    ...extra,
  });

describe('surveys rules', () => {
  it('have a SURVEI category and consume only the surveys events they handle', () => {
    expect(CATEGORIES.find((info) => info.category === 'SURVEI')).toMatchObject({
      label: 'Layanan publik dan SKM',
      defaults: { inApp: true, email: true, sms: false },
    });
    expect(RULE_STREAMS).toContain('surveys');
    const handled = Object.keys(eventSchemas).filter(
      (type) => type.startsWith('surveys.') && type !== 'surveys.response.submitted',
    );
    for (const type of handled) {
      expect(rulesOf(type as EventType).length, type).toBeGreaterThan(0);
    }
    // One event per citizen's answers: no rule, and the consumer does not even receive them.
    expect(rulesOf('surveys.response.submitted')).toEqual([]);
    expect([...(RULE_STREAM_SUBJECTS.surveys ?? [])].sort()).toEqual(
      handled.map((type) => subjectForType(type as EventType)).sort(),
    );
    expect(RULE_STREAM_SUBJECTS.surveys).not.toContain(
      subjectForType('surveys.response.submitted'),
    );
  });

  it('tell the organization’s admins and super-admin of a published standard', () => {
    const published = event('surveys.standard.published', {
      standard: {
        id: 'svc-1',
        name: 'Penerbitan KTP Elektronik',
        category: 'Administrasi Kependudukan',
        organizationCode: 'DISDUKCAPIL',
        organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
      },
      version: 2,
      publishedBy: admin,
    });
    expect(outcomes(published)).toEqual([
      {
        id: 'service-standard-published',
        recipients: [ADMINS, SUPER_ADMINS],
        category: 'SURVEI',
        title: 'Standar pelayanan diterbitkan',
        body: 'Standar pelayanan "Penerbitan KTP Elektronik" Dinas Kependudukan dan Pencatatan Sipil (versi 2) diterbitkan oleh Sari (DISDUKCAPIL) dan tampil di direktori layanan publik.',
        link: '/layanan/svc-1',
        subject: { type: 'ServiceStandard', id: 'svc-1' },
        threadId: null,
      },
    ]);
  });

  it('tell the organization’s admins of a published pledge', () => {
    const published = event('surveys.pledge.published', {
      organizationCode: 'DISDUKCAPIL',
      organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
      version: 1,
      publishedBy: { id: 'u-root', name: null, organizationCode: null },
    });
    expect(outcomes(published)).toEqual([
      {
        id: 'service-pledge-published',
        recipients: [ADMINS],
        category: 'SURVEI',
        title: 'Maklumat pelayanan diterbitkan',
        body: 'Maklumat pelayanan Dinas Kependudukan dan Pencatatan Sipil (versi 1) diterbitkan oleh Pengguna.',
        link: '/layanan?organisasi=DISDUKCAPIL',
        subject: { type: 'ServicePledge', id: 'DISDUKCAPIL' },
        threadId: null,
      },
    ]);
  });

  it('ask the organization to plan the follow-up of a new recommendation', () => {
    const created = event('surveys.recommendation.created', {
      recommendation,
      text: 'Tambah petugas perekaman pada jam sibuk.',
      priority: 'HIGH',
      dueDate: '2026-06-30',
    });
    expect(outcomes(created)).toEqual([
      {
        id: 'recommendation-created',
        recipients: [ADMINS, SUPER_ADMINS],
        category: 'SURVEI',
        title: 'Rekomendasi evaluator baru',
        body: `Evaluator menulis rekomendasi berprioritas tinggi untuk ${ABOUT}: "Tambah petugas perekaman pada jam sibuk." Catat rencana tindak lanjutnya paling lambat 30 Juni 2026.`,
        link: '/rekomendasi/rec-1',
        subject: { type: 'Recommendation', id: 'rec-1' },
        threadId: null,
      },
    ]);
    const noDeadline = event('surveys.recommendation.created', {
      recommendation,
      text: 'Perbaiki papan informasi.',
      priority: 'LOW',
      dueDate: null,
    });
    expect(outcomes(noDeadline)[0]?.body).toBe(
      `Evaluator menulis rekomendasi berprioritas rendah untuk ${ABOUT}: "Perbaiki papan informasi." Catat rencana tindak lanjutnya.`,
    );
  });

  it('report plan, progress and completion to the evaluator who wrote it', () => {
    const evaluatorOnly = [{ kind: 'user', id: 'u-evaluator' }];
    const plan = outcomes(followUp('PLAN', { plan: 'Membuka loket sore.' }));
    expect(plan).toEqual([
      {
        id: 'recommendation-follow-up-reported',
        recipients: evaluatorOnly,
        category: 'SURVEI',
        title: 'Rencana tindak lanjut dicatat',
        body: `Sari (DISDUKCAPIL) mencatat rencana tindak lanjut rekomendasi ${ABOUT}: "Membuka loket sore."`,
        link: '/rekomendasi/rec-1',
        subject: { type: 'Recommendation', id: 'rec-1' },
        threadId: null,
      },
    ]);
    const progress = outcomes(followUp('PROGRESS', { progressPercent: 45 }));
    expect(progress.map((entry) => [entry.recipients, entry.title, entry.body])).toEqual([
      [
        evaluatorOnly,
        'Kemajuan tindak lanjut dilaporkan',
        `Sari (DISDUKCAPIL) melaporkan kemajuan tindak lanjut rekomendasi ${ABOUT}: 45%.`,
      ],
    ]);
    const complete = outcomes(followUp('COMPLETE', { progressPercent: 100 }));
    expect(complete.map((entry) => [entry.id, entry.title])).toEqual([
      ['recommendation-follow-up-reported', 'Tindak lanjut selesai, menunggu verifikasi'],
    ]);
  });

  it('tell the organization’s admins when the evaluator verifies or reopens', () => {
    const verified = outcomes(followUp('VERIFY', { progressPercent: 100 }));
    expect(verified.map((entry) => [entry.id, entry.recipients, entry.title])).toEqual([
      ['recommendation-follow-up-reviewed', [ADMINS], 'Tindak lanjut diverifikasi'],
    ]);
    const reopened = outcomes(
      followUp('REOPEN', { progressPercent: 100, note: 'Loket 2 belum buka sore.' }),
    );
    expect(reopened).toEqual([
      {
        id: 'recommendation-follow-up-reviewed',
        recipients: [ADMINS],
        category: 'SURVEI',
        title: 'Tindak lanjut dibuka kembali',
        body: `Evaluator Rahmat (INSPEKTORAT) membuka kembali tindak lanjut rekomendasi ${ABOUT}. Catatan: "Loket 2 belum buka sore." Lanjutkan tindak lanjutnya dan laporkan kemajuannya.`,
        link: '/rekomendasi/rec-1',
        subject: { type: 'Recommendation', id: 'rec-1' },
        threadId: null,
      },
    ]);
  });
});
