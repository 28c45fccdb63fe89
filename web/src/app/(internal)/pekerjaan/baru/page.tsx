import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { NewCaseForm } from '@/components/cases/new-case-form';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LINK_STYLE } from '@/documents/links';
import { staffOptions } from '@/components/cases/case-flow';
import { graphql } from '@/gql';

const WorkItemStaffQuery = graphql(`
  query CasesWorkItemStaff {
    assignableStaff(flow: WORK_ITEM) {
      id
      name
      username
      organizationCode
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.workItems');
  return { title: t('new') };
}

/** The assigner (pemberi-tugas) gives an officer of the organization a work item. */
export default async function NewWorkItemPage() {
  const user = await requirePage('/pekerjaan/baru');
  if (!user.roles.includes('pemberi-tugas')) forbidden();
  const t = await getTranslations('cases.workItems');
  const { data, error } = await loadCaseData(WorkItemStaffQuery, {});
  const staff = staffOptions(data?.assignableStaff ?? []);
  return (
    <Stack gap="md">
      <div>
        <Link href="/pekerjaan" style={LINK_STYLE}>
          ← {t('backToList')}
        </Link>
        <Title order={1} mt="xs">
          {t('new')}
        </Title>
        <Text c="dimmed">{t('newLead')}</Text>
      </div>
      <ErrorAlert message={error} />
      <NewCaseForm kind="WORK_ITEM" staff={staff} />
    </Stack>
  );
}
