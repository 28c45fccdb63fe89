'use client';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { DetailedError, Upload } from 'tus-js-client';
import { BFF_FILES_PATH } from '@/documents/file-proxy';
import { formatBytes } from '@/documents/format-bytes';
import { acceptOf, precheckFile, type UploadPurposeLimits } from '@/documents/upload-precheck';
import { uploadRefusalMessage } from '@/documents/upload-refusal';
import { fillTemplate } from '@/components/survey-public/survey-submit';
import styles from './complaint-public.module.css';

export interface EvidenceTexts {
  label: string;
  /** "Foto (JPG, PNG …) atau PDF, paling besar {size} per berkas, paling banyak {max} berkas." */
  hint: string;
  unavailable: string;
  /** "Menyiapkan berkas… {percent}%" */
  hashing: string;
  /** "Mengunggah {percent}% ({sent} dari {total})" */
  uploading: string;
  done: string;
  remove: string;
  /** "Hapus {name}" (the remove button's accessible name) */
  removeNamed: string;
  retry: string;
  /** "Paling banyak {max} berkas." */
  tooMany: string;
  progressLabel: string;
}

export type EvidenceState =
  | { kind: 'preparing'; done: number; total: number }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'done'; fileId: string }
  /** `retryable`: the transfer failed (not the file itself). */
  | { kind: 'failed'; message: string; retryable: boolean };

export interface EvidenceItem {
  key: number;
  name: string;
  size: number;
  state: EvidenceState;
}

interface Props {
  /** The `bukti-pengaduan` purpose's limits; null when the file service did not answer. */
  purpose: UploadPurposeLimits | null;
  maxFiles: number;
  texts: EvidenceTexts;
  locale: string;
  onChange: (items: readonly EvidenceItem[]) => void;
}

/** Short retries only: a complaint is sent without evidence rather than waiting for a dead link. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000];
const CHUNK_BYTES = 4 * 1024 * 1024;

function statusOf(error: Error): number {
  return (error as DetailedError).originalResponse?.getStatus() ?? 0;
}

const percent = (part: number, total: number) => Math.floor(total > 0 ? (part / total) * 100 : 100);

/**
 * Photos and PDFs as evidence, uploaded without an account over tus to the file BFF, each with
 * its own progress. Optional by design: a refused or failed file is shown with its reason and can
 * be retried or removed, and the complaint goes without it. Nothing is remembered in the browser
 * (no resume fingerprints): a phone may be shared.
 */
export function EvidenceUpload({ purpose, maxFiles, texts, locale, onChange }: Props) {
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const files = useRef(new Map<number, File>());
  const uploads = useRef(new Map<number, Upload>());
  const nextKey = useRef(1);

  useEffect(() => onChange(items), [items, onChange]);

  // Leaving the page stops the transfers.
  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const upload of running.values()) void upload.abort();
    };
  }, []);

  if (!purpose) {
    return <p className={styles.hint}>{texts.unavailable}</p>;
  }
  const limits = purpose;

  function update(key: number, state: EvidenceState) {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, state } : item)));
  }

  async function send(key: number, file: File) {
    const problem = precheckFile(file, limits);
    if (problem) {
      update(key, { kind: 'failed', message: problem, retryable: false });
      return;
    }
    update(key, { kind: 'preparing', done: 0, total: file.size });
    let sha256: string;
    try {
      const { sha256OfFile } = await import('@/documents/sha256-file');
      sha256 = await sha256OfFile(file, (done, total) =>
        update(key, { kind: 'preparing', done, total }),
      );
    } catch (error) {
      update(key, { kind: 'failed', message: (error as Error).message, retryable: true });
      return;
    }
    const { Upload } = await import('tus-js-client');
    if (!files.current.has(key)) return; // removed meanwhile
    const upload = new Upload(file, {
      endpoint: BFF_FILES_PATH,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: { filename: file.name, filetype: file.type, purpose: limits.name, sha256 },
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => update(key, { kind: 'uploading', sent, total }),
      onSuccess: ({ lastResponse }) => {
        const fileId = lastResponse.getHeader('Sipadu-File-Id');
        update(
          key,
          fileId
            ? { kind: 'done', fileId }
            : { kind: 'failed', message: uploadRefusalMessage(500, ''), retryable: true },
        );
      },
      onError: (error) => {
        const status = statusOf(error);
        const body = (error as DetailedError).originalResponse?.getBody() ?? '';
        update(key, {
          kind: 'failed',
          message: uploadRefusalMessage(status, body),
          // The server's refusals (type, size) stay refused; a lost connection may come back.
          retryable: status === 0 || status >= 500 || [408, 423, 429].includes(status),
        });
      },
    });
    uploads.current.set(key, upload);
    update(key, { kind: 'uploading', sent: 0, total: file.size });
    upload.start();
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.currentTarget.files ?? []);
    // The same file can be chosen again after removing it.
    event.currentTarget.value = '';
    const room = maxFiles - items.length;
    setNotice(chosen.length > room ? fillTemplate(texts.tooMany, { max: maxFiles }) : null);
    const added = chosen.slice(0, Math.max(room, 0)).map((file) => {
      const key = nextKey.current++;
      files.current.set(key, file);
      return {
        key,
        name: file.name,
        size: file.size,
        state: { kind: 'preparing', done: 0, total: file.size } as EvidenceState,
      };
    });
    setItems((current) => [...current, ...added]);
    for (const item of added) void send(item.key, files.current.get(item.key) as File);
  }

  function remove(key: number) {
    void uploads.current.get(key)?.abort(true);
    uploads.current.delete(key);
    files.current.delete(key);
    setItems((current) => current.filter((item) => item.key !== key));
    setNotice(null);
  }

  function retry(key: number) {
    const file = files.current.get(key);
    if (file) void send(key, file);
  }

  const size = formatBytes(limits.maxBytes, locale);
  return (
    <div className={styles.field}>
      <label htmlFor="bukti">{texts.label}</label>
      <input
        id="bukti"
        type="file"
        multiple
        accept={acceptOf(limits)}
        onChange={choose}
        disabled={items.length >= maxFiles}
        aria-describedby="bukti-petunjuk"
      />
      <p id="bukti-petunjuk" className={styles.hint}>
        {fillTemplate(texts.hint, { size, max: maxFiles })}
      </p>
      {notice ? (
        <p role="alert" className={styles.fieldError}>
          {notice}
        </p>
      ) : null}
      {items.length ? (
        <ul className={styles.files} data-testid="daftar-bukti">
          {items.map((item) => (
            <EvidenceRow
              key={item.key}
              item={item}
              texts={texts}
              locale={locale}
              onRemove={() => remove(item.key)}
              onRetry={() => retry(item.key)}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function EvidenceRow({
  item,
  texts,
  locale,
  onRemove,
  onRetry,
}: {
  item: EvidenceItem;
  texts: EvidenceTexts;
  locale: string;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const { state } = item;
  let line: string;
  if (state.kind === 'preparing') {
    line = fillTemplate(texts.hashing, { percent: percent(state.done, state.total) });
  } else if (state.kind === 'uploading') {
    line = fillTemplate(texts.uploading, {
      percent: percent(state.sent, state.total),
      sent: formatBytes(state.sent, locale),
      total: formatBytes(state.total, locale),
    });
  } else if (state.kind === 'done') {
    line = texts.done;
  } else {
    line = state.message;
  }
  const stateClass =
    state.kind === 'done' ? styles.fileDone : state.kind === 'failed' ? styles.fileFailed : '';
  return (
    <li className={styles.file} data-state={state.kind}>
      <span className={styles.fileName}>
        {item.name} <span className={styles.optional}>({formatBytes(item.size, locale)})</span>
      </span>
      {state.kind === 'failed' && state.retryable ? (
        <button type="button" className={styles.secondary} onClick={onRetry}>
          {texts.retry}
        </button>
      ) : null}
      <button
        type="button"
        className={styles.secondary}
        onClick={onRemove}
        aria-label={fillTemplate(texts.removeNamed, { name: item.name })}
      >
        {texts.remove}
      </button>
      {state.kind === 'preparing' ? (
        // Indeterminate while the fingerprint is computed; the text gives the share.
        <progress className={styles.bar} aria-label={texts.progressLabel} />
      ) : state.kind === 'uploading' ? (
        <progress
          className={styles.bar}
          max={state.total || 1}
          value={state.sent}
          aria-label={texts.progressLabel}
        />
      ) : null}
      {/* Only the outcome is announced: every percent would drown a screen reader. */}
      <p
        className={`${styles.fileState} ${stateClass}`}
        role={state.kind === 'failed' ? 'alert' : state.kind === 'done' ? 'status' : undefined}
        data-testid="status-bukti"
      >
        {line}
      </p>
    </li>
  );
}
