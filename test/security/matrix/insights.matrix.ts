// Insights (services/insights): performance assessment for leaders and evaluators across
// organizations, for admin-opd and direktur only their own (Perwali 64 §17); the leaders'
// dashboard and its alerts for pimpinan and super-admin; the open-data catalog public, its
// metadata edited by super-admin (and by the walidata's admin-opd).
import type { Role } from '@sipadu/service-kit';
import type { OperationEntry, ServiceMatrix } from './matrix.types.js';

const LEADERS: readonly Role[] = ['pimpinan', 'super-admin'];
const ACROSS_ASSESSMENTS: readonly Role[] = [...LEADERS, 'evaluator'];
const ASSESSMENT_READERS: readonly Role[] = [...ACROSS_ASSESSMENTS, 'admin-opd', 'direktur'];
const PERIOD = String(new Date().getUTCFullYear());
const ALERT_ID = 'PROJECT_BEHIND_PLAN:uji-matriks-otorisasi:2026-11';

const entries: OperationEntry[] = [
  {
    operation: 'Query.performanceAssessments',
    document: `query ($period: String!) { performanceAssessments(period: $period) { items { organizationCode } } }`,
    // admin-opd and direktur get their own organization's row only (filtered, not refused).
    allow: ASSESSMENT_READERS,
    visible: (data) =>
      (data.performanceAssessments as { items: { organizationCode: string }[] }).items.map(
        (item) => item.organizationCode,
      ),
    visibleAcross: ACROSS_ASSESSMENTS,
    variables: () => ({ period: PERIOD }),
  },
  {
    operation: 'Query.performanceAssessment',
    document: `query ($org: String!, $period: String!) { performanceAssessment(organizationCode: $org, period: $period) { organizationCode } }`,
    allow: ASSESSMENT_READERS,
    organization: { across: ACROSS_ASSESSMENTS },
    variables: (cell) => ({ org: cell.organization, period: PERIOD }),
  },
  {
    operation: 'Query.scoringMethod',
    document: `query { scoringMethod { version } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.scoringMethodVersions',
    document: `query { scoringMethodVersions { version } }`,
    allow: LEADERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.leaderDashboard',
    document: `query { leaderDashboard { generatedAt } }`,
    allow: LEADERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.dashboardAlerts',
    document: `query { dashboardAlerts(first: 5) { id } }`,
    allow: LEADERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.dataSets',
    document: `query { dataSets { id } }`,
    // The catalog is filtered per caller by each set's reader rules (the public: open data only).
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.dataSet',
    document: `query ($id: ID!) { dataSet(id: $id) { id } }`,
    allow: 'public',
    objectLevel:
      'aturan pembaca set data (klasifikasi): null bila pemanggil tidak boleh membacanya',
    variables: () => ({ id: 'proyek-pinjaman-daerah' }),
  },
  {
    operation: 'Mutation.updateScoringMethod',
    document: `mutation ($input: ScoringMethodInput!) { updateScoringMethod(input: $input) { version } }`,
    allow: ['super-admin'],
    // One component only: BAD_USER_INPUT once the role has passed, no new version.
    variables: () => ({
      input: {
        name: 'Metode uji matriks',
        description: 'Tidak lengkap: ditolak sebagai masukan.',
        components: [{ key: 'SATISFACTION', weight: 100 }],
        grades: [{ grade: 'A', label: 'Sangat Baik', minScore: 80 }],
      },
    }),
  },
  {
    operation: 'Mutation.acknowledgeDashboardAlert',
    document: `mutation ($id: ID!) { acknowledgeDashboardAlert(id: $id, note: "Dipantau.") { id } }`,
    allow: LEADERS,
    objectLevel:
      'peringatan dasbor pimpinan: hanya pimpinan dan super-admin, yang melihat semua organisasi',
    variables: () => ({ id: ALERT_ID }),
  },
  {
    operation: 'Mutation.updateDataSet',
    document: `mutation ($id: ID!, $input: DataSetInput!) { updateDataSet(id: $id, input: $input) { id } }`,
    // admin-opd edits only sets whose walidata is its organization (SETDA, BPKAD, DISKOMINFO);
    // the dev admin-opd (DINKES) is walidata of none, so every admin-opd cell is a refusal.
    allow: ['super-admin'],
    objectLevel: 'set data milik walidatanya: admin-opd hanya set data organisasinya',
    // A description too short: BAD_USER_INPUT once the caller may edit, nothing written.
    variables: () => ({ id: 'proyek-pinjaman-daerah', input: { description: 'Pendek' } }),
  },
];

export const insightsMatrix: ServiceMatrix = {
  service: 'insights',
  async prepare(stack) {
    // Alerts come from the modules' events; one raised directly gives the acknowledgement a target.
    await stack.insights.services.alerts.raise({
      id: ALERT_ID,
      kind: 'PROJECT_BEHIND_PLAN',
      severity: 'SEDANG',
      title: 'Proyek uji matriks di bawah rencana fisik',
      detail: 'Realisasi fisik 10% dari rencana 25%.',
      organizationCode: 'DPUPR',
      reference: 'PIN-2026-999',
      href: null,
    });
  },
  entries,
};
