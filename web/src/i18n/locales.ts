export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';
/** Cookie holding the chosen language (no locale prefix in URLs). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function toLocale(value: string | undefined | null): Locale {
  return LOCALES.find((locale) => locale === value) ?? DEFAULT_LOCALE;
}
