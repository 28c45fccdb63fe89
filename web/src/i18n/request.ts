import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { environment } from '@/config/environment';
import type messages from '../messages/id.json';
import { LOCALE_COOKIE, toLocale } from './locales';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const loaded = (await import(`../messages/${locale}.json`)) as { default: typeof messages };
  return { locale, messages: loaded.default, timeZone: environment().TIME_ZONE };
});
