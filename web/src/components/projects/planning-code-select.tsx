'use client';
import { Loader, MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useClient } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { SubKegiatanSearchQuery } from './project-operations';

export interface PlanningCodeOption {
  code: string;
  name: string;
}

interface Props {
  value?: string[];
  onChange: (codes: string[]) => void;
  /** Names of codes already cited (the project's citations), so chosen codes keep their label. */
  known: readonly PlanningCodeOption[];
  error?: ReactNode;
  disabled?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
}

const label = (option: PlanningCodeOption) => `${option.code} — ${option.name}`;

/**
 * Sub-kegiatan of the active Permendagri 90/2019 nomenclature, searched on the server by code or
 * name as the user types; only these may be cited by a project.
 */
export function PlanningCodeSelect({
  value = [],
  onChange,
  known,
  error,
  disabled,
  onFocus,
  onBlur,
}: Props) {
  const t = useTranslations('projects');
  const common = useTranslations('common');
  const client = useClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [found, setFound] = useState<PlanningCodeOption[]>([]);
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(known.map((option) => [option.code, option.name])),
  );
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void client
      .query(
        SubKegiatanSearchQuery,
        { search: debounced || null },
        { requestPolicy: 'cache-first' },
      )
      .toPromise()
      .then((result) => {
        if (!current) return;
        setLoading(false);
        setFailure(errorMessage(result.error));
        setFound(result.data?.planningCodes.map(({ code, name }) => ({ code, name })) ?? []);
      });
    return () => {
      current = false;
    };
  }, [client, debounced]);

  const chosen = value.map((code) => ({ code, name: names[code] ?? '' }));
  const data = [...chosen, ...found.filter((option) => !value.includes(option.code))].map(
    (option) => ({
      value: option.code,
      label: option.name ? label(option) : option.code,
    }),
  );

  return (
    <MultiSelect
      label={t('planningCodes')}
      description={failure ?? t('planningCodesHint')}
      placeholder={value.length ? undefined : t('planningCodesPlaceholder')}
      searchable
      clearable
      hidePickedOptions
      data={data}
      value={value}
      error={error}
      disabled={disabled}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by code and name.
      filter={({ options }) => options}
      nothingFoundMessage={loading ? common('loading') : t('planningCodesNone')}
      rightSection={loading ? <Loader size="xs" aria-label={common('loading')} /> : undefined}
      maxValues={50}
      onChange={(codes) => {
        const fresh = Object.fromEntries(found.map((option) => [option.code, option.name]));
        setNames((current) => ({ ...fresh, ...current }));
        onChange(codes);
      }}
      onFocus={onFocus}
      onBlur={onBlur}
    />
  );
}
