import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: `SIPADU — ${t('appFullName')}`, template: '%s · SIPADU' },
    description: t('footer'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1864ab' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    // Light scheme fixed on the server so Mantine's variables apply before any script runs.
    <html lang={locale} data-mantine-color-scheme="light">
      <body>
        <a className="skip-link" href="#konten">
          {t('skipToContent')}
        </a>
        {children}
      </body>
    </html>
  );
}
