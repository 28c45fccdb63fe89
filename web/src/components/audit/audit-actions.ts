import type { AuditAction } from '@/gql/graphql';

/** Every audited action, in the order the filter lists them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'UPLOAD',
  'DOWNLOAD',
  'DOCUMENT_CREATE',
  'VERSION_ADD',
  'REVIEW',
  'SIGNATURE',
  'WITHDRAWAL',
  'CONFIDENTIALITY_CHANGE',
  'PARTNER_READ',
  'PARTNER_REFUSED',
];

export function toAuditAction(value: string | undefined | null): AuditAction | undefined {
  return AUDIT_ACTIONS.find((action) => action === value);
}
