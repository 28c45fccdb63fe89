'use client';
import { Select } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useListNavigation } from '@/navigation/use-list-navigation';

/** The organization a super-admin works on, kept in the URL (`?organisasi=`). */
export function OrganizationPicker({
  value,
  options,
}: {
  value: string | null;
  options: readonly { value: string; label: string }[];
}) {
  const t = useTranslations('surveyAdmin.scope');
  const { navigate } = useListNavigation(null);
  return (
    <Select
      label={t('organization')}
      placeholder={t('chooseOrganization')}
      searchable
      data={options}
      value={value}
      nothingFoundMessage={t('noOptions')}
      onChange={(next) => navigate({ organisasi: next })}
      maw={420}
    />
  );
}
