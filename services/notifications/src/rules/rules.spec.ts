import { createEvent, isEventType, serviceOfType } from '@sipadu/events';
import { createWorkingCalendar } from '@sipadu/workflow';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, effectivePreferences } from './categories.js';
import { NOTIFICATION_RULES, REMINDER_PLANS, RULE_STREAMS, SUBJECT_TRACKERS } from './index.js';
import type { ReminderSettings } from './rule.js';

const calendar = createWorkingCalendar({ timeZone: 'Asia/Jakarta' });
const settings: ReminderSettings = {
  atReminderHour: (date) => new Date(calendar.startOf(date).getTime() + 8 * 3_600_000),
  dueSoonDays: 3,
};

const requirement = {
  title: 'SPTJM Kepala Daerah',
  subject: { type: 'LoanProject', id: 'p-1' },
  group: null,
  uploaderOrganizationCode: 'DPUPR',
  reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
  requesterOrganizationCode: 'BPKAD',
  currentReviewerOrganizationCode: null,
  documentId: 'd-1',
  documentVersion: 2,
  dueDate: '2026-12-10',
};
const meta = {
  actor: { type: 'user' as const, id: 'lender-1', org: 'PTSMI' },
  subject: { type: 'requirement', id: 'r-1' },
  org: 'PTSMI',
};
const revision = createEvent(
  'documents.requirement.revisionRequested',
  {
    workflow: 'document-requirement',
    subjectId: 'r-1',
    transition: 'requestRevision',
    from: 'UNDER_REVIEW',
    to: 'REVISION_REQUESTED',
    actor: { kind: 'user', id: 'lender-1', name: 'Rina', organization: 'PTSMI', roles: [] },
    at: '2026-12-01T03:00:00.000Z',
    note: 'Tanggal surat keliru',
    requirement,
  },
  meta,
);

describe('rule tables', () => {
  it('name registered events of consumed streams, with unique stable ids', () => {
    const ids = NOTIFICATION_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of [...NOTIFICATION_RULES, ...SUBJECT_TRACKERS, ...REMINDER_PLANS]) {
      expect(isEventType(entry.on), entry.on).toBe(true);
      expect(RULE_STREAMS).toContain(serviceOfType(entry.on));
    }
  });

  it('send a revision request to the uploading and requesting agencies in Indonesian', () => {
    const rule = NOTIFICATION_RULES.find((entry) => entry.id === 'requirement-revision-requested')!;
    expect(rule.recipients(revision)).toEqual([
      { kind: 'organization', code: 'DPUPR' },
      { kind: 'organization', code: 'BPKAD' },
    ]);
    expect(rule.content(revision)).toEqual({
      category: 'PERSYARATAN',
      title: 'Revisi dokumen diminta',
      body: 'Rina meminta revisi "SPTJM Kepala Daerah". Catatan: "Tanggal surat keliru" Unggah versi baru dokumennya.',
      link: '/proyek/p-1?tab=dokumen',
      subject: { type: 'DocumentRequirement', id: 'r-1' },
      threadId: null,
    });
  });

  it('arm due-date reminders at 08.00 WIB, three days before and the day after', () => {
    const plan = REMINDER_PLANS.find((entry) => entry.on === revision.type)!;
    const { schedule, cancel } = plan.plan(revision, settings);
    expect(cancel).toEqual([]);
    expect(schedule.map((spec) => [spec.key, spec.dueAt.toISOString()])).toEqual([
      ['DocumentRequirement:r-1|due-soon', '2026-12-07T01:00:00.000Z'],
      ['DocumentRequirement:r-1|overdue', '2026-12-11T01:00:00.000Z'],
    ]);
    expect(schedule[0]!.content.body).toBe(
      '"SPTJM Kepala Daerah" harus diunggah paling lambat 10 Desember 2026.',
    );
  });

  it('make the three parties of a requirement the participants of its thread', () => {
    const tracker = SUBJECT_TRACKERS.find((entry) => entry.on === revision.type)!;
    expect(tracker.facts(revision)).toMatchObject({
      subject: { type: 'DocumentRequirement', id: 'r-1' },
      organizationCodes: ['DPUPR', 'BPKAD', 'PTSMI', 'BPKAD'],
      link: '/notifikasi/korespondensi/DocumentRequirement%3Ar-1',
    });
  });
});

describe('preferences', () => {
  it('fall back to each category’s defaults and keep stored choices', () => {
    const chosen = effectivePreferences({
      _id: 'u',
      categories: [{ category: 'KORESPONDENSI', inApp: true, email: false, sms: true }],
      dailyDigest: true,
      phone: '+6281210000005',
      updatedAt: new Date(),
    });
    expect(chosen.categories).toHaveLength(CATEGORIES.length);
    expect(chosen.categories.find((entry) => entry.category === 'KORESPONDENSI')).toEqual({
      category: 'KORESPONDENSI',
      inApp: true,
      email: false,
      sms: true,
    });
    expect(chosen.categories.find((entry) => entry.category === 'DOKUMEN')).toEqual({
      category: 'DOKUMEN',
      inApp: true,
      email: false,
      sms: false,
    });
    expect(effectivePreferences(null).dailyDigest).toBe(false);
  });
});
