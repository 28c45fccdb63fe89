/** The drill-down page of one organization's assessment for a period. */
export function assessmentHref(organizationCode: string, period: string): string {
  return `/penilaian-kinerja/${encodeURIComponent(organizationCode)}?periode=${encodeURIComponent(period)}`;
}
