import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { NewCaseForm } from '@/components/cases/new-case-form';
import { LINK_STYLE } from '@/documents/links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.consultations');
  return { title: t('new') };
}

/** A unit (unit-kerja) submits a consultation: topic, detail and files. */
export default async function NewConsultationPage() {
  const user = await requirePage('/konsultasi/baru');
  // Only a unit submits; the others reach consultations through their queues.
  if (!user.roles.includes('unit-kerja')) forbidden();
  const t = await getTranslations('cases.consultations');
  return (
    <Stack gap="md">
      <div>
        <Link href="/konsultasi" style={LINK_STYLE}>
          ← {t('backToList')}
        </Link>
        <Title order={1} mt="xs">
          {t('new')}
        </Title>
        <Text c="dimmed">{t('newLead')}</Text>
      </div>
      <NewCaseForm kind="CONSULTATION" />
    </Stack>
  );
}
