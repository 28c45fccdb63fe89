'use client';

import type { PublicFailure } from '@/components/public-forms/public-answer';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { postPublicOperation, type TrackedView } from './complaint-submit';
import { PersonalDataPanel, type PersonalDataTexts } from './personal-data-panel';
import { TrackedComplaint, type TrackedTexts } from './tracked-complaint';
import shared from '@/components/survey-public/survey-form.module.css';
import styles from './complaint-public.module.css';

/** The three operations, printed on the server from the typed documents. */
export interface TrackerOperations {
  track: string;
  reply: string;
  rate: string;
  personalData: string;
}

export interface TrackerTexts {
  codeLabel: string;
  codeHint: string;
  search: string;
  searching: string;
  codeRequired: string;
  notFound: string;
  errorRateLimited: string;
  errorNetwork: string;
  errorInvalid: string;
  errorFailed: string;
  view: TrackedTexts;
  replyTitle: string;
  replyLabel: string;
  replyHint: string;
  replySend: string;
  replyRequired: string;
  replySent: string;
  rateTitle: string;
  rateLegend: string;
  /** Names of the scores 1 … 5. */
  rateLabels: string[];
  rateCommentLabel: string;
  rateSend: string;
  rateRequired: string;
  rateSent: string;
  sending: string;
  personalData: PersonalDataTexts;
}

interface Props {
  operations: TrackerOperations;
  texts: TrackerTexts;
  locale: string;
  timeZone: string;
}

const REPLY_MAX = 4000;
const COMMENT_MAX = 1000;

type Lookup =
  | { kind: 'idle' }
  /** `notice`: what the last reply or rating did. */
  | { kind: 'found'; code: string; complaint: TrackedView; notice: string | null }
  | { kind: 'notFound' }
  | { kind: 'failed'; failure: PublicFailure };

function describeFailure(failure: PublicFailure, texts: TrackerTexts): string {
  switch (failure.kind) {
    case 'rateLimited':
      return texts.errorRateLimited;
    case 'network':
      return texts.errorNetwork;
    case 'notFound':
      return texts.notFound;
    case 'invalid':
      return failure.message ? `${texts.errorInvalid} ${failure.message}` : texts.errorInvalid;
    case 'failed':
      return failure.message ?? texts.errorFailed;
  }
}

/**
 * Follows a complaint by its tracking code. The code is posted in a request body and kept only in
 * this page's memory, never in the address bar (addresses end up in logs and histories). A wrong
 * or unknown code gets the same neutral answer. The citizen can reply to an answer or rate it.
 */
export function ComplaintTracker({ operations, texts, locale, timeZone }: Props) {
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => setReady(true), []);

  async function track(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // The service reads case, blanks and dashes leniently (ADU-XXXX-XXXX-XXXX).
    const code = String(new FormData(event.currentTarget).get('kode') ?? '').trim();
    setCodeError(!code);
    if (!code) {
      setLookup({ kind: 'idle' });
      return;
    }
    setBusy(true);
    const outcome = await postPublicOperation<TrackedView>(
      'TrackPublicComplaint',
      operations.track,
      { trackingCode: code },
      'trackPublicComplaint',
    );
    setBusy(false);
    if (outcome.kind === 'ok') {
      setLookup(
        outcome.value
          ? { kind: 'found', code, complaint: outcome.value, notice: null }
          : { kind: 'notFound' },
      );
    } else if (outcome.kind === 'notFound' || outcome.kind === 'invalid') {
      // A malformed code is answered like an unknown one.
      setLookup({ kind: 'notFound' });
    } else {
      setLookup({ kind: 'failed', failure: outcome });
    }
    resultRef.current?.focus();
  }

  const update = (complaint: TrackedView, notice: string) =>
    setLookup((current) =>
      current.kind === 'found' ? { ...current, complaint, notice } : current,
    );

  return (
    <div className={styles.card}>
      <form className={styles.section} onSubmit={track} method="post" noValidate>
        <div className={styles.field}>
          <label htmlFor="kode">{texts.codeLabel}</label>
          <input
            id="kode"
            name="kode"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={100}
            required
            aria-invalid={codeError || undefined}
            aria-describedby={codeError ? 'kode-galat kode-petunjuk' : 'kode-petunjuk'}
          />
          {codeError ? (
            <p id="kode-galat" className={styles.fieldError}>
              {texts.codeRequired}
            </p>
          ) : null}
          <p id="kode-petunjuk" className={styles.hint}>
            {texts.codeHint}
          </p>
        </div>
        <button type="submit" className={styles.button} disabled={!ready || busy}>
          {busy ? texts.searching : texts.search}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} className={styles.card} data-testid="hasil-lacak">
        {lookup.kind === 'notFound' ? (
          <p role="alert" className={shared.error} data-testid="kode-tidak-ditemukan">
            {texts.notFound}
          </p>
        ) : null}
        {lookup.kind === 'failed' ? (
          <p role="alert" className={shared.error}>
            {describeFailure(lookup.failure, texts)}
          </p>
        ) : null}
        {lookup.kind === 'found' && lookup.notice ? (
          <p className={styles.notice} role="status" data-testid="pemberitahuan-lacak">
            {lookup.notice}
          </p>
        ) : null}
        {lookup.kind === 'found' ? (
          <>
            <TrackedComplaint
              complaint={lookup.complaint}
              texts={texts.view}
              locale={locale}
              timeZone={timeZone}
            />
            {lookup.complaint.canRate ? (
              <RateForm
                // A new form for each complaint: no stars carried over.
                key={`nilai-${lookup.complaint.number}`}
                code={lookup.code}
                operation={operations.rate}
                texts={texts}
                onDone={update}
              />
            ) : null}
            {lookup.complaint.canReply ? (
              <ReplyForm
                key={`tanggapan-${lookup.complaint.number}-${lookup.complaint.messages.length}`}
                code={lookup.code}
                operation={operations.reply}
                texts={texts}
                onDone={update}
              />
            ) : null}
            <PersonalDataPanel
              key={`data-pribadi-${lookup.complaint.number}`}
              code={lookup.code}
              operation={operations.personalData}
              texts={texts.personalData}
              describeFailure={(failure) => describeFailure(failure, texts)}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}

interface ActionProps {
  code: string;
  operation: string;
  texts: TrackerTexts;
  onDone: (complaint: TrackedView, notice: string) => void;
}

function ReplyForm({ code, operation, texts, onDone }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const text = String(new FormData(event.currentTarget).get('tanggapan') ?? '').trim();
    if (!text) {
      setMessage({ ok: false, text: texts.replyRequired });
      return;
    }
    setBusy(true);
    const outcome = await postPublicOperation<TrackedView>(
      'ReplyToPublicComplaint',
      operation,
      { trackingCode: code, message: text },
      'replyToPublicComplaint',
    );
    setBusy(false);
    if (outcome.kind === 'ok' && outcome.value) {
      onDone(outcome.value, texts.replySent);
    } else {
      const failure =
        outcome.kind === 'ok' ? ({ kind: 'notFound', message: null } as const) : outcome;
      setMessage({ ok: false, text: describeFailure(failure, texts) });
    }
  }

  return (
    <form className={styles.section} onSubmit={send} method="post" noValidate>
      <h3 className={styles.legend}>{texts.replyTitle}</h3>
      <div className={styles.field}>
        <label htmlFor="tanggapan">{texts.replyLabel}</label>
        <textarea
          id="tanggapan"
          name="tanggapan"
          rows={4}
          maxLength={REPLY_MAX}
          aria-describedby="tanggapan-petunjuk"
        />
        <p id="tanggapan-petunjuk" className={styles.hint}>
          {texts.replyHint}
        </p>
      </div>
      {message ? (
        <p role="alert" className={shared.error}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" className={styles.secondary} disabled={busy}>
        {busy ? texts.sending : texts.replySend}
      </button>
    </form>
  );
}

function RateForm({ code, operation, texts, onDone }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const rating = Number(data.get('nilai'));
    if (!(rating >= 1 && rating <= 5)) {
      setProblem(texts.rateRequired);
      return;
    }
    const comment = String(data.get('komentar') ?? '').trim();
    setProblem(null);
    setBusy(true);
    const outcome = await postPublicOperation<TrackedView>(
      'RatePublicComplaint',
      operation,
      { trackingCode: code, rating, comment: comment || null },
      'ratePublicComplaint',
    );
    setBusy(false);
    if (outcome.kind === 'ok' && outcome.value) onDone(outcome.value, texts.rateSent);
    else {
      const failure =
        outcome.kind === 'ok' ? ({ kind: 'notFound', message: null } as const) : outcome;
      setProblem(describeFailure(failure, texts));
    }
  }

  return (
    <form className={styles.section} onSubmit={send} method="post" noValidate>
      <h3 className={styles.legend}>{texts.rateTitle}</h3>
      <fieldset className={styles.plain} aria-describedby={problem ? 'nilai-galat' : undefined}>
        <legend className={styles.label}>{texts.rateLegend}</legend>
        <div className={styles.stars}>
          {texts.rateLabels.map((label, index) => (
            <label key={label} className={styles.star} title={label}>
              <input type="radio" name="nilai" value={index + 1} aria-label={label} />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.field}>
        <label htmlFor="komentar">{texts.rateCommentLabel}</label>
        <textarea id="komentar" name="komentar" rows={3} maxLength={COMMENT_MAX} />
      </div>
      {problem ? (
        <p id="nilai-galat" role="alert" className={shared.error}>
          {problem}
        </p>
      ) : null}
      <button type="submit" className={styles.button} disabled={busy}>
        {busy ? texts.sending : texts.rateSend}
      </button>
    </form>
  );
}
