'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { PeriodChoiceSelect } from '@/components/survey-admin/period-choice-select';
import {
  changeGranularity,
  periodKey,
  type PeriodChoice,
} from '@/components/survey-admin/survey-period';

/** The dashboard's period, kept in the URL as one insights key (`?periode=2026-S2`). */
export function PeriodKeySelect({
  value,
  years,
}: {
  value: PeriodChoice;
  years: readonly number[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <PeriodChoiceSelect
      value={value}
      years={years}
      pending={pending}
      onChange={(choice) =>
        startTransition(() => router.replace(`${pathname}?periode=${periodKey(choice)}`))
      }
      onGranularity={(granularity) => changeGranularity(value, granularity)}
    />
  );
}
