import { CHART_COLORS } from '@/components/charts/chart-options';
import { caseNumberHref } from '@/components/cases/case-flow';
import type { CaseFlow, LeaderDashboardQuery } from '@/gql/graphql';

export type Dashboard = LeaderDashboardQuery['leaderDashboard'];
export type DashboardAlertItem = Dashboard['alerts'][number];
export type RankingEntry = Dashboard['ranking'][number];
export type MapEntry = Dashboard['map'][number];

/** Grade colours (assessment and IKM alike): A green to D red, each 4.5:1 on white. */
const GRADE_COLORS: Record<string, string> = {
  A: CHART_COLORS.green,
  B: CHART_COLORS.blue,
  C: CHART_COLORS.orange,
  D: CHART_COLORS.red,
};

/** The colour of a grade (its first letter counts: `A`, `B+`); grey without a grade. */
export function gradeColor(grade: string | null | undefined): string {
  return GRADE_COLORS[grade?.trim().charAt(0).toUpperCase() ?? ''] ?? CHART_COLORS.gray;
}

/** Where an organization's assessment of the period is explained, with its drill-down. */
export function assessmentHref(organizationCode: string, periodKey: string): string {
  return `/penilaian-kinerja/${encodeURIComponent(organizationCode)}?periode=${encodeURIComponent(periodKey)}`;
}

/** Scores and IKM values the way Indonesian reports write them: "87,50"; "—" without one. */
export function formatScore(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : '—';
}

/** A count with thousands separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('id-ID', { maximumFractionDigits: 0 });
}

export interface OrganizationIkm {
  ikm: number | null;
  grade: string | null;
}

/**
 * The IKM of a ranked organization: from its map point (with the IKM's own grade), else the
 * `ikmConverted` measure (25–100, as on the map) of its satisfaction component (organizations without coordinates are not on
 * the map).
 */
export function ikmOf(entry: RankingEntry, map: readonly MapEntry[]): OrganizationIkm {
  const point = map.find((item) => item.organizationCode === entry.organizationCode);
  if (point && point.ikm !== null && point.ikm !== undefined) {
    return { ikm: point.ikm, grade: point.ikmGrade ?? null };
  }
  const measure = entry.components
    .find((component) => component.key === 'SATISFACTION')
    ?.measures.find((item) => item.key === 'ikmConverted');
  return { ikm: measure?.value ?? null, grade: point?.ikmGrade ?? null };
}

const FLOW_OF_PREFIX: Record<string, CaseFlow> = {
  KNS: 'CONSULTATION',
  PKJ: 'WORK_ITEM',
  TIK: 'ICT_COMPLAINT',
  ADU: 'PUBLIC_COMPLAINT',
};

/** The list of a case by its number (`ADU-2026-00012`), or null for another kind of reference. */
export function caseReferenceHref(reference: string): string | null {
  const flow = FLOW_OF_PREFIX[/^([A-Z]{3})-\d{4}-\d+$/.exec(reference)?.[1] ?? ''];
  return flow ? caseNumberHref(flow, reference) : null;
}

/** Replaces one alert by its acknowledged version (open alerts are then shown as followed up). */
export function withAcknowledged(
  alerts: readonly DashboardAlertItem[],
  acknowledged: Pick<DashboardAlertItem, 'id' | 'acknowledgedAt' | 'acknowledgedBy' | 'note'>,
): DashboardAlertItem[] {
  return alerts.map((alert) =>
    alert.id === acknowledged.id ? { ...alert, ...acknowledged } : alert,
  );
}
