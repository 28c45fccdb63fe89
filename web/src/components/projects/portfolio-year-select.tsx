'use client';
import { Loader, NativeSelect } from '@mantine/core';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';

/** The fiscal year of the portfolio, kept in the URL (`?tahun=`); empty means every year. */
export function PortfolioYearSelect({
  years,
  value,
}: {
  years: readonly number[];
  value: number | null;
}) {
  const t = useTranslations('portfolio');
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <NativeSelect
      label={t('fiscalYear')}
      value={value === null ? '' : String(value)}
      data={[
        { value: '', label: t('allYears') },
        ...years.map((year) => ({ value: String(year), label: String(year) })),
      ]}
      onChange={(event) => {
        const year = event.currentTarget.value;
        startTransition(() => router.replace(year ? `${pathname}?tahun=${year}` : pathname));
      }}
      rightSection={pending ? <Loader size="xs" /> : undefined}
      w={200}
    />
  );
}
