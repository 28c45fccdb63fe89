import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { ProjectForm } from '@/components/projects/project-form';
import { projectFormOrganizations } from '@/components/projects/project-form-options';
import { APPROVED_STAGES, projectHref } from '@/components/projects/project-stage';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const EditLoanProjectQuery = graphql(`
  query EditLoanProject($id: ID!) {
    loanProject(id: $id) {
      id
      code
      name
      fiscalYear
      stage
      description
      borrowingReason
      organizationCode
      organizationName
      lenderOrganizationCode
      lenderName
      amount
      tenorMonths
      consultant {
        name
        contractNumber
        supervisor
        contact
      }
      planningCodes {
        code
        name
      }
      viewerCanEdit
      viewerCanEditTechnical
    }
  }
`);

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects.form');
  return { title: t('editTitle') };
}

/** Changes a project: BPKAD everything (amount and lender locked once approved), pelaksana technical data. */
export default async function EditProjectPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(`${projectHref(id)}/ubah`);
  const t = await getTranslations('projects');
  const [{ data, error }, options] = await Promise.all([
    runQuery(getClient(), EditLoanProjectQuery, { id }),
    projectFormOrganizations(),
  ]);
  const project = data?.loanProject;
  if (!project) {
    if (!error) notFound();
    return <ErrorAlert message={error} />;
  }
  if (!project.viewerCanEdit && !project.viewerCanEditTechnical) forbidden();
  // The project's own organizations stay choosable even when the lists miss them.
  const withOwn = (list: { code: string; name: string }[], code: string, name: string) =>
    list.some((org) => org.code === code) ? list : [{ code, name }, ...list];
  return (
    <Stack gap="md">
      <div>
        <Link href={projectHref(project.id)} style={LINK_STYLE}>
          ← {project.code} · {project.name}
        </Link>
        <Title order={1} mt={4}>
          {t('form.editTitle')}
        </Title>
        <Text c="dimmed">
          {project.viewerCanEdit ? t('form.editLead') : t('form.technicalLead')}
        </Text>
      </div>
      <ErrorAlert message={options.error} />
      <ProjectForm
        mode="edit"
        projectId={project.id}
        canEditAll={project.viewerCanEdit}
        approvalLocked={APPROVED_STAGES.includes(project.stage)}
        organizations={withOwn(
          options.organizations,
          project.organizationCode,
          project.organizationName,
        )}
        lenders={withOwn(options.lenders, project.lenderOrganizationCode, project.lenderName)}
        knownPlanningCodes={project.planningCodes}
        initialValues={{
          fiscalYear: project.fiscalYear,
          name: project.name,
          description: project.description,
          borrowingReason: project.borrowingReason,
          organizationCode: project.organizationCode,
          lenderOrganizationCode: project.lenderOrganizationCode,
          amount: project.amount,
          tenorMonths: project.tenorMonths,
          consultant: {
            name: project.consultant?.name ?? '',
            contractNumber: project.consultant?.contractNumber ?? '',
            supervisor: project.consultant?.supervisor ?? '',
            contact: project.consultant?.contact ?? '',
          },
          planningCodes: project.planningCodes.map((citation) => citation.code),
          locations: [],
        }}
      />
    </Stack>
  );
}
