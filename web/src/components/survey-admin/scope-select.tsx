'use client';
import { Group, NativeSelect, Select } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { SCOPE_PARAM, type IndexScopeValue } from './survey-scope';

interface Option {
  value: string;
  label: string;
}

/**
 * What the results are about, kept in the URL (`cakupan`, `organisasi`, `layanan`): the whole
 * Pemda, one organization, or one service. An admin-opd sees only their own organization.
 */
export function ScopeSelect({
  scope,
  organizationCode,
  serviceId,
  organizations,
  services,
  allOrganizations,
}: {
  scope: IndexScopeValue;
  organizationCode: string | null;
  serviceId: string | null;
  organizations: readonly Option[];
  services: readonly Option[];
  /** Overseers choose any organization and the Pemda; admin-opd only their own. */
  allOrganizations: boolean;
}) {
  const t = useTranslations('surveyAdmin.scope');
  const { navigate } = useListNavigation(null);
  const scopes: IndexScopeValue[] = allOrganizations
    ? ['PEMDA', 'ORGANIZATION', 'SERVICE']
    : ['ORGANIZATION', 'SERVICE'];
  const organizationData =
    organizationCode && !organizations.some((o) => o.value === organizationCode)
      ? [{ value: organizationCode, label: organizationCode }, ...organizations]
      : organizations;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('label')}>
      <NativeSelect
        label={t('scope')}
        value={scope}
        data={scopes.map((value) => ({ value, label: t(`name.${value}`) }))}
        onChange={(event) => {
          const next = event.currentTarget.value as IndexScopeValue;
          navigate({
            cakupan: SCOPE_PARAM[next],
            layanan: next === 'SERVICE' ? serviceId : null,
            organisasi:
              next === 'PEMDA' || !allOrganizations
                ? null
                : (organizationCode ?? organizations[0]?.value ?? null),
          });
        }}
        w={170}
      />
      {allOrganizations && scope !== 'PEMDA' ? (
        <Select
          label={t('organization')}
          placeholder={t('chooseOrganization')}
          searchable
          data={organizationData}
          value={organizationCode}
          nothingFoundMessage={t('noOptions')}
          onChange={(value) =>
            navigate({ organisasi: value, layanan: null, cakupan: SCOPE_PARAM[scope] })
          }
          style={{ flex: '1 1 16rem' }}
          maw={360}
        />
      ) : null}
      {scope === 'SERVICE' || scope === 'ORGANIZATION' ? (
        <Select
          label={t('service')}
          placeholder={t('allServices')}
          searchable
          clearable
          data={services}
          value={scope === 'SERVICE' ? serviceId : null}
          nothingFoundMessage={t('noOptions')}
          onChange={(value) =>
            navigate(
              value
                ? { cakupan: SCOPE_PARAM.SERVICE, layanan: value }
                : { cakupan: SCOPE_PARAM.ORGANIZATION, layanan: null },
            )
          }
          style={{ flex: '1 1 16rem' }}
          maw={420}
        />
      ) : null}
    </Group>
  );
}
