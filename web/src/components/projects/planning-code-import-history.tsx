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
} from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import type { PlanningCodeKind } from '@/gql/graphql';
import { PlanningCodeImportReport, type ImportRejectionRow } from './planning-code-import-report';

export interface ImportHistoryEntry {
  id: string;
  versionId: string;
  kind: PlanningCodeKind;
  filename: string;
  dryRun: boolean;
  totalRows: number;
  accepted: number;
  rejected: number;
  rejections: readonly ImportRejectionRow[];
  importedBy: { name: string | null; organizationCode: string | null };
  importedAt: string;
}

/** Earlier imports and checks, newest first, each with its refused rows on demand. */
export function PlanningCodeImportHistory({ imports }: { imports: readonly ImportHistoryEntry[] }) {
  const t = useTranslations('planningCodes');
  const format = useFormatter();
  if (imports.length === 0) return <Text c="dimmed">{t('noImports')}</Text>;
  return (
    <TableScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" captionSide="top">
        <TableCaption>{t('historyCaption')}</TableCaption>
        <TableThead>
          <TableTr>
            <TableTh scope="col">{t('column.importedAt')}</TableTh>
            <TableTh scope="col">{t('column.file')}</TableTh>
            <TableTh scope="col">{t('column.version')}</TableTh>
            <TableTh scope="col">{t('column.kind')}</TableTh>
            <TableTh scope="col">{t('column.result')}</TableTh>
            <TableTh scope="col">{t('column.importedBy')}</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {imports.map((entry) => (
            <TableTr key={entry.id} data-import-id={entry.id}>
              <TableTd>
                {format.dateTime(new Date(entry.importedAt), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </TableTd>
              <TableTd>
                <Text size="sm" fw={600}>
                  {entry.filename}
                </Text>
                <Badge
                  variant={entry.dryRun ? 'outline' : 'filled'}
                  color={entry.dryRun ? 'gray.7' : '#1864ab'}
                  tt="none"
                  size="sm"
                >
                  {entry.dryRun ? t('dryRunBadge') : t('importBadge')}
                </Badge>
              </TableTd>
              <TableTd>
                <code>{entry.versionId}</code>
              </TableTd>
              <TableTd>{t(`kind.${entry.kind}`)}</TableTd>
              <TableTd>
                <Text size="sm">
                  {t('totals', {
                    total: entry.totalRows,
                    accepted: entry.accepted,
                    rejected: entry.rejected,
                  })}
                </Text>
                {entry.rejections.length > 0 ? (
                  <details>
                    <summary>
                      <Text span size="sm">
                        {t('showRejections', { count: entry.rejections.length })}
                      </Text>
                    </summary>
                    <PlanningCodeImportReport
                      rejections={entry.rejections}
                      caption={t('rejectionsCaption', { file: entry.filename })}
                    />
                  </details>
                ) : null}
              </TableTd>
              <TableTd>
                {entry.importedBy.name ?? '—'}
                {entry.importedBy.organizationCode ? ` (${entry.importedBy.organizationCode})` : ''}
              </TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
}
