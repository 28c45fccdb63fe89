import { print } from 'graphql';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { environment } from '@/config/environment';
import {
  ComplaintTracker,
  type TrackerTexts,
} from '@/components/complaint-public/complaint-tracker';
import {
  RatePublicComplaintDocument,
  RequestComplaintPersonalDataDocument,
  ReplyToPublicComplaintDocument,
  TrackPublicComplaintDocument,
} from '@/components/complaint-public/complaint-public-operations';
import { complaintFormHref } from '@/components/complaint-public/links';
import shared from '@/components/survey-public/survey-form.module.css';

/** Printed once per server: the browser receives the text, not the GraphQL library. */
const OPERATIONS = {
  track: print(TrackPublicComplaintDocument),
  reply: print(ReplyToPublicComplaintDocument),
  rate: print(RatePublicComplaintDocument),
  personalData: print(RequestComplaintPersonalDataDocument),
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaintPublic.track');
  return { title: t('pageTitle'), robots: { index: false } };
}

/**
 * Following a public complaint by its tracking code, without an account. The code is typed into
 * a form and posted, never put into the address (`/lacak?kode=…` would leave it in logs).
 */
export default async function TrackComplaintPage() {
  const t = await getTranslations('complaintPublic.track');
  const locale = await getLocale();
  const texts: TrackerTexts = {
    codeLabel: t('codeLabel'),
    codeHint: t('codeHint'),
    search: t('search'),
    searching: t('searching'),
    codeRequired: t('codeRequired'),
    notFound: t('notFound'),
    errorRateLimited: t('errorRateLimited'),
    errorNetwork: t('errorNetwork'),
    errorInvalid: t('errorInvalid'),
    errorFailed: t('errorFailed'),
    view: {
      number: t('view.number'),
      category: t('view.category'),
      service: t('view.service'),
      organization: t('view.organization'),
      submittedAt: t('view.submittedAt'),
      dueDate: t('view.dueDate'),
      autoClose: t.raw('view.autoClose') as string,
      descriptionTitle: t('view.descriptionTitle'),
      answerTitle: t('view.answerTitle'),
      answeredAt: t.raw('view.answeredAt') as string,
      timelineTitle: t('view.timelineTitle'),
      messagesTitle: t('view.messagesTitle'),
      fromCitizen: t('view.fromCitizen'),
      fromHandler: t('view.fromHandler'),
      ratingTitle: t('view.ratingTitle'),
      ratingValue: t.raw('view.ratingValue') as string,
    },
    replyTitle: t('replyTitle'),
    replyLabel: t('replyLabel'),
    replyHint: t('replyHint'),
    replySend: t('replySend'),
    replyRequired: t('replyRequired'),
    replySent: t('replySent'),
    rateTitle: t('rateTitle'),
    rateLegend: t('rateLegend'),
    rateLabels: t.raw('rateLabels') as string[],
    rateCommentLabel: t('rateCommentLabel'),
    rateSend: t('rateSend'),
    rateRequired: t('rateRequired'),
    rateSent: t('rateSent'),
    sending: t('sending'),
    personalData: {
      title: t('personalData.title'),
      intro: t('personalData.intro'),
      access: t('personalData.access'),
      correctTitle: t('personalData.correctTitle'),
      correctHint: t('personalData.correctHint'),
      name: t('personalData.name'),
      email: t('personalData.email'),
      phone: t('personalData.phone'),
      correctSend: t('personalData.correctSend'),
      correctRequired: t('personalData.correctRequired'),
      eraseTitle: t('personalData.eraseTitle'),
      eraseHint: t('personalData.eraseHint'),
      eraseConfirm: t('personalData.eraseConfirm'),
      eraseSend: t('personalData.eraseSend'),
      eraseRequired: t('personalData.eraseRequired'),
      sending: t('sending'),
      receipt: t.raw('personalData.receipt') as string,
      anonymous: t('personalData.anonymous'),
      none: t('personalData.none'),
      description: t('personalData.description'),
      address: t('personalData.address'),
      messages: t('personalData.messages'),
      attachments: t('personalData.attachments'),
      retention: t('personalData.retention'),
    },
  };
  return (
    <>
      <header className={shared.intro}>
        <p className={shared.kicker}>{t('kicker')}</p>
        <h1>{t('pageTitle')}</h1>
        <p>{t('intro')}</p>
      </header>
      <ComplaintTracker
        operations={OPERATIONS}
        texts={texts}
        locale={locale}
        timeZone={environment().TIME_ZONE}
      />
      <p className={shared.intro}>
        {t('filePrompt')} <a href={complaintFormHref()}>{t('fileLink')}</a>
      </p>
    </>
  );
}
