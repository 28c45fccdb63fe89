import {
  Badge,
  Group,
  Paper,
  Stack,
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
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { HolidayImport } from '@/components/cases/holiday-import';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { dateOnly } from '@/components/survey-admin/survey-dates';
import { environment } from '@/config/environment';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { single, type SearchParams } from '@/navigation/search-params';

const WorkingCalendarQuery = graphql(`
  query CasesWorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
      year
      timeZone
      workingDays
      source
      holidays {
        date
        name
        kind
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.calendar');
  return { title: t('title') };
}

/**
 * The Pemda's working-day calendar of a year (`?tahun=`): national holidays and cuti bersama,
 * the working days they leave; every service time counts in these days. super-admin imports a
 * year's list as CSV.
 */
export default async function WorkingCalendarPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/kalender-kerja');
  const t = await getTranslations('cases.calendar');
  const format = await getFormatter();
  const thisYear = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: environment().TIME_ZONE, year: 'numeric' }).format(
      new Date(),
    ),
  );
  const param = Number(single((await searchParams).tahun));
  const year = Number.isInteger(param) && param >= 2000 && param <= 2100 ? param : thisYear;
  const { data, error } = await loadCaseData(WorkingCalendarQuery, { year });
  const calendar = data?.workingCalendar;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <Group gap="md" role="navigation" aria-label={t('years')}>
        <Link href={`/kalender-kerja?tahun=${year - 1}`} style={LINK_STYLE}>
          ← {year - 1}
        </Link>
        <Text fw={700} aria-current="page">
          {year}
        </Text>
        <Link href={`/kalender-kerja?tahun=${year + 1}`} style={LINK_STYLE}>
          {year + 1} →
        </Link>
      </Group>
      <ErrorAlert message={error} />
      {calendar ? (
        <Paper withBorder p="md" component="section" aria-labelledby="daftar-libur">
          <Title order={2} size="h3" id="daftar-libur" mb={4}>
            {t('holidaysTitle', { year: calendar.year })}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" data-testid="hari-kerja">
            {t('summary', {
              workingDays: calendar.workingDays,
              holidays: calendar.holidays.length,
              timeZone: calendar.timeZone,
            })}{' '}
            {t('source', { source: calendar.source })}
          </Text>
          {calendar.holidays.length === 0 ? (
            <Text c="dimmed">{t('noHolidays')}</Text>
          ) : (
            <TableScrollContainer minWidth={560}>
              <Table striped verticalSpacing="xs" data-testid="tabel-libur">
                <TableCaption>{t('holidaysTitle', { year: calendar.year })}</TableCaption>
                <TableThead>
                  <TableTr>
                    <TableTh scope="col">{t('date')}</TableTh>
                    <TableTh scope="col">{t('name')}</TableTh>
                    <TableTh scope="col">{t('kind')}</TableTh>
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {calendar.holidays.map((holiday) => (
                    <TableTr key={`${holiday.date}-${holiday.name}`} data-date={holiday.date}>
                      <TableTd style={{ whiteSpace: 'nowrap' }}>
                        {format.dateTime(dateOnly(holiday.date), {
                          weekday: 'long',
                          day: 'numeric',
                          month: 'long',
                          year: 'numeric',
                        })}
                      </TableTd>
                      <TableTd>{holiday.name}</TableTd>
                      <TableTd>
                        <Badge
                          variant="filled"
                          tt="none"
                          size="sm"
                          color={holiday.kind === 'cuti-bersama' ? '#a33a00' : '#c92a2a'}
                        >
                          {holiday.kind === 'cuti-bersama'
                            ? t('kindLeave')
                            : holiday.kind === 'libur-nasional'
                              ? t('kindNational')
                              : holiday.kind}
                        </Badge>
                      </TableTd>
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            </TableScrollContainer>
          )}
        </Paper>
      ) : null}
      {user.roles.includes('super-admin') ? (
        <Paper withBorder p="md" component="section" aria-labelledby="impor-libur">
          <Title order={2} size="h3" id="impor-libur" mb="sm">
            {t('importTitle', { year })}
          </Title>
          <HolidayImport year={year} />
        </Paper>
      ) : null}
    </Stack>
  );
}
