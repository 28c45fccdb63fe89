'use client';
import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { DetailedError, Upload } from 'tus-js-client';
import { BFF_FILES_PATH } from '@/documents/file-proxy';
import { formatBytes, shortHash } from '@/documents/format-bytes';
import { acceptOf, precheckFile, type UploadPurposeLimits } from '@/documents/upload-precheck';
import { NETWORK_REFUSAL, uploadRefusalMessage } from '@/documents/upload-refusal';

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

interface Props {
  purpose: UploadPurposeLimits;
  onUploaded: (file: UploadedFile) => void;
  /** Label of the file field. */
  label?: string;
  disabled?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'hashing'; done: number; total: number }
  | { kind: 'uploading'; sent: number; total: number; paused: boolean }
  /** The connection dropped for longer than the retries: resumes when the browser is online. */
  | { kind: 'offline'; sent: number; total: number }
  | { kind: 'done'; file: UploadedFile }
  | { kind: 'refused'; message: string };

/** Chunks of a PATCH: a lost connection costs at most one chunk, and proxies see bounded bodies. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Retries after a dropped connection or a server hiccup; tus resumes from the server's offset. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

/** Refusals the server means (wrong type, too large, hash mismatch…): retrying cannot help. */
function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && ![408, 409, 423, 429].includes(status);
}

function statusOf(error: Error): number {
  return (error as DetailedError).originalResponse?.getStatus() ?? 0;
}

/**
 * Resumable upload of one file over tus to the file BFF: SHA-256 in the browser (slice by slice,
 * never the whole file in memory), progress, pause and resume, automatic resumption after the
 * connection drops, and the server's refusal in plain Indonesian. Reports the stored file's id.
 */
export function FileUploader({ purpose, onUploaded, label, disabled }: Props) {
  const t = useTranslations('uploader');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const upload = useRef<Upload | null>(null);
  const hashing = useRef<AbortController | null>(null);

  // Leaving the page stops the transfer; the server keeps the part already sent for resuming.
  useEffect(
    () => () => {
      hashing.current?.abort();
      void upload.current?.abort();
    },
    [],
  );

  // Back online after the retries gave up: carry on from the server's offset.
  useEffect(() => {
    if (state.kind !== 'offline') return;
    const resume = () => {
      setState({ kind: 'uploading', sent: state.sent, total: state.total, paused: false });
      upload.current?.start();
    };
    window.addEventListener('online', resume);
    return () => window.removeEventListener('online', resume);
  }, [state]);

  async function start(chosen: File) {
    const problem = precheckFile(chosen, purpose);
    if (problem) {
      setState({ kind: 'refused', message: problem });
      return;
    }
    const controller = new AbortController();
    hashing.current = controller;
    setState({ kind: 'hashing', done: 0, total: chosen.size });
    let sha256: string;
    try {
      const { sha256OfFile } = await import('@/documents/sha256-file');
      sha256 = await sha256OfFile(
        chosen,
        (done, total) => setState({ kind: 'hashing', done, total }),
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'refused', message: t('hashFailed', { reason: (error as Error).message }) });
      return;
    }

    const { Upload } = await import('tus-js-client');
    const created: Upload = new Upload(chosen, {
      endpoint: BFF_FILES_PATH,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: {
        filename: chosen.name,
        filetype: chosen.type,
        purpose: purpose.name,
        sha256,
      },
      // The same bytes for the same purpose resume the earlier, unfinished upload (after a reload).
      fingerprint: async () =>
        ['sipadu', purpose.name, sha256, chosen.size, chosen.lastModified].join(':'),
      removeFingerprintOnSuccess: true,
      // Unlike the default, keeps retrying while the browser is offline: that is the point.
      onShouldRetry: (error) => !isFinalRefusal(statusOf(error)),
      onProgress: (sent, total) => setState({ kind: 'uploading', sent, total, paused: false }),
      onSuccess: ({ lastResponse }) => {
        const id = lastResponse.getHeader('Sipadu-File-Id');
        if (!id) {
          setState({ kind: 'refused', message: t('noFileId') });
          return;
        }
        const uploaded = { id, name: chosen.name, size: chosen.size, sha256 };
        setState({ kind: 'done', file: uploaded });
        onUploaded(uploaded);
      },
      onError: (error) => {
        const status = statusOf(error);
        if (isFinalRefusal(status)) {
          const body = (error as DetailedError).originalResponse?.getBody() ?? '';
          setState({ kind: 'refused', message: uploadRefusalMessage(status, body) });
          return;
        }
        setState((current) =>
          current.kind === 'uploading'
            ? { kind: 'offline', sent: current.sent, total: current.total }
            : { kind: 'offline', sent: 0, total: chosen.size },
        );
      },
    });
    upload.current = created;
    const previous = await created.findPreviousUploads();
    if (previous[0]) created.resumeFromPreviousUpload(previous[0]);
    setState({ kind: 'uploading', sent: 0, total: chosen.size, paused: false });
    created.start();
  }

  function choose(chosen: File | null) {
    hashing.current?.abort();
    void upload.current?.abort();
    upload.current = null;
    setFile(chosen);
    if (chosen) void start(chosen);
    else setState({ kind: 'idle' });
  }

  function pause() {
    if (state.kind !== 'uploading') return;
    void upload.current?.abort();
    setState({ ...state, paused: true });
  }

  function resume() {
    if (state.kind !== 'uploading' && state.kind !== 'offline') return;
    setState({ kind: 'uploading', sent: state.sent, total: state.total, paused: false });
    upload.current?.start();
  }

  const percent = (part: number, total: number) => (total > 0 ? (part / total) * 100 : 100);
  const busy = state.kind === 'hashing' || (state.kind === 'uploading' && !state.paused);

  return (
    <Stack gap="xs">
      <FileInput
        label={label ?? t('chooseFile')}
        description={t('limits', {
          types: purpose.extensions.map((e) => e.replace(/^\./, '').toUpperCase()).join(', '),
          size: formatBytes(purpose.maxBytes),
        })}
        placeholder={t('placeholder')}
        accept={acceptOf(purpose)}
        value={file}
        onChange={choose}
        clearable
        disabled={disabled || busy}
      />

      {state.kind === 'hashing' ? (
        <div>
          <Text size="sm" id="status-sidik">
            {t('hashing', { percent: Math.floor(percent(state.done, state.total)) })}
          </Text>
          <Progress
            value={percent(state.done, state.total)}
            aria-labelledby="status-sidik"
            color="gray.7"
          />
        </div>
      ) : null}

      {state.kind === 'uploading' || state.kind === 'offline' ? (
        <div>
          <Text size="sm" aria-live="polite" data-testid="status-unggah">
            {state.kind === 'offline'
              ? NETWORK_REFUSAL
              : state.paused
                ? t('paused', {
                    sent: formatBytes(state.sent),
                    total: formatBytes(state.total),
                  })
                : t('uploading', {
                    percent: Math.floor(percent(state.sent, state.total)),
                    sent: formatBytes(state.sent),
                    total: formatBytes(state.total),
                  })}
          </Text>
          <Progress
            value={percent(state.sent, state.total)}
            aria-label={t('progressLabel')}
            striped={!(state.kind === 'uploading' && state.paused)}
            animated={state.kind === 'uploading' && !state.paused}
          />
          <Group gap="xs" mt="xs">
            {state.kind === 'uploading' && !state.paused ? (
              <Button size="xs" variant="default" onClick={pause}>
                {t('pause')}
              </Button>
            ) : (
              <Button size="xs" variant="light" onClick={resume}>
                {t('resume')}
              </Button>
            )}
          </Group>
        </div>
      ) : null}

      {state.kind === 'done' ? (
        <Alert color="green" variant="light" role="status" data-testid="unggah-selesai">
          {t('done', {
            name: state.file.name,
            size: formatBytes(state.file.size),
            hash: shortHash(state.file.sha256),
          })}
        </Alert>
      ) : null}

      {state.kind === 'refused' ? (
        <Alert color="red" variant="light" role="alert" title={t('refusedTitle')}>
          {state.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
