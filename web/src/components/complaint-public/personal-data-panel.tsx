'use client';

import type { PublicFailure } from '@/components/public-forms/public-answer';
import type { RequestComplaintPersonalDataMutation } from '@/gql/graphql';
import { useState, type FormEvent } from 'react';
import { postPublicOperation } from './complaint-submit';
import shared from '@/components/survey-public/survey-form.module.css';
import styles from './complaint-public.module.css';

type Receipt = RequestComplaintPersonalDataMutation['requestComplaintPersonalData'];
type Kind = Receipt['kind'];

export interface PersonalDataTexts {
  title: string;
  intro: string;
  access: string;
  correctTitle: string;
  correctHint: string;
  name: string;
  email: string;
  phone: string;
  correctSend: string;
  correctRequired: string;
  eraseTitle: string;
  eraseHint: string;
  eraseConfirm: string;
  eraseSend: string;
  eraseRequired: string;
  sending: string;
  receipt: string;
  anonymous: string;
  none: string;
  description: string;
  address: string;
  messages: string;
  attachments: string;
  retention: string;
}

interface Props {
  code: string;
  operation: string;
  texts: PersonalDataTexts;
  describeFailure: (failure: PublicFailure) => string;
}

/**
 * The complainant's rights as a data subject (UU 27/2022): see, correct or erase the personal
 * data the Pemda keeps for this complaint, proven by the tracking code already typed above.
 */
export function PersonalDataPanel({ code, operation, texts, describeFailure }: Props) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  async function send(kind: Kind, correction?: Record<string, string | null>) {
    setBusy(kind);
    setProblem(null);
    const outcome = await postPublicOperation<Receipt>(
      'RequestComplaintPersonalData',
      operation,
      { input: { trackingCode: code, kind, ...(correction ? { correction } : {}) } },
      'requestComplaintPersonalData',
    );
    setBusy(null);
    if (outcome.kind === 'ok' && outcome.value) setReceipt(outcome.value);
    else {
      setProblem(
        describeFailure(outcome.kind === 'ok' ? { kind: 'notFound', message: null } : outcome),
      );
    }
  }

  function correct(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || null;
    const correction = { name: value('nama'), email: value('surel'), phone: value('telepon') };
    if (Object.values(correction).every((item) => item === null)) {
      setProblem(texts.correctRequired);
      return;
    }
    void send('CORRECTION', correction);
  }

  function erase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (new FormData(event.currentTarget).get('setuju') !== 'ya') {
      setProblem(texts.eraseRequired);
      return;
    }
    void send('DELETION');
  }

  const data = receipt?.data;
  return (
    <section className={styles.section} aria-labelledby="data-pribadi-judul">
      <h3 id="data-pribadi-judul" className={styles.legend}>
        {texts.title}
      </h3>
      <p className={styles.hint}>{texts.intro}</p>
      <button
        type="button"
        className={styles.secondary}
        disabled={busy !== null}
        onClick={() => void send('ACCESS')}
      >
        {busy === 'ACCESS' ? texts.sending : texts.access}
      </button>

      <form onSubmit={correct} method="post" noValidate>
        <h4 className={styles.label}>{texts.correctTitle}</h4>
        <p className={styles.hint}>{texts.correctHint}</p>
        <div className={styles.field}>
          <label htmlFor="pdp-nama">{texts.name}</label>
          <input id="pdp-nama" name="nama" maxLength={100} autoComplete="name" />
        </div>
        <div className={styles.field}>
          <label htmlFor="pdp-surel">{texts.email}</label>
          <input id="pdp-surel" name="surel" type="email" maxLength={200} autoComplete="email" />
        </div>
        <div className={styles.field}>
          <label htmlFor="pdp-telepon">{texts.phone}</label>
          <input id="pdp-telepon" name="telepon" type="tel" maxLength={20} autoComplete="tel" />
        </div>
        <button type="submit" className={styles.secondary} disabled={busy !== null}>
          {busy === 'CORRECTION' ? texts.sending : texts.correctSend}
        </button>
      </form>

      <form onSubmit={erase} method="post" noValidate>
        <h4 className={styles.label}>{texts.eraseTitle}</h4>
        <p className={styles.hint}>{texts.eraseHint}</p>
        <label className={styles.check}>
          <input type="checkbox" name="setuju" value="ya" />
          <span>{texts.eraseConfirm}</span>
        </label>
        <button type="submit" className={styles.secondary} disabled={busy !== null}>
          {busy === 'DELETION' ? texts.sending : texts.eraseSend}
        </button>
      </form>

      {problem ? (
        <p role="alert" className={shared.error}>
          {problem}
        </p>
      ) : null}
      {receipt && data ? (
        <div role="status" data-testid="data-pribadi">
          <p className={styles.notice}>
            {texts.receipt.replace('{number}', receipt.requestNumber)} {receipt.note}
          </p>
          <dl className={styles.facts}>
            <dt>{texts.name}</dt>
            <dd>{data.anonymous ? texts.anonymous : (data.name ?? texts.none)}</dd>
            <dt>{texts.email}</dt>
            <dd>{data.email ?? texts.none}</dd>
            <dt>{texts.phone}</dt>
            <dd>{data.phone ?? texts.none}</dd>
            <dt>{texts.address}</dt>
            <dd>{data.location?.address ?? texts.none}</dd>
            <dt>{texts.description}</dt>
            <dd>{data.description}</dd>
            <dt>{texts.messages}</dt>
            <dd>{data.messages.filter((message) => message.author === 'CITIZEN').length}</dd>
            <dt>{texts.attachments}</dt>
            <dd>{data.attachmentCount}</dd>
            <dt>{texts.retention}</dt>
            <dd>{data.retention}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
