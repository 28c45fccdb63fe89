import { defineAccess, type Role } from '@sipadu/service-kit';

/**
 * Who may call what in the consultations service (DOMAIN.md §1, §6, §7). This table is the first
 * gate (signed in, holding a role that ever takes part in the flow); each case is then checked
 * against the caller by its flow (`FlowDefinition.canRead`, the workflow table's roles and actor
 * relations), so a role that passes here still sees only its own organization's or its own cases.
 */

/** Staff who take part in consultations (pimpinan reads across agencies). */
export const CONSULTATION_ROLES: readonly Role[] = [
  'unit-kerja',
  'super-admin',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pimpinan',
];
export const WORK_ITEM_ROLES: readonly Role[] = [
  'pemberi-tugas',
  'super-admin',
  'direktur',
  'pimpinan',
  // The assigned officer may hold any staff role; the flow checks the assignment itself.
  'petugas-konsultasi',
  'petugas-tik',
  'unit-kerja',
  'kasubdit',
  'pelaksana',
  'admin-opd',
];
/** Any employee may report an ICT problem; handling is pengelola-tik's and petugas-tik's. */
export const ICT_ROLES: readonly Role[] = [
  'unit-kerja',
  'pengelola-tik',
  'petugas-tik',
  'super-admin',
  'pimpinan',
  'admin-opd',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pemberi-tugas',
  'pelaksana',
  'bpkad',
  'evaluator',
];
/** Handlers of public complaints: the target agency's admin-opd, super-admin; pimpinan reads. */
export const COMPLAINT_HANDLERS: readonly Role[] = ['admin-opd', 'super-admin'];
const COMPLAINT_READERS: readonly Role[] = [...COMPLAINT_HANDLERS, 'pimpinan'];
/** Monthly recaps: the leaders who receive them (the recap service narrows by flow). */
export const RECAP_READERS: readonly Role[] = [
  'direktur',
  'pengelola-tik',
  'super-admin',
  'pimpinan',
];
/** Performance points: recap readers and the kasubdit, who reviews the officers' answers. */
const PERFORMANCE_READERS: readonly Role[] = [...RECAP_READERS, 'kasubdit'];
/** Service-time statistics across agencies and the cases behind them: the leaders. */
const STATISTIC_READERS: readonly Role[] = ['pimpinan', 'super-admin'];

export const access = defineAccess({
  'Query.consultations': { roles: CONSULTATION_ROLES },
  'Query.consultation': { roles: CONSULTATION_ROLES },
  'Query.workItems': { roles: WORK_ITEM_ROLES },
  'Query.workItem': { roles: WORK_ITEM_ROLES },
  'Query.ictComplaints': { roles: ICT_ROLES },
  'Query.ictComplaint': { roles: ICT_ROLES },
  'Query.publicComplaints': {
    roles: COMPLAINT_READERS,
    scope: 'organization',
    acrossOrganizations: ['super-admin', 'pimpinan'],
  },
  'Query.publicComplaint': {
    roles: COMPLAINT_READERS,
    scope: 'organization',
    acrossOrganizations: ['super-admin', 'pimpinan'],
  },
  'Query.trackPublicComplaint': { public: true },
  'Query.complaintCategories': { public: true },
  'Query.complaintServiceOptions': { public: true },
  'Query.complaintOrganizations': { public: true },
  'Query.assignableStaff': {
    roles: ['super-admin', 'pengelola-tik', 'pemberi-tugas'],
  },
  'Query.workingCalendar': {},
  'Query.performancePoints': { roles: PERFORMANCE_READERS },
  'Query.monthlyRecap': { roles: RECAP_READERS },
  'Query.publishedRecaps': { roles: RECAP_READERS },
  'Query.monthlyRecapFile': { roles: RECAP_READERS },
  // Open data: figures only, nothing personal.
  'Query.complaintStatistics': { public: true },
  'Query.serviceTimeStatistics': {
    roles: STATISTIC_READERS,
    clientScopes: ['sipadu:statistik', 'sipadu:internal'],
  },
  // The cases behind the figures: the platform's own insights client, not outside partners.
  'Query.statisticRecords': { roles: STATISTIC_READERS, clientScopes: ['sipadu:internal'] },
  'Mutation.submitConsultation': { roles: ['unit-kerja'] },
  'Mutation.routeConsultation': { roles: ['super-admin'] },
  'Mutation.requestConsultationInformation': { roles: ['petugas-konsultasi'] },
  'Mutation.provideConsultationInformation': { roles: ['unit-kerja'] },
  'Mutation.draftConsultationAnswer': { roles: ['petugas-konsultasi'] },
  'Mutation.reviewConsultationAnswer': { roles: ['kasubdit'] },
  'Mutation.deliverConsultationAnswer': { roles: ['petugas-konsultasi'] },
  'Mutation.acknowledgeConsultation': { roles: ['unit-kerja'] },
  'Mutation.createWorkItem': { roles: ['pemberi-tugas'] },
  'Mutation.acceptWorkItem': { roles: WORK_ITEM_ROLES },
  'Mutation.submitWorkResult': { roles: WORK_ITEM_ROLES },
  'Mutation.verifyWorkItem': { roles: ['super-admin'] },
  'Mutation.cancelWorkItem': { roles: ['pemberi-tugas'] },
  'Mutation.fileIctComplaint': { roles: ICT_ROLES },
  'Mutation.routeIctComplaint': { roles: ['pengelola-tik'] },
  'Mutation.resolveIctComplaint': { roles: ['petugas-tik'] },
  'Mutation.confirmIctResolution': { roles: ICT_ROLES },
  'Mutation.documentIctResult': { roles: ['petugas-tik'] },
  'Mutation.filePublicComplaint': { public: true },
  /** UU 27/2022 data-subject requests: the tracking code is the proof, no account needed. */
  'Mutation.requestComplaintPersonalData': { public: true },
  /** The record of those requests (no personal data): the agency's admin and overseers. */
  'Query.personalDataRequests': {
    roles: ['super-admin', 'admin-opd', 'pimpinan'],
    scope: 'organization',
    acrossOrganizations: ['super-admin', 'pimpinan'],
  },
  'Mutation.replyToPublicComplaint': { public: true },
  'Mutation.ratePublicComplaint': { public: true },
  'Mutation.verifyPublicComplaint': {
    roles: COMPLAINT_HANDLERS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.reroutePublicComplaint': { roles: ['super-admin'] },
  'Mutation.answerPublicComplaint': {
    roles: COMPLAINT_HANDLERS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.importHolidays': { roles: ['super-admin'] },
  'Mutation.publishMonthlyRecap': { roles: RECAP_READERS },
});
