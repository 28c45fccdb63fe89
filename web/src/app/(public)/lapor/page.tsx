import { print } from 'graphql';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { environment } from '@/config/environment';
import {
  ComplaintForm,
  type ComplaintFormTexts,
} from '@/components/complaint-public/complaint-form';
import {
  ComplaintFormOptionsQuery,
  ComplaintUploadPurposesQuery,
  FilePublicComplaintDocument,
} from '@/components/complaint-public/complaint-public-operations';
import { COMPLAINT_EVIDENCE_PURPOSE } from '@/components/complaint-public/complaint-submit';
import { TRACK_COMPLAINT_HREF } from '@/components/complaint-public/links';
import { publicQuery } from '@/components/survey-public/public-query';
import shared from '@/components/survey-public/survey-form.module.css';
import { purposeNamed } from '@/documents/upload-precheck';
import { single, type SearchParams } from '@/navigation/search-params';

/** Printed once per server: the browser receives the text, not the GraphQL library. */
const FILE_MUTATION = print(FilePublicComplaintDocument);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaintPublic.form');
  return { title: t('pageTitle'), description: t('intro') };
}

/**
 * The public complaint form (pengaduan masyarakat), open to anyone without an account;
 * `?layanan=<id>` (the service page's link) chooses the service complained about.
 */
export default async function ComplaintFormPage({ searchParams }: { searchParams: SearchParams }) {
  const initialServiceId = single((await searchParams).layanan)?.slice(0, 100) ?? null;
  const t = await getTranslations('complaintPublic.form');
  const tReceipt = await getTranslations('complaintPublic.receipt');
  const locale = await getLocale();
  const [options, purposes] = await Promise.all([
    publicQuery(ComplaintFormOptionsQuery, {}),
    publicQuery(ComplaintUploadPurposesQuery, {}),
  ]);

  const intro = (
    <header className={shared.intro}>
      <p className={shared.kicker}>{t('kicker')}</p>
      <h1>{t('pageTitle')}</h1>
      <p>{t('intro')}</p>
      <p>
        {t('trackPrompt')} <a href={TRACK_COMPLAINT_HREF}>{t('trackLink')}</a>
      </p>
    </header>
  );
  if (!options.data) {
    return (
      <>
        {intro}
        <p role="alert" className={shared.error}>
          {options.error ?? t('unavailable')}
        </p>
      </>
    );
  }

  const texts: ComplaintFormTexts = {
    optional: t('optional'),
    aboutSection: t('aboutSection'),
    categoryLabel: t('categoryLabel'),
    categoryPlaceholder: t('categoryPlaceholder'),
    targetSection: t('targetSection'),
    targetHint: t('targetHint'),
    serviceLabel: t('serviceLabel'),
    serviceHint: t('serviceHint'),
    serviceUnknown: t('serviceUnknown'),
    organizationLabel: t('organizationLabel'),
    organizationNone: t('organizationNone'),
    target: t.raw('target') as string,
    targetUnknown: t('targetUnknown'),
    titleLabel: t('titleLabel'),
    titleHint: t('titleHint'),
    descriptionLabel: t('descriptionLabel'),
    descriptionHint: t('descriptionHint'),
    locationSection: t('locationSection'),
    useLocation: t('useLocation'),
    locating: t('locating'),
    locationFound: t.raw('locationFound') as string,
    locationRemove: t('locationRemove'),
    locationDenied: t('locationDenied'),
    locationUnavailable: t('locationUnavailable'),
    locationUnsupported: t('locationUnsupported'),
    addressLabel: t('addressLabel'),
    addressHint: t('addressHint'),
    addressPrefix: t('addressPrefix'),
    evidenceSection: t('evidenceSection'),
    evidence: {
      label: t('evidence.label'),
      hint: t.raw('evidence.hint') as string,
      unavailable: t('evidence.unavailable'),
      hashing: t.raw('evidence.hashing') as string,
      uploading: t.raw('evidence.uploading') as string,
      done: t('evidence.done'),
      remove: t('evidence.remove'),
      removeNamed: t.raw('evidence.removeNamed') as string,
      retry: t('evidence.retry'),
      tooMany: t.raw('evidence.tooMany') as string,
      progressLabel: t('evidence.progressLabel'),
    },
    identitySection: t('identitySection'),
    anonymousLabel: t('anonymousLabel'),
    anonymousHint: t('anonymousHint'),
    nameLabel: t('nameLabel'),
    emailLabel: t('emailLabel'),
    phoneLabel: t('phoneLabel'),
    contactHint: t('contactHint'),
    visibilitySection: t('visibilitySection'),
    confidentialLabel: t('confidentialLabel'),
    confidentialHint: t('confidentialHint'),
    publicLabel: t('publicLabel'),
    publicHint: t('publicHint'),
    honeypotLabel: t('honeypotLabel'),
    errorCategory: t('errorCategory'),
    errorTitle: t('errorTitle'),
    errorDescription: t('errorDescription'),
    errorEmail: t('errorEmail'),
    errorSummary: t.raw('errorSummary') as string,
    uploadsPending: t('uploadsPending'),
    submit: t('submit'),
    sending: t('sending'),
    retry: t('retry'),
    errorRateLimited: t('errorRateLimited'),
    errorInvalid: t('errorInvalid'),
    errorNetwork: t('errorNetwork'),
    errorFailed: t('errorFailed'),
    receipt: {
      title: tReceipt('title'),
      codeLabel: tReceipt('codeLabel'),
      onceWarning: tReceipt('onceWarning'),
      copy: tReceipt('copy'),
      copied: tReceipt('copied'),
      copyFailed: tReceipt('copyFailed'),
      print: tReceipt('print'),
      number: tReceipt('number'),
      numberHint: tReceipt('numberHint'),
      status: tReceipt('status'),
      organization: tReceipt('organization'),
      verificationDue: tReceipt('verificationDue'),
      duplicate: tReceipt('duplicate'),
      next: tReceipt('next'),
      track: tReceipt('track'),
    },
  };

  return (
    <>
      {intro}
      <ComplaintForm
        categories={options.data.complaintCategories}
        organizations={options.data.complaintOrganizations}
        services={options.data.complaintServiceOptions}
        initialServiceId={initialServiceId}
        evidencePurpose={purposeNamed(purposes.data?.uploadPurposes, COMPLAINT_EVIDENCE_PURPOSE)}
        mutation={FILE_MUTATION}
        texts={texts}
        locale={locale}
        timeZone={environment().TIME_ZONE}
        trackHref={TRACK_COMPLAINT_HREF}
      />
    </>
  );
}
