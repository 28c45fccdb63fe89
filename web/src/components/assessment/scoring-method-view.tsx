import {
  List,
  ListItem,
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
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ScoringMethodFieldsFragment } from '@/gql/graphql';

/**
 * The scoring method in force, open to read: its components with weight, formula in words and
 * parameters, and the predicate thresholds from the highest down.
 */
export async function ScoringMethodView({ method }: { method: ScoringMethodFieldsFragment }) {
  const t = await getTranslations('assessment.method');
  const format = await getFormatter();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="metode-berlaku">
        <Title order={2} size="h3" id="metode-berlaku" mb={4}>
          {t('currentTitle', { name: method.name, version: method.version })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('published', {
            at: format.dateTime(new Date(method.publishedAt), {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
            by: method.publishedBy ?? t('system'),
          })}
        </Text>
        <Text mb="md" style={{ whiteSpace: 'pre-line' }}>
          {method.description}
        </Text>
        <TableScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="komponen-metode">
            <TableCaption>{t('componentsCaption')}</TableCaption>
            <TableThead>
              <TableTr>
                <TableTh scope="col">{t('component')}</TableTh>
                <TableTh scope="col">{t('weight')}</TableTh>
                <TableTh scope="col">{t('formula')}</TableTh>
                <TableTh scope="col">{t('parameters')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {method.components.map((component) => (
                <TableTr key={component.key} data-component={component.key}>
                  <TableTh scope="row" fw={600}>
                    {component.label}
                  </TableTh>
                  <TableTd data-testid="bobot">{number(component.weight)}</TableTd>
                  <TableTd>{component.formula}</TableTd>
                  <TableTd>
                    {component.parameters.length ? (
                      <List size="sm" spacing={2}>
                        {component.parameters.map((parameter) => (
                          <ListItem key={parameter.key}>
                            {parameter.label}: <strong>{number(parameter.value)}</strong>
                          </ListItem>
                        ))}
                      </List>
                    ) : (
                      '—'
                    )}
                  </TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="ambang-predikat">
        <Title order={2} size="h3" id="ambang-predikat" mb="sm">
          {t('gradesTitle')}
        </Title>
        <Table verticalSpacing="xs" data-testid="ambang-predikat" maw={520}>
          <TableCaption>{t('gradesCaption')}</TableCaption>
          <TableThead>
            <TableTr>
              <TableTh scope="col">{t('grade')}</TableTh>
              <TableTh scope="col">{t('gradeLabel')}</TableTh>
              <TableTh scope="col">{t('minScore')}</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {method.grades.map((grade) => (
              <TableTr key={grade.grade}>
                <TableTh scope="row">{grade.grade}</TableTh>
                <TableTd>{grade.label}</TableTd>
                <TableTd>≥ {number(grade.minScore)}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
        <Text size="sm" mt="sm" data-testid="cakupan-minimum">
          {t('minimumCoverageRule', { coverage: number(method.minimumCoverage) })}
        </Text>
      </Paper>
    </Stack>
  );
}
