'use client';
import { useEffect, useRef, useState } from 'react';
import type { FiledReceipt } from './complaint-submit';
import { formatDay } from './format-time';
import styles from './complaint-public.module.css';

export interface ReceiptTexts {
  title: string;
  codeLabel: string;
  onceWarning: string;
  copy: string;
  copied: string;
  copyFailed: string;
  print: string;
  number: string;
  numberHint: string;
  status: string;
  organization: string;
  verificationDue: string;
  duplicate: string;
  next: string;
  track: string;
}

interface Props {
  receipt: FiledReceipt;
  texts: ReceiptTexts;
  locale: string;
  timeZone: string;
  trackHref: string;
}

/**
 * The one time the tracking code is shown: large, selectable, with "Salin" and "Simpan/cetak"
 * (the browser's print dialog, which can also save a PDF), the warning that it will not be shown
 * again, the public case number and the verification due date.
 */
export function FiledReceiptView({ receipt, texts, locale, timeZone, trackHref }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(receipt.trackingCode);
      setCopy('copied');
    } catch {
      // No clipboard on plain http: the code is selected for the person to copy.
      const code = codeRef.current;
      if (code) window.getSelection()?.selectAllChildren(code);
      setCopy('failed');
    }
  }

  return (
    <section
      className={styles.receipt}
      aria-labelledby="pengaduan-diterima"
      data-testid="tanda-terima"
    >
      <h2 id="pengaduan-diterima" ref={headingRef} tabIndex={-1}>
        {texts.title}
      </h2>
      {receipt.duplicate ? <p className={styles.notice}>{texts.duplicate}</p> : null}
      <div className={styles.codeBox}>
        <p className={styles.codeLabel}>{texts.codeLabel}</p>
        <p className={styles.code} ref={codeRef} data-testid="kode-pelacakan">
          {receipt.trackingCode}
        </p>
        <p className={styles.warning}>{texts.onceWarning}</p>
        <div className={`${styles.row} ${styles.noPrint}`}>
          <button type="button" className={styles.button} onClick={() => void copyCode()}>
            {texts.copy}
          </button>
          <button type="button" className={styles.secondary} onClick={() => window.print()}>
            {texts.print}
          </button>
        </div>
        <p className={`${styles.copied} ${styles.noPrint}`} role="status">
          {copy === 'copied' ? texts.copied : copy === 'failed' ? texts.copyFailed : ''}
        </p>
      </div>
      <dl className={styles.facts}>
        <dt>{texts.number}</dt>
        <dd data-testid="nomor-pengaduan">
          {receipt.number}
          <br />
          <span className={styles.hint}>{texts.numberHint}</span>
        </dd>
        <dt>{texts.status}</dt>
        <dd>{receipt.statusLabel}</dd>
        {receipt.organizationName ? (
          <>
            <dt>{texts.organization}</dt>
            <dd>{receipt.organizationName}</dd>
          </>
        ) : null}
        {receipt.verificationDueDate ? (
          <>
            <dt>{texts.verificationDue}</dt>
            <dd data-testid="batas-verifikasi">
              {formatDay(receipt.verificationDueDate, locale, timeZone)}
            </dd>
          </>
        ) : null}
      </dl>
      <p className={styles.hint}>{texts.next}</p>
      <p className={`${styles.row} ${styles.noPrint}`}>
        <a href={trackHref} className={styles.secondary}>
          {texts.track}
        </a>
      </p>
    </section>
  );
}
