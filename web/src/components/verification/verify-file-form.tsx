'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import styles from './verification.module.css';

/** Texts come from the server: the public area ships no translation runtime to the browser. */
interface Props {
  texts: {
    label: string;
    hashing: string;
    failed: string;
  };
}

/**
 * Choose a file → its SHA-256 is computed here, in the browser, and only that hash goes to the
 * server (`/verifikasi?sha256=…`); the file itself never leaves the device. The WebAssembly
 * hasher loads only once a file is chosen, keeping the page light.
 */
export function VerifyFileForm({ texts }: Props) {
  const router = useRouter();
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  async function check(file: File | undefined) {
    if (!file) return;
    setFailed(false);
    setProgress(0);
    try {
      const { sha256OfFile } = await import('@/documents/sha256-file');
      const sha256 = await sha256OfFile(file, (done, total) =>
        setProgress(total ? done / total : 1),
      );
      router.push(`/verifikasi?sha256=${sha256}`, { scroll: false });
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className={styles.field}>
      <label htmlFor={id}>{texts.label}</label>
      <input
        id={id}
        type="file"
        data-testid="berkas-verifikasi"
        onChange={(event) => void check(event.currentTarget.files?.[0])}
      />
      {progress !== null ? (
        <>
          <span aria-live="polite">{texts.hashing}</span>
          <progress
            className={styles.progress}
            value={progress}
            max={1}
            aria-label={texts.hashing}
          />
        </>
      ) : null}
      {failed ? (
        <p role="alert" className={styles.error}>
          {texts.failed}
        </p>
      ) : null}
    </div>
  );
}
