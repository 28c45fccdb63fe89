'use client';
import { Group, Loader, Select } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { RECOMMENDATION_STATUSES, type RecommendationStatusValue } from './recommendation';

/** Status and (for overseers) organization filters of /rekomendasi, kept in the URL. */
export function RecommendationFilters({
  status,
  organizationCode,
  organizations,
}: {
  status: RecommendationStatusValue | null;
  organizationCode: string | null;
  /** Empty for admin-opd (their own organization only). */
  organizations: readonly { value: string; label: string }[];
}) {
  const t = useTranslations('surveyAdmin.recommendations');
  const statuses = useTranslations('surveyAdmin.recommendationStatus');
  const common = useTranslations('common');
  const { pending, navigate } = useListNavigation(null);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters')}>
      <Select
        label={t('status')}
        placeholder={t('allStatuses')}
        clearable
        data={RECOMMENDATION_STATUSES.map((value) => ({ value, label: statuses(value) }))}
        value={status}
        onChange={(value) => navigate({ status: value })}
        style={{ flex: '1 1 12rem' }}
        maw={280}
      />
      {organizations.length > 0 ? (
        <Select
          label={t('organization')}
          placeholder={t('allOrganizations')}
          clearable
          searchable
          data={organizations}
          value={organizationCode}
          onChange={(value) => navigate({ organisasi: value })}
          style={{ flex: '1 1 16rem' }}
          maw={360}
        />
      ) : null}
      {pending ? <Loader size="sm" aria-label={common('loading')} mb={8} /> : null}
    </Group>
  );
}

/** "Halaman pertama" / "Halaman berikutnya" of a cursor-paged list. */
export function PagingLinks({
  nextCursor,
  isFirstPage,
}: {
  nextCursor: string | null;
  isFirstPage: boolean;
}) {
  const common = useTranslations('common');
  const { nextHref, firstHref } = useListNavigation(nextCursor);
  return (
    <Group gap="md">
      {!isFirstPage ? <Link href={firstHref}>{common('first')}</Link> : null}
      {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
    </Group>
  );
}
