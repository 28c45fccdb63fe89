import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/i18n/set-locale.action';
import { LOCALES } from '@/i18n/locales';
import styles from './language-switch.module.css';

/** Language choice as a plain form: works without client JavaScript. */
export async function LanguageSwitch() {
  const current = await getLocale();
  const t = await getTranslations();
  return (
    <form action={setLocale} className={styles.switch} aria-label={t('common.language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className={styles.option}
          aria-pressed={locale === current}
          title={t(`locale.${locale}`)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </form>
  );
}
