'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SurveyChannel } from '@/gql/graphql';
import {
  fillTemplate,
  newSubmissionId,
  readSubmitAnswer,
  surveyVariables,
  unanswered,
  type ProfileKey,
  type SubmitOutcome,
  type SurveyReceipt,
} from './survey-submit';
import styles from './survey-form.module.css';

export interface SurveyElementView {
  code: string;
  order: number;
  name: string;
  question: string;
  /** Labels of the scores 1, 2, 3, 4. */
  labels: string[];
}

export interface ProfileFieldView {
  key: string;
  label: string;
  options: { code: string; label: string }[];
}

/** Every text of the form, translated on the server: no translation runtime in the browser. */
export interface SurveyFormTexts {
  /** "{answered} dari {total} terjawab" */
  progress: string;
  /** "Masih ada {count} pertanyaan yang belum dijawab." */
  missing: string;
  notAnswered: string;
  profileTitle: string;
  profileHint: string;
  profileNone: string;
  suggestionLabel: string;
  suggestionHint: string;
  honeypotLabel: string;
  submit: string;
  sending: string;
  retry: string;
  errorRateLimited: string;
  errorInvalid: string;
  errorNetwork: string;
  errorFailed: string;
  thanksTitle: string;
  /** "Jawaban Anda untuk {service} sudah kami terima." */
  thanksText: string;
  duplicateText: string;
  receiptTitle: string;
  receiptNumber: string;
  receiptService: string;
  receiptTime: string;
  backToService: string;
  seeResults: string;
}

interface Props {
  serviceId: string;
  channel: SurveyChannel;
  elements: SurveyElementView[];
  profileFields: ProfileFieldView[];
  /** The mutation's text (printed on the server from the typed document). */
  mutation: string;
  texts: SurveyFormTexts;
  locale: string;
  timeZone: string;
  serviceHref: string;
  resultsHref: string;
}

const PROFILE_KEYS = new Set<string>(['gender', 'ageGroup', 'education', 'occupation']);
const SUGGESTION_MAX = 2000;

/** The sentence shown for a failed submission (the service's own words for invalid input). */
function describeFailure(
  failure: Exclude<SubmitOutcome, { kind: 'received' }>,
  texts: SurveyFormTexts,
): string {
  switch (failure.kind) {
    case 'rateLimited':
      return texts.errorRateLimited;
    case 'network':
      return texts.errorNetwork;
    case 'invalid':
      return failure.message ? `${texts.errorInvalid} ${failure.message}` : texts.errorInvalid;
    case 'failed':
      return failure.message ?? texts.errorFailed;
  }
}

function scoreName(code: string): string {
  return `nilai-${code}`;
}

/**
 * The public satisfaction survey, for a phone held in one hand at the counter: the nine questions
 * as groups of four large choices, the optional profile folded away, and a thank-you receipt. The
 * inputs are uncontrolled, so answers tapped before the script arrives on a slow link are kept;
 * the submission id is made once and reused by every retry, so a retry is never counted twice.
 */
export function SurveyForm(props: Props) {
  const { elements, texts } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const submissionId = useRef<string | null>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const [ready, setReady] = useState(false);
  const [answered, setAnswered] = useState(0);
  const [missing, setMissing] = useState<readonly number[] | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Exclude<SubmitOutcome, { kind: 'received' }> | null>(null);
  const [receipt, setReceipt] = useState<SurveyReceipt | null>(null);

  function readScores(): (number | null)[] {
    const form = formRef.current;
    return elements.map((element) => {
      const field = form?.elements.namedItem(scoreName(element.code));
      const value = field && 'value' in field ? Number(field.value) : NaN;
      return value >= 1 && value <= 4 ? value : null;
    });
  }

  function recount() {
    const scores = readScores();
    setAnswered(scores.filter((score) => score !== null).length);
    if (missing) setMissing(unanswered(scores));
  }

  useEffect(() => {
    submissionId.current ??= newSubmissionId(crypto);
    // Answers chosen before the script loaded are already in the form.
    const scores = readScores();
    setAnswered(scores.filter((score) => score !== null).length);
    setReady(true);
    // Once, after hydration.
  }, []);

  useEffect(() => {
    if (receipt) thanksRef.current?.focus();
  }, [receipt]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (sending) return;
    const scores = readScores();
    const open = unanswered(scores);
    if (open.length) {
      setMissing(open);
      setFailure(null);
      const first = elements[open[0] ?? 0];
      const radio = first
        ? form.querySelector<HTMLInputElement>(`input[name="${scoreName(first.code)}"]`)
        : null;
      radio?.focus();
      radio?.closest('fieldset')?.scrollIntoView({ block: 'center' });
      return;
    }
    setMissing(null);
    setFailure(null);
    setSending(true);
    submissionId.current ??= newSubmissionId(crypto);
    const data = new FormData(form);
    const profile: Partial<Record<ProfileKey, string>> = {};
    for (const field of props.profileFields) {
      const value = data.get(field.key);
      if (PROFILE_KEYS.has(field.key) && typeof value === 'string' && value) {
        profile[field.key as ProfileKey] = value;
      }
    }
    const variables = surveyVariables({
      submissionId: submissionId.current,
      serviceId: props.serviceId,
      channel: props.channel,
      scores,
      profile,
      suggestion: String(data.get('saran') ?? '').slice(0, SUGGESTION_MAX),
      website: String(data.get('website') ?? ''),
    });
    let outcome: SubmitOutcome;
    try {
      const response = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          operationName: 'SubmitSurveyResponse',
          query: props.mutation,
          variables,
        }),
      });
      outcome = readSubmitAnswer(response.status, await response.text());
    } catch {
      outcome = readSubmitAnswer(null, null);
    }
    setSending(false);
    if (outcome.kind === 'received') {
      setReceipt(outcome.receipt);
      window.scrollTo({ top: 0 });
    } else {
      setFailure(outcome);
    }
  }

  if (receipt) {
    const received = new Intl.DateTimeFormat(props.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: props.timeZone,
    }).format(new Date(receipt.receivedAt));
    return (
      <section className={styles.thanks} aria-labelledby="terima-kasih" data-testid="terima-kasih">
        <h2 id="terima-kasih" ref={thanksRef} tabIndex={-1}>
          {texts.thanksTitle}
        </h2>
        <p>{fillTemplate(texts.thanksText, { service: receipt.serviceName })}</p>
        {receipt.duplicate ? (
          <p className={styles.notice} data-testid="sudah-tercatat">
            {texts.duplicateText}
          </p>
        ) : null}
        <h3>{texts.receiptTitle}</h3>
        <dl className={styles.receipt}>
          <dt>{texts.receiptNumber}</dt>
          <dd className={styles.code}>{receipt.submissionId}</dd>
          <dt>{texts.receiptService}</dt>
          <dd>{receipt.serviceName}</dd>
          <dt>{texts.receiptTime}</dt>
          <dd>{received}</dd>
        </dl>
        <p className={styles.links}>
          <a href={props.serviceHref}>{texts.backToService}</a>
          <a href={props.resultsHref}>{texts.seeResults}</a>
        </p>
      </section>
    );
  }

  const total = elements.length;
  const failureText = failure ? describeFailure(failure, texts) : null;

  return (
    <form ref={formRef} className={styles.form} onChange={recount} onSubmit={submit} noValidate>
      <div className={styles.progress}>
        <span aria-live="polite" data-testid="kemajuan">
          {fillTemplate(texts.progress, { answered, total })}
        </span>
        <span className={styles.progressTrack} aria-hidden="true">
          <span
            className={styles.progressFill}
            style={{ width: `${total ? (answered / total) * 100 : 0}%` }}
          />
        </span>
      </div>

      {elements.map((element, index) => {
        const isMissing = missing?.includes(index) ?? false;
        const hintId = `belum-${element.code}`;
        return (
          <fieldset
            key={element.code}
            className={`${styles.question} ${isMissing ? styles.missing : ''}`}
            data-element={element.code}
            aria-describedby={isMissing ? hintId : undefined}
          >
            <legend className={styles.legend}>
              <span className={styles.elementName}>
                {index + 1}/{total} · {element.name}
              </span>
              <span className={styles.questionText}>{element.question}</span>
            </legend>
            {isMissing ? (
              <p id={hintId} className={styles.missingText}>
                {texts.notAnswered}
              </p>
            ) : null}
            <div className={styles.options}>
              {element.labels.map((label, labelIndex) => (
                <label key={labelIndex} className={styles.option}>
                  <input type="radio" name={scoreName(element.code)} value={labelIndex + 1} />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}

      <details className={styles.profile}>
        <summary>{texts.profileTitle}</summary>
        <p className={styles.hint}>{texts.profileHint}</p>
        {props.profileFields.map((field) => (
          <div key={field.key} className={styles.field}>
            <label htmlFor={`profil-${field.key}`}>{field.label}</label>
            <select id={`profil-${field.key}`} name={field.key} defaultValue="">
              <option value="">{texts.profileNone}</option>
              {field.options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </details>

      <div className={styles.field}>
        <label htmlFor="saran">{texts.suggestionLabel}</label>
        <textarea
          id="saran"
          name="saran"
          rows={4}
          maxLength={SUGGESTION_MAX}
          aria-describedby="saran-petunjuk"
        />
        <span id="saran-petunjuk" className={styles.hint}>
          {texts.suggestionHint}
        </span>
      </div>

      {/* Bait for bots: off-screen (not display:none, which bots skip), out of the tab order. */}
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="website">{texts.honeypotLabel}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      {missing?.length ? (
        <p role="alert" className={styles.error}>
          {fillTemplate(texts.missing, { count: missing.length })}
        </p>
      ) : null}
      {failureText ? (
        <p role="alert" className={styles.error} data-testid="galat-kirim">
          {failureText}
        </p>
      ) : null}

      <button type="submit" className={styles.submit} disabled={!ready || sending}>
        {sending ? texts.sending : failure ? texts.retry : texts.submit}
      </button>
    </form>
  );
}
