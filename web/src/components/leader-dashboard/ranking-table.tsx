'use client';
import {
  Badge,
  Table,
  TableCaption,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LINK_STYLE } from '@/documents/links';
import { assessmentHref, formatScore, gradeColor, ikmOf, type Dashboard } from './dashboard-view';

/** Organizations by performance score, with their IKM and a link to the assessment's details. */
export function RankingTable({ dashboard }: { dashboard: Dashboard }) {
  const t = useTranslations('leaderDashboard.ranking');
  const { ranking, map, period } = dashboard;
  return (
    <section aria-labelledby="dasbor-peringkat">
      <Title order={2} size="h3" id="dasbor-peringkat" mb="sm">
        {t('title')}
      </Title>
      {ranking.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <TableScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" captionSide="top" data-testid="peringkat-organisasi">
            <TableCaption>{t('caption', { period: period.label })}</TableCaption>
            <TableThead>
              <TableTr>
                <TableTh scope="col">{t('rank')}</TableTh>
                <TableTh scope="col">{t('organization')}</TableTh>
                <TableTh scope="col">{t('score')}</TableTh>
                <TableTh scope="col">{t('grade')}</TableTh>
                <TableTh scope="col">{t('ikm')}</TableTh>
                <TableTh scope="col">{t('detail')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {ranking.map((entry) => {
                const ikm = ikmOf(entry, map);
                return (
                  <TableTr key={entry.organizationCode} data-organization={entry.organizationCode}>
                    <TableTd>{entry.rank ?? '—'}</TableTd>
                    <TableTh scope="row" fw={500}>
                      {entry.organizationName}
                      <Text size="xs" c="dimmed">
                        {entry.organizationCode}
                      </Text>
                    </TableTh>
                    <TableTd>{formatScore(entry.score)}</TableTd>
                    <TableTd>
                      {entry.grade ? (
                        <Badge color={gradeColor(entry.grade)} variant="filled" tt="none">
                          {entry.gradeLabel ? `${entry.grade} — ${entry.gradeLabel}` : entry.grade}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </TableTd>
                    <TableTd>
                      {formatScore(ikm.ikm)}
                      {ikm.grade ? ` (${ikm.grade})` : ''}
                    </TableTd>
                    <TableTd>
                      <Link
                        href={assessmentHref(entry.organizationCode, period.key)}
                        style={LINK_STYLE}
                        aria-label={t('detailOf', { organization: entry.organizationName })}
                      >
                        {t('detail')}
                      </Link>
                    </TableTd>
                  </TableTr>
                );
              })}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      )}
    </section>
  );
}
