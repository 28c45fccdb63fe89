'use client';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatRupiah } from '@/components/projects/format';
import { formatPercent } from '@/components/projects/project-stage';
import { shareOf } from '@/components/projects/portfolio-data';
import { portalPath } from '@/components/notifications/live-notification';
import { StatCard } from '@/components/stat-card';
import { LINK_STYLE } from '@/documents/links';
import { formatCount, type Dashboard } from './dashboard-view';

/** The loan portfolio in four figures, the projects per stage and those behind plan (linked). */
export function PortfolioSummary({ portfolio }: { portfolio: Dashboard['portfolio'] }) {
  const t = useTranslations('leaderDashboard.portfolio');
  const stages = portfolio.byStage.filter((stage) => stage.count > 0);
  return (
    <section aria-labelledby="dasbor-portofolio" data-testid="dasbor-portofolio">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h3" id="dasbor-portofolio">
          {t('title')}
        </Title>
        <Anchor component={Link} href="/proyek/portofolio" size="sm" c="blue.8">
          {t('openPortfolio')}
        </Anchor>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" m={0}>
        <StatCard label={t('projects')}>{formatCount(portfolio.projects)}</StatCard>
        <StatCard label={t('totalAmount')}>{formatRupiah(portfolio.totalAmount)}</StatCard>
        <StatCard
          label={t('disbursed')}
          hint={t('disbursedShare', {
            share: formatPercent(shareOf(portfolio.disbursedAmount, portfolio.totalAmount)),
          })}
        >
          {formatRupiah(portfolio.disbursedAmount)}
        </StatCard>
        <StatCard
          label={t('behindPlan')}
          hint={
            portfolio.behindPlan > 0 ? (
              <a href="#dasbor-proyek-terlambat" style={LINK_STYLE}>
                {t('behindPlanLink')}
              </a>
            ) : undefined
          }
        >
          <span style={portfolio.behindPlan > 0 ? { color: '#c92a2a' } : undefined}>
            {formatCount(portfolio.behindPlan)}
          </span>
        </StatCard>
      </SimpleGrid>
      {stages.length > 0 ? (
        <Group gap="xs" mt="sm" aria-label={t('byStage')} role="list">
          {stages.map((stage) => (
            <Badge key={stage.key} variant="light" color="gray" tt="none" role="listitem">
              {stage.label}: {formatCount(stage.count)}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Stack gap={4} mt="md">
        <Title order={3} size="h5" id="dasbor-proyek-terlambat">
          {t('behindTitle')}
        </Title>
        {portfolio.behindPlanProjects.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noneBehind')}
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {portfolio.behindPlanProjects.map((project) => {
              const href = portalPath(project.href);
              return (
                <li key={project.id}>
                  <Text size="sm" span>
                    {href ? (
                      <Link href={href} style={{ ...LINK_STYLE, fontWeight: 600 }}>
                        {project.title}
                      </Link>
                    ) : (
                      <strong>{project.title}</strong>
                    )}{' '}
                    <Text span size="xs" c="dimmed">
                      ({project.reference}) — {project.detail}
                    </Text>
                  </Text>
                </li>
              );
            })}
          </ul>
        )}
      </Stack>
    </section>
  );
}
