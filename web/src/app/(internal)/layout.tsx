import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { readSession } from '@/auth/session';
import { AppFrame } from '@/components/layout/app-frame';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { Providers } from '@/components/layout/providers';
import { menuFor } from '@/navigation/menu';

/** Internal area: Mantine, urql and the session live only here, keeping public pages light. */
export default async function InternalLayout({ children }: { children: ReactNode }) {
  const user = await readSession();
  // The proxy already sent signed-out visitors to sign in; this guards direct renders.
  if (!user) redirect('/masuk');
  const t = await getTranslations('menu');
  const items = menuFor(user.roles).map((item) => ({ href: item.href, label: t(item.key) }));
  return (
    <NextIntlClientProvider>
      <Providers>
        <AppFrame
          user={{ name: user.name, organization: user.organization }}
          items={items}
          languageSwitch={<LanguageSwitch />}
        >
          {children}
        </AppFrame>
      </Providers>
    </NextIntlClientProvider>
  );
}
