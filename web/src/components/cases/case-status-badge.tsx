'use client';
import { Badge } from '@mantine/core';
import { useTranslations } from 'next-intl';
import type { CaseFlow } from '@/gql/graphql';
import { caseStatusColor } from './case-flow';

/**
 * A case's status as a coloured badge in the user's language; the service's own label stands in
 * for a status this portal does not know yet.
 */
export function CaseStatusBadge({
  flow,
  status,
  label,
  size = 'md',
}: {
  flow: CaseFlow;
  status: string;
  /** The service's `statusLabel`. */
  label: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useTranslations('cases.status');
  const key = `${flow}.${status}` as 'CONSULTATION.SUBMITTED';
  return (
    <Badge
      color={caseStatusColor(flow, status)}
      variant="filled"
      tt="none"
      size={size}
      data-status={status}
      style={{ maxWidth: '100%' }}
    >
      {t.has(key) ? t(key) : label}
    </Badge>
  );
}
