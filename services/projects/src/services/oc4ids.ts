import type { LoanProjectRecord } from '../models/loan-project.model.js';
import type { LoanProjectStage } from '../workflows/loan-project.workflow.js';

/**
 * A loan project in the Open Contracting for Infrastructure Data Standard (OC4IDS) project shape:
 * identification, budget with the loan as its source, parties, locations as GeoJSON, documents by
 * stage and completion. Pure: the service passes the project's requirement states.
 */

export interface Oc4idsValue {
  amount: number;
  currency: 'IDR';
}

export interface Oc4idsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface Oc4idsParty {
  id: string;
  name: string;
  roles: string[];
  address?: { region?: string; countryName: string };
  contactPoint?: { name?: string; telephone?: string };
  identifier?: { scheme: string; id: string };
}

export interface Oc4idsGeometry {
  type: 'Point' | 'Polygon';
  /** GeoJSON order: [longitude, latitude]; a polygon is a list of closed rings. */
  coordinates: number[] | number[][][];
}

export interface Oc4idsLocation {
  id: string;
  description: string;
  geometry: Oc4idsGeometry;
  address?: { streetAddress?: string; region?: string; countryName: string };
}

export interface Oc4idsDocument {
  id: string;
  documentType: string;
  title: string;
  description?: string;
  datePublished?: string;
  dateModified?: string;
}

export interface Oc4idsProject {
  id: string;
  updated: string;
  language: 'id';
  title: string;
  description: string;
  status: 'identification' | 'preparation' | 'implementation' | 'completion' | 'cancelled';
  period: Oc4idsPeriod;
  sector: string[];
  purpose: string;
  identifiers: { scheme: string; id: string; description?: string }[];
  additionalClassifications: { scheme: string; id: string; description: string }[];
  budget: {
    amount: Oc4idsValue;
    approvalDate?: string;
    budgetBreakdown: {
      id: string;
      description: string;
      amount: Oc4idsValue;
      sourceParty: { id: string; name: string };
      period?: Oc4idsPeriod;
    }[];
  };
  parties: Oc4idsParty[];
  locations: Oc4idsLocation[];
  documents: Oc4idsDocument[];
  completion?: {
    endDate?: string;
    endDateDetails?: string;
    finalValue: Oc4idsValue;
    finalValueDetails?: string;
  };
}

export interface RequirementDocumentFact {
  _id?: string;
  title: string;
  group: string | null;
  status: string;
  updatedAt?: Date | string | null;
}

export interface Oc4idsOptions {
  /** Publisher prefix: ids read `oc4ids-<prefix>-<code>`. */
  prefix: string;
  /** The project's document requirements (documents service projection). */
  requirements?: readonly RequirementDocumentFact[];
}

export const OC4IDS_STATUS: Record<LoanProjectStage, Oc4idsProject['status']> = {
  DRAFT: 'identification',
  DATA_PREPARATION: 'identification',
  DOCUMENT_SUBMISSION: 'preparation',
  VERIFICATION: 'preparation',
  APPROVED: 'preparation',
  AGREEMENT_SIGNED: 'preparation',
  DISBURSEMENT: 'implementation',
  IMPLEMENTATION: 'implementation',
  COMPLETED: 'completion',
  CANCELLED: 'cancelled',
};

/** Programs of bidang urusan PUPR (1.03) by OC4IDS sector; 1.02 (kesehatan) is health. */
const PUPR_PROGRAM_SECTORS: Record<string, string[]> = {
  '1.03.02': ['waterAndWaste'],
  '1.03.03': ['waterAndWaste'],
  '1.03.04': ['waterAndWaste'],
  '1.03.05': ['waterAndWaste'],
  '1.03.06': ['waterAndWaste'],
  '1.03.10': ['transport', 'transport.road'],
};

/** OC4IDS sectors inferred from the cited sub-kegiatan codes (bidang and program); else 'other'. */
export function sectorsOf(codes: readonly string[]): string[] {
  const sectors = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    const bidang = parts.slice(0, 2).join('.');
    const program = parts.slice(0, 3).join('.');
    if (bidang === '1.02') sectors.add('health');
    else if (bidang === '1.03') {
      for (const sector of PUPR_PROGRAM_SECTORS[program] ?? ['transport']) sectors.add(sector);
    }
  }
  return sectors.size > 0 ? [...sectors] : ['other'];
}

const DOCUMENT_TYPES: [RegExp, string][] = [
  [/perjanjian pinjaman|kontrak|perjanjian/, 'contractSigned'],
  [/studi kelayakan|feasibility|\bfs\b/, 'feasibilityStudy'],
  [/amdal|ukl|upl|lingkungan/, 'environmentalImpact'],
  [/pengadaan tanah|pembebasan lahan|lahan/, 'landAndSettlementImpact'],
  [/\bded\b|detail engineering|gambar|spesifikasi/, 'technicalSpecifications'],
  [/\brab\b|anggaran biaya|bill of quantit|\bboq\b/, 'billOfQuantity'],
  [/\bkak\b|kerangka acuan|\btor\b|ruang lingkup/, 'projectScope'],
  [/\bmc[- ]?0\b|mutual check|laporan kemajuan|progres|progress/, 'physicalProgressReport'],
  [/laporan keuangan|realisasi keuangan/, 'financialProgressReport'],
  [/rencana penggunaan|rencana kerja|jadwal|kurva s/, 'projectPlan'],
  [/dprd|\bapbd\b|persetujuan anggaran/, 'budgetApproval'],
  [/audit/, 'finalAudit'],
  [/serah terima|\bbast\b|\bpho\b|\bfho\b|sertifikat/, 'completionCertificate'],
  [/foto|dokumentasi/, 'illustration'],
];

/** OC4IDS documentType of a requirement title; unknown ones are additional project documents. */
export function documentTypeOf(title: string): string {
  const text = title.toLowerCase();
  for (const [pattern, type] of DOCUMENT_TYPES) if (pattern.test(text)) return type;
  return 'projectAdditionalDocument';
}

const dateTime = (date: string) => `${date}T00:00:00Z`;
const iso = (value: Date | string) => new Date(value).toISOString();
const idr = (amount: number): Oc4idsValue => ({ amount, currency: 'IDR' });

function lastDayOfMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** A GeoJSON polygon ring from `{lng, lat}` points, closed (first point repeated at the end). */
export function closedRing(points: readonly { lng: number; lat: number }[]): number[][] {
  const ring = points.map((p) => [p.lng, p.lat]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring;
}

function managerName(code: string): string {
  return code === 'BPKAD' ? 'Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)' : code;
}

export function toOc4ids(project: LoanProjectRecord, options: Oc4idsOptions): Oc4idsProject {
  const prefix = options.prefix;
  const history = project.history ?? [];
  const lastEntry = (transition: string) =>
    [...history].reverse().find((entry) => entry.transition === transition);

  // Parties: one per organization, roles merged when an organization plays several.
  const parties = new Map<string, Oc4idsParty>();
  const addParty = (id: string, name: string, roles: string[]) => {
    const party = parties.get(id) ?? {
      id,
      name,
      roles: [],
      identifier: { scheme: 'SIPADU-ORG', id },
      address: { countryName: 'Indonesia' },
    };
    for (const role of roles) if (!party.roles.includes(role)) party.roles.push(role);
    parties.set(id, party);
  };
  addParty(project.organizationCode, project.organizationName, ['publicAuthority']);
  addParty(project.lenderOrganizationCode, project.lenderName, ['funder']);
  addParty(project.managerOrganizationCode, managerName(project.managerOrganizationCode), [
    'buyer',
    'administrativeEntity',
  ]);
  if (project.consultant) {
    const id = `consultant-${project.consultant.contractNumber ?? project.consultant.name}`;
    parties.set(id, {
      id,
      name: project.consultant.name,
      roles: ['supplier'],
      ...(project.consultant.supervisor || project.consultant.contact
        ? {
            contactPoint: {
              ...(project.consultant.supervisor ? { name: project.consultant.supervisor } : {}),
              ...(project.consultant.contact ? { telephone: project.consultant.contact } : {}),
            },
          }
        : {}),
    });
  }

  // Locations: a point per location, and its area outline as a polygon when drawn.
  const locations: Oc4idsLocation[] = [];
  for (const location of project.locations ?? []) {
    const address = {
      streetAddress: location.address,
      region: location.administrativeArea,
      countryName: 'Indonesia',
    };
    locations.push({
      id: location.id,
      description: `${location.address}, ${location.administrativeArea}`,
      geometry: { type: 'Point', coordinates: [location.longitude, location.latitude] },
      address,
    });
    if (location.outline && location.outline.length >= 3) {
      locations.push({
        id: `${location.id}-area`,
        description: `Batas area: ${location.address}, ${location.administrativeArea}`,
        geometry: { type: 'Polygon', coordinates: [closedRing(location.outline)] },
        address,
      });
    }
  }

  // Documents by stage: requirements settled (preparation), the agreement, accepted reports.
  const documents: Oc4idsDocument[] = [];
  for (const requirement of options.requirements ?? []) {
    if (requirement.status !== 'APPROVED') continue;
    documents.push({
      id: requirement._id ?? `${project._id}-${documents.length + 1}`,
      documentType: documentTypeOf(requirement.title),
      title: requirement.title,
      description: requirement.group
        ? `Persyaratan pencairan kelompok ${requirement.group}, disetujui pemberi pinjaman.`
        : 'Persyaratan dokumen pinjaman, disetujui pemberi pinjaman.',
      ...(requirement.updatedAt ? { dateModified: iso(requirement.updatedAt) } : {}),
    });
  }
  if (project.agreement) {
    documents.push({
      id: project.agreement.documentId,
      documentType: 'contractSigned',
      title: `Perjanjian Pinjaman Daerah Nomor ${project.agreement.number}`,
      description: `Ditandatangani ${project.agreement.signedOn} antara pemerintah daerah dan ${project.lenderName}.`,
      datePublished: dateTime(project.agreement.signedOn),
    });
  }
  for (const report of project.progressReports ?? []) {
    if (report.state !== 'ACCEPTED') continue;
    documents.push({
      id: report.id,
      documentType: 'physicalProgressReport',
      title: `Laporan kemajuan ${report.period}`,
      description: `Kemajuan fisik ${report.physicalPercent}%, keuangan ${report.financialPercent}%. ${report.narrative}`,
      datePublished: iso(report.reviewedAt ?? report.submittedAt),
    });
  }

  // Period: the monthly progress plan when there is one, else the fiscal year.
  const plan = [...(project.progressPlan ?? [])].sort((a, b) => a.period.localeCompare(b.period));
  const firstPlan = plan[0];
  const lastPlan = plan[plan.length - 1];
  const period: Oc4idsPeriod =
    firstPlan && lastPlan
      ? {
          startDate: dateTime(`${firstPlan.period}-01`),
          endDate: dateTime(lastDayOfMonth(lastPlan.period)),
        }
      : {
          startDate: dateTime(`${project.fiscalYear}-01-01`),
          endDate: dateTime(`${project.fiscalYear}-12-31`),
        };

  const approved = lastEntry('approve');
  const disbursed = project.disbursedAmount ?? 0;
  let completion: Oc4idsProject['completion'];
  if (project.state === 'COMPLETED') {
    const done = lastEntry('complete');
    completion = {
      ...(done ? { endDate: iso(done.at) } : {}),
      finalValue: idr(disbursed),
      finalValueDetails: 'Jumlah pinjaman yang telah dicairkan.',
    };
  } else if (project.state === 'CANCELLED') {
    const cancelled = lastEntry('cancel');
    completion = {
      ...(cancelled ? { endDate: iso(cancelled.at) } : {}),
      ...(cancelled?.note ? { endDateDetails: `Dibatalkan: ${cancelled.note}` } : {}),
      finalValue: idr(disbursed),
      finalValueDetails: 'Jumlah pinjaman yang telah dicairkan sebelum pembatalan.',
    };
  }

  return {
    id: `oc4ids-${prefix}-${project.code}`,
    updated: iso(project.updatedAt ?? project.createdAt ?? new Date(0)),
    language: 'id',
    title: project.name,
    description: project.description,
    status: OC4IDS_STATUS[project.state],
    period,
    sector: sectorsOf((project.planningCodes ?? []).map((c) => c.code)),
    purpose: project.borrowingReason,
    identifiers: [
      { scheme: 'SIPADU', id: project.code, description: 'Kode proyek pinjaman daerah' },
      ...(project.planningCodes ?? []).map((citation) => ({
        scheme: 'Permendagri-90-2019',
        id: citation.code,
        description: citation.name,
      })),
    ],
    additionalClassifications: (project.planningCodes ?? []).map((citation) => ({
      scheme: 'Permendagri-90-2019',
      id: citation.code,
      description: citation.name,
    })),
    budget: {
      amount: idr(project.amount),
      ...(approved ? { approvalDate: iso(approved.at) } : {}),
      budgetBreakdown: [
        {
          id: 'loan',
          description: `Pinjaman daerah dari ${project.lenderName}, tenor ${project.tenorMonths} bulan.`,
          amount: idr(project.amount),
          sourceParty: { id: project.lenderOrganizationCode, name: project.lenderName },
          ...(project.agreement
            ? { period: { startDate: dateTime(project.agreement.signedOn) } }
            : {}),
        },
      ],
    },
    parties: [...parties.values()],
    locations,
    documents,
    ...(completion ? { completion } : {}),
  };
}
