/**
 * URL parameters of the project list's filters (Indonesian, like the rest of the portal's URLs).
 * A plain module, not the client component's: a server page that imports a constant from a
 * `'use client'` module receives a client reference instead of the object, so every lookup
 * through it found nothing and the page ignored the filters.
 */
export const PROJECT_LIST_PARAMS = {
  fiscalYear: 'tahun',
  stage: 'tahap',
  organizationCode: 'organisasi',
  lenderOrganizationCode: 'pemberi',
  search: 'q',
} as const;
