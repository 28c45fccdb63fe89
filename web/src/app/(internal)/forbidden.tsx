import { Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Shown with HTTP 403 when a page's menu entry does not allow the user's roles. */
export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('text')}</Text>
      <Link href="/dasbor" style={{ color: 'var(--mantine-color-blue-8)' }}>
        {t('back')}
      </Link>
    </Stack>
  );
}
