'use client';
import type { TrackedView } from './complaint-submit';
import { formatDay, formatInstant } from './format-time';
import { fillTemplate } from '@/components/survey-public/survey-submit';
import styles from './complaint-public.module.css';

export interface TrackedTexts {
  number: string;
  category: string;
  service: string;
  organization: string;
  submittedAt: string;
  dueDate: string;
  /** "Bila tidak ada tanggapan, pengaduan ditutup otomatis pada {date}." */
  autoClose: string;
  descriptionTitle: string;
  answerTitle: string;
  /** "Dijawab {date}" */
  answeredAt: string;
  timelineTitle: string;
  messagesTitle: string;
  fromCitizen: string;
  fromHandler: string;
  ratingTitle: string;
  /** "{rating} dari 5 bintang" */
  ratingValue: string;
}

interface Props {
  complaint: TrackedView;
  texts: TrackedTexts;
  locale: string;
  timeZone: string;
}

const FINISHED = new Set(['CLOSED']);
const STOPPED = new Set(['REJECTED']);

/**
 * A complaint as the citizen sees it through the tracking code: status, the handler's answer, the
 * path it took and the conversation, never a handler's name.
 */
export function TrackedComplaint({ complaint, texts, locale, timeZone }: Props) {
  const instant = (iso: string) => formatInstant(iso, locale, timeZone);
  const badge = FINISHED.has(complaint.status)
    ? `${styles.badge} ${styles.badgeDone}`
    : STOPPED.has(complaint.status)
      ? `${styles.badge} ${styles.badgeStopped}`
      : styles.badge;
  const open = !FINISHED.has(complaint.status) && !STOPPED.has(complaint.status);
  return (
    <>
      <section className={styles.panel} aria-labelledby="judul-pengaduan" data-testid="pengaduan">
        <h2 id="judul-pengaduan">{complaint.title}</h2>
        <p>
          <span className={badge} data-testid="status-pengaduan" data-status={complaint.status}>
            {complaint.statusLabel}
          </span>
        </p>
        <dl className={styles.facts}>
          <dt>{texts.number}</dt>
          <dd>{complaint.number}</dd>
          <dt>{texts.category}</dt>
          <dd>{complaint.categoryName}</dd>
          {complaint.serviceName ? (
            <>
              <dt>{texts.service}</dt>
              <dd>{complaint.serviceName}</dd>
            </>
          ) : null}
          {complaint.organizationName ? (
            <>
              <dt>{texts.organization}</dt>
              <dd>{complaint.organizationName}</dd>
            </>
          ) : null}
          <dt>{texts.submittedAt}</dt>
          <dd>{instant(complaint.submittedAt)}</dd>
          {open && complaint.dueDate ? (
            <>
              <dt>{texts.dueDate}</dt>
              <dd data-testid="batas-waktu">{formatDay(complaint.dueDate, locale, timeZone)}</dd>
            </>
          ) : null}
        </dl>
        {complaint.status === 'ANSWERED' && complaint.autoCloseDate ? (
          <p className={styles.notice}>
            {fillTemplate(texts.autoClose, {
              date: formatDay(complaint.autoCloseDate, locale, timeZone),
            })}
          </p>
        ) : null}
      </section>

      {complaint.answer ? (
        <section
          className={`${styles.panel} ${styles.answer}`}
          aria-labelledby="jawaban"
          data-testid="jawaban"
        >
          <h3 id="jawaban">{texts.answerTitle}</h3>
          {complaint.answeredAt ? (
            <p className={styles.hint}>
              {fillTemplate(texts.answeredAt, { date: instant(complaint.answeredAt) })}
            </p>
          ) : null}
          <p className={styles.prose}>{complaint.answer}</p>
        </section>
      ) : null}

      {complaint.rating ? (
        <section className={styles.panel} aria-labelledby="penilaian-anda">
          <h3 id="penilaian-anda">{texts.ratingTitle}</h3>
          <p className={styles.ratingValue} data-testid="nilai-warga">
            {fillTemplate(texts.ratingValue, { rating: complaint.rating })}{' '}
            <span aria-hidden="true">
              {'★'.repeat(complaint.rating)}
              {'☆'.repeat(Math.max(0, 5 - complaint.rating))}
            </span>
          </p>
          {complaint.ratingComment ? (
            <p className={styles.prose}>{complaint.ratingComment}</p>
          ) : null}
        </section>
      ) : null}

      <section className={styles.panel} aria-labelledby="isi-pengaduan">
        <h3 id="isi-pengaduan">{texts.descriptionTitle}</h3>
        <p className={styles.prose}>{complaint.description}</p>
      </section>

      <section className={styles.panel} aria-labelledby="perjalanan">
        <h3 id="perjalanan">{texts.timelineTitle}</h3>
        <ol className={styles.timeline} data-testid="perjalanan">
          {complaint.timeline.map((step, index) => (
            <li key={`${step.at}-${index}`} className={styles.step}>
              <span className={styles.stepLabel}>{step.label}</span>
              <span className={styles.stepTime}>{instant(step.at)}</span>
              {step.note ? <p className={styles.prose}>{step.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {/* The answer alone is the panel above; the conversation starts with the citizen's reply. */}
      {complaint.messages.some((message) => message.author === 'CITIZEN') ? (
        <section className={styles.panel} aria-labelledby="percakapan">
          <h3 id="percakapan">{texts.messagesTitle}</h3>
          <ol className={styles.messages}>
            {complaint.messages.map((message, index) => {
              const fromHandler = message.author === 'HANDLER';
              return (
                <li
                  key={`${message.at}-${index}`}
                  className={`${styles.message} ${fromHandler ? styles.messageFromHandler : ''}`}
                >
                  <span className={styles.messageMeta}>
                    {fromHandler ? texts.fromHandler : texts.fromCitizen} · {instant(message.at)}
                  </span>
                  <p className={styles.prose}>{message.text}</p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}
