import type { LoanProjectStage } from '@/gql/graphql';

/** The stages in the order of the workflow (DOMAIN.md §3), the final ones last. */
export const LOAN_PROJECT_STAGES = [
  'DRAFT',
  'DATA_PREPARATION',
  'DOCUMENT_SUBMISSION',
  'VERIFICATION',
  'APPROVED',
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
  'CANCELLED',
] as const satisfies readonly LoanProjectStage[];

export function isLoanProjectStage(value: unknown): value is LoanProjectStage {
  return LOAN_PROJECT_STAGES.some((stage) => stage === value);
}

/**
 * Filled stage badges (white text, each at least 4.5:1 on white): grey drafts, blues and violets
 * while documents are prepared and checked, teal once approved and signed, orange while money
 * flows, indigo during the works, dark green when done, red when cancelled.
 */
export const STAGE_COLORS: Record<LoanProjectStage, string> = {
  DRAFT: '#495057',
  DATA_PREPARATION: '#1864ab',
  DOCUMENT_SUBMISSION: '#5f3dc4',
  VERIFICATION: '#862e9c',
  APPROVED: '#0b7285',
  AGREEMENT_SIGNED: '#087f5b',
  DISBURSEMENT: '#a33a00',
  IMPLEMENTATION: '#364fc7',
  COMPLETED: '#1b5e20',
  CANCELLED: '#c92a2a',
};

/**
 * From APPROVED on, the lender's approval stands: year, executing organization, lender and amount
 * are locked (the projects service refuses changes to them).
 */
export const APPROVED_STAGES: readonly LoanProjectStage[] = [
  'APPROVED',
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
];

/** Where a project lives in the portal; `tab` opens one of its tabs. */
export function projectHref(id: string, tab?: string): string {
  const base = `/proyek/${encodeURIComponent(id)}`;
  return tab && tab !== 'ringkasan' ? `${base}?tab=${encodeURIComponent(tab)}` : base;
}

/** The project page's tabs, as named in the URL (`?tab=`). */
export const PROJECT_TABS = [
  'ringkasan',
  'dokumen',
  'progres',
  'pencairan',
  'lokasi',
  'korespondensi',
  'riwayat',
] as const;

export type ProjectTab = (typeof PROJECT_TABS)[number];

export function projectTabOf(value: string | undefined): ProjectTab {
  return PROJECT_TABS.find((tab) => tab === value) ?? 'ringkasan';
}

/** A percentage 0–100 shown with at most one decimal, Indonesian style ("45,5%"). */
export function formatPercent(value: number): string {
  const clamped = Math.max(0, Math.min(100, value));
  return `${clamped.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
}
