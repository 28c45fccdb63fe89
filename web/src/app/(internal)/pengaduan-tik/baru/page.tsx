import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { NewCaseForm } from '@/components/cases/new-case-form';
import { LINK_STYLE } from '@/documents/links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.ict');
  return { title: t('new') };
}

/** An employee reports an ICT problem on the form of Lampiran 2 of the SOP. */
export default async function NewIctComplaintPage() {
  const user = await requirePage('/pengaduan-tik/baru');
  const t = await getTranslations('cases.ict');
  return (
    <Stack gap="md">
      <div>
        <Link href="/pengaduan-tik" style={LINK_STYLE}>
          ← {t('backToList')}
        </Link>
        <Title order={1} mt="xs">
          {t('new')}
        </Title>
        <Text c="dimmed">{t('newLead')}</Text>
      </div>
      <NewCaseForm kind="ICT_COMPLAINT" requesterName={user.name} />
    </Stack>
  );
}
