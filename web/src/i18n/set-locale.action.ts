'use server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './locales';

/** Stores the chosen language; the page re-renders in it. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
  });
}
