'use client';
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMounted } from '@mantine/hooks';
import { useQuery } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { graphql } from '@/gql';
import type { PlanningCodeKind, PlanningCodeLevel } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import type { PlanningCodeVersionRow } from './planning-code-versions';

const PlanningCodeListQuery = graphql(`
  query PlanningCodeList(
    $kind: PlanningCodeKind!
    $versionId: ID
    $parentCode: String
    $search: String
  ) {
    planningCodes(
      kind: $kind
      versionId: $versionId
      parentCode: $parentCode
      search: $search
      first: 100
    ) {
      code
      name
      level
      levelLabel
      parentCode
      childCount
    }
  }
`);

const PlanningCodeTrailQuery = graphql(`
  query PlanningCodeTrail($code: String!, $kind: PlanningCodeKind!, $versionId: ID) {
    planningCode(code: $code, kind: $kind, versionId: $versionId) {
      code
      name
      level
      levelLabel
      childCount
      path {
        code
        name
        levelLabel
      }
    }
  }
`);

/** Filled badges per level (white text, at least 4.5:1), greener as the code gets more specific. */
const LEVEL_COLORS: Record<PlanningCodeLevel, string> = {
  URUSAN: '#364fc7',
  BIDANG_URUSAN: '#1864ab',
  PROGRAM: '#0b7285',
  KEGIATAN: '#087f5b',
  SUB_KEGIATAN: '#1b5e20',
  AKUN: '#364fc7',
  KELOMPOK: '#1864ab',
  JENIS: '#0b7285',
  OBJEK: '#087f5b',
  RINCIAN_OBJEK: '#1b5e20',
  SUB_RINCIAN_OBJEK: '#495057',
};

const PAGE_SIZE = 100;
/** Searching starts from this many characters. */
const MIN_SEARCH = 2;

/**
 * Browser of the reference codes: Permendagri 90/2019 nomenclature (urusan → sub kegiatan) and
 * account codes, per version, drilled down level by level with breadcrumbs, or searched.
 */
export function PlanningCodeBrowser({ versions }: { versions: readonly PlanningCodeVersionRow[] }) {
  const t = useTranslations('planningCodes');
  const common = useTranslations('common');
  const mounted = useMounted();
  const active = versions.find((version) => version.active);
  const [kind, setKind] = useState<PlanningCodeKind>('NOMENCLATURE');
  const [versionId, setVersionId] = useState<string | null>(active?.id ?? versions[0]?.id ?? null);
  const [parentCode, setParentCode] = useState<string | null>(null);
  const [searchText, setSearchText] = useState('');
  const [debounced] = useDebouncedValue(searchText.trim(), 350);
  const search = debounced.length >= MIN_SEARCH ? debounced : null;
  // Fetched in the browser only (the BFF's relative URL is not reachable from the server render),
  // and again on every visit so an import or activation shows at once.
  const context = useMemo(
    () => ({ suspense: false, requestPolicy: 'cache-and-network' as const }),
    [],
  );
  const [list] = useQuery({
    query: PlanningCodeListQuery,
    variables: { kind, versionId, parentCode: search ? null : parentCode, search },
    pause: !mounted,
    context,
  });
  const [trail] = useQuery({
    query: PlanningCodeTrailQuery,
    variables: { code: parentCode ?? '', kind, versionId },
    pause: !mounted || !parentCode || search !== null,
    context,
  });

  const codes = list.data?.planningCodes ?? [];
  const current = parentCode && !search ? trail.data?.planningCode : null;
  const path = current?.path ?? [];
  const crumbs = current && path.at(-1)?.code !== current.code ? [...path, current] : path;

  function open(code: string | null) {
    setParentCode(code);
    setSearchText('');
  }

  const caption = search
    ? t('searchCaption', { query: search, count: codes.length })
    : current
      ? t('childrenCaption', { code: current.code, name: current.name })
      : t('topCaption', { kind: t(`kind.${kind}`) });

  return (
    <Stack gap="sm">
      <Tabs
        value={kind}
        onChange={(value) => {
          setKind(value === 'ACCOUNT' ? 'ACCOUNT' : 'NOMENCLATURE');
          open(null);
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="NOMENCLATURE">{t('tabNomenclature')}</Tabs.Tab>
          <Tabs.Tab value="ACCOUNT">{t('tabAccounts')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('version')}
          data={versions.map((version) => ({
            value: version.id,
            label: version.active ? `${version.name} — ${t('activeVersion')}` : version.name,
          }))}
          value={versionId}
          onChange={(value) => {
            setVersionId(value);
            open(null);
          }}
          allowDeselect={false}
          w={360}
          maw="100%"
        />
        <TextInput
          type="search"
          label={t('search')}
          description={t('searchHint')}
          value={searchText}
          maxLength={100}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          w={320}
          maw="100%"
        />
      </Group>

      {!search ? (
        <nav aria-label={t('breadcrumbs')}>
          <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
            {[
              <Anchor
                key="puncak"
                component="button"
                type="button"
                size="sm"
                onClick={() => open(null)}
                aria-current={parentCode ? undefined : 'page'}
              >
                {t('top')}
              </Anchor>,
              ...crumbs.map((crumb, index) =>
                index === crumbs.length - 1 ? (
                  <Text key={crumb.code} size="sm" fw={600} aria-current="page">
                    {crumb.code} {crumb.name}
                  </Text>
                ) : (
                  <Anchor
                    key={crumb.code}
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => open(crumb.code)}
                  >
                    {crumb.code}
                  </Anchor>
                ),
              ),
            ]}
          </Breadcrumbs>
        </nav>
      ) : null}

      {current ? (
        <Paper withBorder p="sm">
          <Group gap="xs">
            <Badge color={LEVEL_COLORS[current.level]} variant="filled" tt="none">
              {current.levelLabel}
            </Badge>
            <Text fw={700} ff="monospace">
              {current.code}
            </Text>
            <Text>{current.name}</Text>
          </Group>
        </Paper>
      ) : null}

      <ErrorAlert message={errorMessage(list.error) ?? errorMessage(trail.error)} />
      {list.fetching && !list.data ? (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">{common('loading')}</Text>
        </Group>
      ) : codes.length === 0 && list.data ? (
        <Text c="dimmed">{search ? t('noResults') : current ? t('noChildren') : t('empty')}</Text>
      ) : codes.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped captionSide="top" data-testid="daftar-kode">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('column.code')}</Table.Th>
                <Table.Th scope="col">{t('column.name')}</Table.Th>
                <Table.Th scope="col">{t('column.level')}</Table.Th>
                <Table.Th scope="col">{t('column.children')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {codes.map((code) => (
                <Table.Tr key={code.code} data-code={code.code}>
                  <Table.Td>
                    <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {code.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {code.childCount > 0 ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        onClick={() => open(code.code)}
                        aria-label={t('openCode', { code: code.code, name: code.name })}
                      >
                        {code.name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{code.name}</Text>
                    )}
                    {search && code.parentCode ? (
                      <Text size="xs" c="dimmed">
                        {t('under', { code: code.parentCode })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={LEVEL_COLORS[code.level]} variant="filled" tt="none">
                      {code.levelLabel}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{code.childCount > 0 ? code.childCount : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {codes.length >= PAGE_SIZE ? (
        <Text size="sm" c="dimmed">
          {t('truncated', { count: PAGE_SIZE })}
        </Text>
      ) : null}
      {current && !search ? (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => open(crumbs.length > 1 ? (crumbs.at(-2)?.code ?? null) : null)}
          >
            {t('up')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
