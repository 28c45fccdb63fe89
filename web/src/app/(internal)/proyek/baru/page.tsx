import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { ProjectForm } from '@/components/projects/project-form';
import { emptyProjectForm } from '@/components/projects/project-form.schema';
import { projectFormOrganizations } from '@/components/projects/project-form-options';
import { mayManageProjects } from '@/components/projects/project-roles';
import { LINK_STYLE } from '@/documents/links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects.form');
  return { title: t('newTitle') };
}

/** The fiscal year in the Pemda's time zone (Asia/Jakarta, UTC+7). */
function currentFiscalYear(): number {
  return new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
}

/** BPKAD proposes a new loan-financed project (stage DRAFT). */
export default async function NewProjectPage() {
  const user = await requirePage('/proyek/baru');
  if (!mayManageProjects(user.roles)) forbidden();
  const t = await getTranslations('projects');
  const { organizations, lenders, error } = await projectFormOrganizations();
  return (
    <Stack gap="md">
      <div>
        <Link href="/proyek" style={LINK_STYLE}>
          ← {t('back')}
        </Link>
        <Title order={1} mt={4}>
          {t('form.newTitle')}
        </Title>
        <Text c="dimmed">{t('form.newLead')}</Text>
      </div>
      <ErrorAlert message={error} />
      <ProjectForm
        mode="create"
        initialValues={emptyProjectForm(currentFiscalYear())}
        organizations={organizations}
        lenders={lenders}
        knownPlanningCodes={[]}
      />
    </Stack>
  );
}
