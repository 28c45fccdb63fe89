import {
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
import { useTranslations } from 'next-intl';
import type { ImportRejectionReason } from '@/gql/graphql';

export interface ImportRejectionRow {
  row: number;
  code: string | null;
  reason: ImportRejectionReason;
  message: string;
}

/**
 * The rows an import refused, one line each: the row number in the file (heading = 1), the code
 * as read, why in words, and the service's message. Works in server and client components.
 */
export function PlanningCodeImportReport({
  rejections,
  caption,
}: {
  rejections: readonly ImportRejectionRow[];
  caption: string;
}) {
  const t = useTranslations('planningCodes');
  if (rejections.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('noRejections')}
      </Text>
    );
  }
  const rows = [...rejections].sort((a, b) => a.row - b.row);
  return (
    <TableScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped captionSide="top" data-testid="baris-ditolak">
        <TableCaption>{caption}</TableCaption>
        <TableThead>
          <TableTr>
            <TableTh scope="col">{t('column.row')}</TableTh>
            <TableTh scope="col">{t('column.code')}</TableTh>
            <TableTh scope="col">{t('column.reason')}</TableTh>
            <TableTh scope="col">{t('column.message')}</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {rows.map((rejection, index) => (
            <TableTr key={`${rejection.row}-${index}`} data-reason={rejection.reason}>
              <TableTd>{rejection.row}</TableTd>
              <TableTd>
                <code>{rejection.code ?? '—'}</code>
              </TableTd>
              <TableTd>{t(`reason.${rejection.reason}`)}</TableTd>
              <TableTd>{rejection.message}</TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
}
