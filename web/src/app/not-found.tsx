import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main id="konten" style={{ maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/">{t('home')}</Link>
    </main>
  );
}
