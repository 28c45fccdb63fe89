import type { OrganizationKind } from '@/gql/graphql';

/** Every organization kind, in the order the directory filter lists them. */
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'SEKRETARIAT',
  'DINAS',
  'BADAN',
  'INSPEKTORAT',
  'RSUD',
  'BUMD',
  'KECAMATAN',
  'KELURAHAN',
  'BAGIAN',
  'UNIT_KERJA',
  'LENDER',
  'PARTNER',
];

export function toOrganizationKind(value: string | undefined | null): OrganizationKind | undefined {
  return ORGANIZATION_KINDS.find((kind) => kind === value);
}
