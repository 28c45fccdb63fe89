import { print } from 'graphql';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { environment } from '@/config/environment';
import { organizationResultsHref, serviceHref } from '@/components/survey-public/links';
import { isMissing, publicQuery } from '@/components/survey-public/public-query';
import { SurveyForm, type SurveyFormTexts } from '@/components/survey-public/survey-form';
import { channelOf } from '@/components/survey-public/survey-submit';
import {
  PublicSurveyFormQuery,
  SubmitSurveyResponseDocument,
} from '@/components/survey-public/survey-public-operations';
import shared from '@/components/survey-public/survey-public.module.css';
import styles from '@/components/survey-public/survey-form.module.css';
import { single, type SearchParams } from '@/navigation/search-params';

type Params = Promise<{ id: string }>;

/** Printed once per server: the browser receives the text, not the GraphQL library. */
const SUBMIT_MUTATION = print(SubmitSurveyResponseDocument);

const loadSurvey = cache((id: string) =>
  publicQuery(PublicSurveyFormQuery, { id: id.slice(0, 100) }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('surveyPublic.survey');
  const { data } = await loadSurvey(decodeURIComponent(id));
  const name = data?.serviceStandard?.name;
  return {
    title: name ? t('pageTitle', { service: name }) : t('kicker'),
    robots: { index: false },
  };
}

/**
 * The satisfaction survey of one service (PermenPANRB 14/2017), open to anyone without an
 * account. The questionnaire comes from the service (data, not code); `?kanal=loket` marks the
 * answers as given at the counter (the poster's QR code).
 */
export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const id = decodeURIComponent((await params).id);
  const channel = channelOf(single((await searchParams).kanal));
  const t = await getTranslations('surveyPublic.survey');
  const locale = await getLocale();
  const { data, error, codes } = await loadSurvey(id);
  if (error && !data?.serviceStandard) {
    if (isMissing(codes)) notFound();
    return (
      <p role="alert" className={shared.error}>
        {error}
      </p>
    );
  }
  const service = data?.serviceStandard;
  const questionnaire = data?.surveyQuestionnaire;
  if (!service?.published || !questionnaire) notFound();

  const texts: SurveyFormTexts = {
    progress: t.raw('progress') as string,
    missing: t.raw('missing') as string,
    notAnswered: t('notAnswered'),
    profileTitle: t('profileTitle'),
    profileHint: t('profileHint'),
    profileNone: t('profileNone'),
    suggestionLabel: t('suggestionLabel'),
    suggestionHint: t('suggestionHint'),
    honeypotLabel: t('honeypotLabel'),
    submit: t('submit'),
    sending: t('sending'),
    retry: t('retry'),
    errorRateLimited: t('errorRateLimited'),
    errorInvalid: t('errorInvalid'),
    errorNetwork: t('errorNetwork'),
    errorFailed: t('errorFailed'),
    thanksTitle: t('thanksTitle'),
    thanksText: t.raw('thanksText') as string,
    duplicateText: t('duplicateText'),
    receiptTitle: t('receiptTitle'),
    receiptNumber: t('receiptNumber'),
    receiptService: t('receiptService'),
    receiptTime: t('receiptTime'),
    backToService: t('backToService'),
    seeResults: t('seeResults'),
  };
  const elements = [...questionnaire.elements].sort((a, b) => a.order - b.order);

  return (
    <>
      <header className={styles.intro}>
        <p className={styles.kicker}>{t('kicker')}</p>
        <h1>{service.name}</h1>
        <p className={styles.organization}>{service.organizationName}</p>
        <p>{t('intro', { count: elements.length })}</p>
      </header>
      <SurveyForm
        serviceId={service.id}
        channel={channel}
        elements={elements}
        profileFields={questionnaire.profileFields}
        mutation={SUBMIT_MUTATION}
        texts={texts}
        locale={locale}
        timeZone={environment().TIME_ZONE}
        serviceHref={serviceHref(service.id)}
        resultsHref={organizationResultsHref(service.organizationCode)}
      />
    </>
  );
}
