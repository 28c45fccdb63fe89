import { getTranslations } from 'next-intl/server';
import surveyStyles from '@/components/survey-public/survey-public.module.css';
import { dataDownloadHref, withPeriod } from './data-links';
import styles from './open-data.module.css';

/** A data set's CSV and JSON downloads, through the portal (the session's token goes along). */
export async function DownloadLinks({
  title,
  downloads,
  period,
}: {
  title: string;
  downloads: readonly { format: string; mediaType: string; url: string }[];
  /** A period key chosen on the page; the service's default period otherwise. */
  period?: string;
}) {
  const t = await getTranslations('openData');
  const links = downloads.flatMap((download) => {
    const href = dataDownloadHref(download.url);
    if (!href) return [];
    return [{ ...download, href: period ? withPeriod(href, period) : href }];
  });
  if (links.length === 0) return null;
  return (
    <p className={styles.downloads}>
      {links.map((link) => (
        <a
          key={link.format}
          href={link.href}
          type={link.mediaType}
          download
          className={`${surveyStyles.button} ${surveyStyles.secondaryButton}`}
          aria-label={t('downloadLabel', { format: link.format.toUpperCase(), title })}
          data-format={link.format.toLowerCase()}
        >
          {t('download', { format: link.format.toUpperCase() })}
        </a>
      ))}
    </p>
  );
}
