import type { PartnerScope, Role } from '@sipadu/service-kit';
import type { DataSetClassification, DataSetField } from '../generated/graphql.js';
import type { AssessmentService } from '../services/assessment.service.js';
import type { OwnerClient } from '../services/owner-client.js';
import { periodMonths, periodYear, type AssessmentPeriod } from '../services/period.js';

// The data sets of the open-data catalog and the walidata registry (Perwali 64 §10, Satu Data
// Indonesia). A definition says what a data set is and how its rows are read from the owning
// service on request; rows are never stored here. The registry (`data_sets`) holds the parts a
// walidata may edit (description, classification, readers, update frequency), seeded from these
// definitions.

export type DataValue = string | number | boolean | null;
export type DataRow = Record<string, DataValue>;

/** How a data set uses `?period=`: any period key (default: current year), a fiscal year, none. */
export type PeriodMode = 'ANY' | 'YEAR_OPTIONAL' | 'NONE';

/** Update frequencies offered to the walidata, with their EU frequency vocabulary code (DCAT-AP). */
export const UPDATE_FREQUENCIES: Record<string, string> = {
  Berkelanjutan: 'CONT',
  Harian: 'DAILY',
  Mingguan: 'WEEKLY',
  Bulanan: 'MONTHLY',
  Triwulanan: 'QUARTERLY',
  Semesteran: 'ANNUAL_2',
  Tahunan: 'ANNUAL',
  'Sewaktu-waktu': 'IRREG',
};

export const OPEN_LICENSE = 'CC-BY-4.0';
export const OPEN_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const INTERNAL_LICENSE = 'Penggunaan internal Pemerintah Daerah';

export interface RowContext {
  owners: OwnerClient;
  assessments: AssessmentService;
  /** Null for data sets without a period, or a fiscal-year data set read for every year. */
  period: AssessmentPeriod | null;
}

export interface DataSetDefinition {
  id: string;
  title: string;
  walidataCode: string;
  /** Used when the identity service does not answer. */
  walidataName: string;
  sourceService: string;
  license: string;
  keywords: string[];
  fields: DataSetField[];
  periodMode: PeriodMode;
  /** Partner clients (client credentials) holding one of these scopes read an internal set. */
  clientScopes: readonly PartnerScope[];
  /**
   * Internal sets with an `organizationCode` column: readers outside the walidata organization
   * holding none of these roles see only their own organization's rows.
   */
  rowsAcrossOrganizations: readonly Role[] | null;
  /** Initial values of the registry's editable metadata. */
  defaults: {
    description: string;
    classification: DataSetClassification;
    updateFrequency: string;
    readerRoles: Role[];
    readerOrganizations: string[];
  };
  rows(context: RowContext): Promise<DataRow[]>;
}

const field = (
  name: string,
  title: string,
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date',
  description: string | null = null,
): DataSetField => ({ name, title, type, description });

const required = (period: AssessmentPeriod | null): AssessmentPeriod => {
  if (!period) throw new Error('period required');
  return period;
};

export const DATA_SET_DEFINITIONS: readonly DataSetDefinition[] = [
  {
    id: 'ikm-per-organisasi',
    title: 'Indeks Kepuasan Masyarakat per Perangkat Daerah',
    walidataCode: 'SETDA',
    walidataName: 'Sekretariat Daerah (Bagian Organisasi)',
    sourceService: 'SIPUTRI (layanan survei kepuasan)',
    license: OPEN_LICENSE,
    keywords: ['IKM', 'SKM', 'kepuasan masyarakat', 'pelayanan publik', 'PermenPANRB 14/2017'],
    fields: [
      field('organizationCode', 'Kode organisasi', 'string'),
      field('organizationName', 'Nama organisasi', 'string'),
      field('period', 'Periode', 'string', 'Kunci periode, mis. 2026, 2026-S1, 2026-Q3, 2026-M07.'),
      field('respondents', 'Jumlah responden', 'integer'),
      field('ikm', 'IKM (skala 1–4)', 'number', 'Rata-rata NRR 9 unsur, bobot 1/9.'),
      field('ikmConverted', 'Nilai konversi IKM (25–100)', 'number', 'IKM × 25.'),
      field('grade', 'Mutu pelayanan', 'string', 'A, B, C, atau D.'),
      field('performance', 'Kinerja unit pelayanan', 'string'),
    ],
    periodMode: 'ANY',
    clientScopes: [],
    rowsAcrossOrganizations: null,
    defaults: {
      description:
        'Indeks Kepuasan Masyarakat (IKM) setiap perangkat daerah pada satu periode, dihitung dari ' +
        'Survei Kepuasan Masyarakat di SIPUTRI menurut PermenPANRB 14/2017.',
      classification: 'TERBUKA',
      updateFrequency: 'Berkelanjutan',
      readerRoles: [],
      readerOrganizations: [],
    },
    async rows({ owners, period }) {
      const current = required(period);
      const rows = await owners.organizationSatisfaction(current.key);
      return rows.map((row) => ({
        organizationCode: row.organizationCode,
        organizationName: row.organizationName,
        period: current.key,
        respondents: row.respondents,
        ikm: row.ikm,
        ikmConverted: row.ikmConverted,
        grade: row.grade,
        performance: row.performance,
      }));
    },
  },
  {
    id: 'standar-pelayanan-terbit',
    title: 'Standar Pelayanan yang Terbit',
    walidataCode: 'SETDA',
    walidataName: 'Sekretariat Daerah (Bagian Organisasi)',
    sourceService: 'SIPUTRI (layanan survei kepuasan)',
    license: OPEN_LICENSE,
    keywords: ['standar pelayanan', 'PermenPANRB 15/2014', 'layanan publik', 'direktori layanan'],
    fields: [
      field('id', 'Id layanan', 'string'),
      field('name', 'Nama layanan', 'string'),
      field('category', 'Kategori', 'string'),
      field('organizationCode', 'Kode organisasi', 'string'),
      field('organizationName', 'Nama organisasi', 'string'),
      field('version', 'Versi terbit', 'integer'),
      field('publishedAt', 'Waktu terbit', 'date', 'ISO 8601.'),
      field('onlineServiceUrl', 'Tautan layanan elektronik', 'string'),
    ],
    periodMode: 'NONE',
    clientScopes: [],
    rowsAcrossOrganizations: null,
    defaults: {
      description:
        'Daftar standar pelayanan (PermenPANRB 15/2014) yang sudah diterbitkan setiap perangkat ' +
        'daerah, versi terbit yang berlaku saat diunduh.',
      classification: 'TERBUKA',
      updateFrequency: 'Sewaktu-waktu',
      readerRoles: [],
      readerOrganizations: [],
    },
    async rows({ owners }) {
      const services = await owners.publishedServices();
      return services.map((service) => ({
        id: service.id,
        name: service.name,
        category: service.category,
        organizationCode: service.organizationCode,
        organizationName: service.organizationName,
        version: service.version,
        publishedAt: service.publishedAt,
        onlineServiceUrl: service.onlineServiceUrl,
      }));
    },
  },
  {
    id: 'proyek-pinjaman-daerah',
    title: 'Proyek Pinjaman Daerah',
    walidataCode: 'BPKAD',
    walidataName: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    sourceService: 'SIPOPI (layanan proyek pinjaman)',
    license: OPEN_LICENSE,
    keywords: ['pinjaman daerah', 'proyek', 'infrastruktur', 'realisasi fisik', 'APBD'],
    fields: [
      field('code', 'Kode proyek', 'string'),
      field('name', 'Nama proyek', 'string'),
      field('fiscalYear', 'Tahun anggaran', 'integer'),
      field('organizationCode', 'Kode organisasi pelaksana', 'string'),
      field('organizationName', 'Organisasi pelaksana', 'string'),
      field('lenderOrganizationCode', 'Kode pemberi pinjaman', 'string'),
      field('lenderName', 'Pemberi pinjaman', 'string'),
      field('stage', 'Kode tahap', 'string'),
      field('stageLabel', 'Tahap', 'string'),
      field('amount', 'Jumlah pinjaman (Rupiah)', 'number'),
      field('physicalProgress', 'Realisasi fisik (%)', 'number'),
      field('financialProgress', 'Realisasi keuangan (%)', 'number'),
      field('behindPlan', 'Terlambat dari rencana', 'boolean'),
    ],
    periodMode: 'YEAR_OPTIONAL',
    clientScopes: [],
    rowsAcrossOrganizations: null,
    defaults: {
      description:
        'Proyek yang dibiayai pinjaman daerah (kecuali draf yang belum diajukan): pelaksana, ' +
        'pemberi pinjaman, tahap, jumlah pinjaman, dan realisasi fisik dan keuangan. Tanpa ' +
        'dokumen. Periode (tahun) menyaring tahun anggaran.',
      classification: 'TERBUKA',
      updateFrequency: 'Bulanan',
      readerRoles: [],
      readerOrganizations: [],
    },
    async rows({ owners, period }) {
      const projects = await owners.loanProjects(
        period ? { fiscalYear: periodYear(period.key) } : {},
      );
      return projects
        .filter((project) => project.stage !== 'DRAFT')
        .map((project) => ({
          code: project.code,
          name: project.name,
          fiscalYear: project.fiscalYear,
          organizationCode: project.organizationCode,
          organizationName: project.organizationName,
          lenderOrganizationCode: project.lenderOrganizationCode,
          lenderName: project.lenderName,
          stage: project.stage,
          stageLabel: project.stageLabel,
          amount: project.amount,
          physicalProgress: project.physicalProgress,
          financialProgress: project.financialProgress,
          behindPlan: project.behindPlan,
        }));
    },
  },
  {
    id: 'statistik-pengaduan',
    title: 'Statistik Pengaduan Masyarakat',
    walidataCode: 'DISKOMINFO',
    walidataName: 'Dinas Komunikasi dan Informatika',
    sourceService: 'Pengaduan masyarakat (layanan konsultasi dan pengaduan)',
    license: OPEN_LICENSE,
    keywords: ['pengaduan masyarakat', 'SP4N-LAPOR', 'waktu layanan', 'statistik'],
    fields: [
      field('month', 'Bulan', 'string', 'YYYY-MM, bulan pengaduan diterima.'),
      field('organizationCode', 'Kode organisasi tujuan', 'string'),
      field('organizationName', 'Organisasi tujuan', 'string'),
      field(
        'received',
        'Diterima',
        'integer',
        'Kecuali yang ditolak karena tidak memenuhi syarat.',
      ),
      field('rejected', 'Ditolak', 'integer'),
      field('answered', 'Dijawab', 'integer'),
      field('answeredOnTime', 'Dijawab tepat waktu', 'integer'),
      field('closed', 'Selesai', 'integer'),
      field('rated', 'Dinilai warga', 'integer'),
      field('averageRating', 'Rata-rata penilaian warga (1–5)', 'number'),
      field('open', 'Belum selesai', 'integer', 'Saat diunduh.'),
      field('overdue', 'Melewati waktu layanan', 'integer', 'Saat diunduh.'),
    ],
    periodMode: 'ANY',
    clientScopes: [],
    rowsAcrossOrganizations: null,
    defaults: {
      description:
        'Jumlah pengaduan masyarakat per organisasi tujuan dan per bulan diterima: dijawab, ' +
        'dijawab tepat waktu, selesai, dan penilaian warga. Hanya angka, tanpa isi pengaduan atau ' +
        'identitas pengadu.',
      classification: 'TERBUKA',
      updateFrequency: 'Berkelanjutan',
      readerRoles: [],
      readerOrganizations: [],
    },
    async rows({ owners, period }) {
      const months = periodMonths(required(period).key);
      const statistics = await owners.complaintStatisticsByRange(months);
      return months.flatMap(({ month }, index) =>
        statistics[index]!.organizations.map((row) => ({
          month,
          organizationCode: row.organizationCode,
          organizationName: row.organizationName,
          received: row.received,
          rejected: row.rejected,
          answered: row.answered,
          answeredOnTime: row.answeredOnTime,
          closed: row.closed,
          rated: row.rated,
          averageRating: row.averageRating,
          open: row.open,
          overdue: row.overdue,
        })),
      );
    },
  },
  {
    id: 'kinerja-organisasi',
    title: 'Penilaian Kinerja Perangkat Daerah',
    walidataCode: 'SETDA',
    walidataName: 'Sekretariat Daerah (Bagian Organisasi)',
    sourceService: 'Insights (penilaian kinerja dari SIPUTRI, pengaduan, SI-KIMR, SIPOPI)',
    license: INTERNAL_LICENSE,
    keywords: ['penilaian kinerja', 'IKM', 'pengaduan', 'waktu layanan', 'pinjaman daerah'],
    fields: [
      field('organizationCode', 'Kode organisasi', 'string'),
      field('organizationName', 'Nama organisasi', 'string'),
      field('period', 'Periode', 'string'),
      field('rank', 'Peringkat', 'integer'),
      field('score', 'Nilai (0–100)', 'number'),
      field('coverage', 'Cakupan data (% bobot komponen yang berdata)', 'number'),
      field('grade', 'Predikat', 'string'),
      field('gradeLabel', 'Keterangan predikat', 'string'),
      field('satisfactionScore', 'Nilai IKM dan mutu pelayanan', 'number'),
      field('complaintHandlingScore', 'Nilai penanganan pengaduan', 'number'),
      field('serviceTimeScore', 'Nilai kepatuhan waktu layanan', 'number'),
      field('loanProjectDelayScore', 'Nilai ketepatan jadwal proyek pinjaman', 'number'),
      field('methodVersion', 'Versi metode penilaian', 'integer'),
    ],
    periodMode: 'ANY',
    clientScopes: ['sipadu:statistik'],
    rowsAcrossOrganizations: ['super-admin', 'pimpinan', 'evaluator'],
    defaults: {
      description:
        'Nilai kinerja setiap perangkat daerah pada satu periode menurut metode penilaian yang ' +
        'berlaku, dengan nilai setiap komponen. Pegawai di luar walidata yang bukan pimpinan atau ' +
        'evaluator hanya membaca baris organisasinya.',
      classification: 'INTERNAL',
      updateFrequency: 'Berkelanjutan',
      readerRoles: ['pimpinan', 'super-admin', 'evaluator', 'admin-opd'],
      readerOrganizations: [],
    },
    async rows({ assessments, period }) {
      const list = await assessments.list(required(period).key);
      const componentScore = (
        item: (typeof list.items)[number],
        key: (typeof item.components)[number]['key'],
      ) => item.components.find((component) => component.key === key)?.score ?? null;
      return list.items.map((item) => ({
        organizationCode: item.organizationCode,
        organizationName: item.organizationName,
        period: item.period.key,
        rank: item.rank,
        score: item.score,
        coverage: item.coverage,
        grade: item.grade,
        gradeLabel: item.gradeLabel,
        satisfactionScore: componentScore(item, 'SATISFACTION'),
        complaintHandlingScore: componentScore(item, 'COMPLAINT_HANDLING'),
        serviceTimeScore: componentScore(item, 'SERVICE_TIME'),
        loanProjectDelayScore: componentScore(item, 'LOAN_PROJECT_DELAY'),
        methodVersion: item.methodVersion,
      }));
    },
  },
  {
    id: 'kepatuhan-waktu-layanan',
    title: 'Kepatuhan Waktu Layanan SI-KIMR',
    walidataCode: 'DISKOMINFO',
    walidataName: 'Dinas Komunikasi dan Informatika',
    sourceService: 'SI-KIMR (layanan konsultasi dan pengaduan)',
    license: INTERNAL_LICENSE,
    keywords: ['waktu layanan', 'konsultasi', 'pengaduan TIK', 'SLA'],
    fields: [
      field('flow', 'Alur', 'string', 'CONSULTATION, WORK_ITEM, ICT_COMPLAINT, PUBLIC_COMPLAINT.'),
      field('organizationCode', 'Kode organisasi penanggung jawab', 'string'),
      field('organizationName', 'Organisasi penanggung jawab', 'string'),
      field('received', 'Diterima', 'integer'),
      field('completed', 'Selesai', 'integer'),
      field('completedOnTime', 'Selesai tepat waktu', 'integer'),
      field('onTimeShare', 'Bagian selesai tepat waktu (%)', 'number'),
      field('open', 'Belum selesai', 'integer'),
      field('overdue', 'Melewati waktu layanan', 'integer'),
    ],
    periodMode: 'ANY',
    clientScopes: ['sipadu:statistik'],
    rowsAcrossOrganizations: ['super-admin', 'pimpinan'],
    defaults: {
      description:
        'Kasus konsultasi, pekerjaan internal, dan pengaduan yang diterima pada periode per alur ' +
        'dan organisasi penanggung jawab: selesai, selesai tepat waktu, belum selesai, dan yang ' +
        'melewati waktu layanan.',
      classification: 'INTERNAL',
      updateFrequency: 'Berkelanjutan',
      readerRoles: ['pimpinan', 'super-admin', 'direktur'],
      readerOrganizations: [],
    },
    async rows({ owners, period }) {
      const { from, to } = required(period);
      const rows = await owners.serviceTimeStatistics(from, to);
      return rows.map((row) => ({
        flow: row.flow,
        organizationCode: row.organizationCode,
        organizationName: row.organizationName,
        received: row.received,
        completed: row.completed,
        completedOnTime: row.completedOnTime,
        onTimeShare:
          row.completed === 0
            ? null
            : Math.round((row.completedOnTime / row.completed) * 10_000) / 100,
        open: row.open,
        overdue: row.overdue,
      }));
    },
  },
];

export function dataSetDefinition(id: string): DataSetDefinition | undefined {
  return DATA_SET_DEFINITIONS.find((definition) => definition.id === id);
}
