'use client';

import type { PublicFailure } from '@/components/public-forms/public-answer';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ComplaintVisibility } from '@/gql/graphql';
import type { UploadPurposeLimits } from '@/documents/upload-precheck';
import { fillTemplate, newSubmissionId } from '@/components/survey-public/survey-submit';
import {
  complaintVariables,
  postPublicOperation,
  roundedPosition,
  type ComplaintLocationDraft,
  type FiledReceipt,
} from './complaint-submit';
import { EvidenceUpload, type EvidenceItem, type EvidenceTexts } from './evidence-upload';
import { FiledReceiptView, type ReceiptTexts } from './filed-receipt';
import shared from '@/components/survey-public/survey-form.module.css';
import styles from './complaint-public.module.css';

export interface CategoryOption {
  code: string;
  name: string;
  description: string;
  defaultOrganizationCode: string;
}

export interface OrganizationOption {
  code: string;
  name: string;
}

export interface ServiceOption {
  id: string;
  name: string;
  organizationCode: string;
  organizationName: string;
}

/** Every text of the form, translated on the server: no translation runtime in the browser. */
export interface ComplaintFormTexts {
  optional: string;
  aboutSection: string;
  categoryLabel: string;
  categoryPlaceholder: string;
  targetSection: string;
  targetHint: string;
  serviceLabel: string;
  serviceHint: string;
  serviceUnknown: string;
  organizationLabel: string;
  organizationNone: string;
  /** "Pengaduan ditujukan ke {organization}." */
  target: string;
  targetUnknown: string;
  titleLabel: string;
  titleHint: string;
  descriptionLabel: string;
  descriptionHint: string;
  locationSection: string;
  useLocation: string;
  locating: string;
  /** "Lokasi terbaca: {latitude}, {longitude} (± {accuracy} m)." */
  locationFound: string;
  locationRemove: string;
  locationDenied: string;
  locationUnavailable: string;
  locationUnsupported: string;
  addressLabel: string;
  addressHint: string;
  /** Labels an address sent without coordinates ("Lokasi"). */
  addressPrefix: string;
  evidenceSection: string;
  evidence: EvidenceTexts;
  identitySection: string;
  anonymousLabel: string;
  anonymousHint: string;
  nameLabel: string;
  emailLabel: string;
  phoneLabel: string;
  contactHint: string;
  visibilitySection: string;
  confidentialLabel: string;
  confidentialHint: string;
  publicLabel: string;
  publicHint: string;
  honeypotLabel: string;
  errorCategory: string;
  errorTitle: string;
  errorDescription: string;
  errorEmail: string;
  /** "Periksa kembali {count} isian yang ditandai." */
  errorSummary: string;
  uploadsPending: string;
  submit: string;
  sending: string;
  retry: string;
  errorRateLimited: string;
  errorInvalid: string;
  errorNetwork: string;
  errorFailed: string;
  receipt: ReceiptTexts;
}

interface Props {
  categories: readonly CategoryOption[];
  organizations: readonly OrganizationOption[];
  services: readonly ServiceOption[];
  /** `/lapor?layanan=<id>`: the service the citizen came from. */
  initialServiceId: string | null;
  /** The `bukti-pengaduan` upload purpose; null when the file service did not answer. */
  evidencePurpose: UploadPurposeLimits | null;
  /** The mutation's text (printed on the server from the typed document). */
  mutation: string;
  texts: ComplaintFormTexts;
  locale: string;
  timeZone: string;
  trackHref: string;
}

type FieldName = 'kategori' | 'judul' | 'uraian' | 'email';

type Position = ComplaintLocationDraft & { accuracy: number };

type Locating =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'found'; position: Position }
  | { kind: 'error'; message: string };

// The service's limits, checked here first so the citizen learns at the field.
const TITLE_MIN = 3;
const TITLE_MAX = 150;
const DESCRIPTION_MIN = 10;
const DESCRIPTION_MAX = 5000;
const MAX_EVIDENCE = 5;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function describeFailure(failure: PublicFailure, texts: ComplaintFormTexts): string {
  switch (failure.kind) {
    case 'rateLimited':
      return texts.errorRateLimited;
    case 'network':
      return texts.errorNetwork;
    case 'invalid':
      return failure.message ? `${texts.errorInvalid} ${failure.message}` : texts.errorInvalid;
    case 'notFound':
      return texts.errorFailed;
    case 'failed':
      return failure.message ?? texts.errorFailed;
  }
}

/** "Nama layanan — Perangkat daerah": one suggestion of the service field, unique per service. */
function serviceLabel(service: ServiceOption): string {
  return `${service.name} — ${service.organizationName}`;
}

/**
 * The public complaint form (Perwali 64 §17(4)e), no account needed: category, the service or
 * organization complained about, what happened, an optional location and evidence, identity or
 * anonymity, and who may read it. The submission id is made once and reused by every retry, so a
 * retry never files twice. Afterwards the tracking code is shown, once.
 */
export function ComplaintForm(props: Props) {
  const { texts, categories, organizations, services } = props;
  const submissionId = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [categoryCode, setCategoryCode] = useState('');
  const [serviceText, setServiceText] = useState(() => {
    const initial = services.find((service) => service.id === props.initialServiceId);
    return initial ? serviceLabel(initial) : '';
  });
  const [organizationCode, setOrganizationCode] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [locating, setLocating] = useState<Locating>({ kind: 'idle' });
  const [evidence, setEvidence] = useState<readonly EvidenceItem[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [blocked, setBlocked] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<PublicFailure | null>(null);
  const [receipt, setReceipt] = useState<FiledReceipt | null>(null);

  const servicesByLabel = useMemo(
    () => new Map(services.map((service) => [serviceLabel(service), service])),
    [services],
  );
  const organizationNames = useMemo(
    () => new Map(organizations.map((organization) => [organization.code, organization.name])),
    [organizations],
  );

  useEffect(() => {
    submissionId.current ??= newSubmissionId(crypto);
    setReady(true);
  }, []);

  const service = servicesByLabel.get(serviceText.trim()) ?? null;
  const category = categories.find((candidate) => candidate.code === categoryCode) ?? null;
  const targetName = service
    ? service.organizationName
    : organizationCode
      ? organizationNames.get(organizationCode)
      : category
        ? organizationNames.get(category.defaultOrganizationCode)
        : undefined;

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating({ kind: 'error', message: texts.locationUnsupported });
      return;
    }
    setLocating({ kind: 'busy' });
    navigator.geolocation.getCurrentPosition(
      (found) =>
        setLocating({
          kind: 'found',
          position: {
            ...roundedPosition(found.coords),
            accuracy: Math.round(found.coords.accuracy),
          },
        }),
      (error) =>
        setLocating({
          kind: 'error',
          message:
            error.code === error.PERMISSION_DENIED
              ? texts.locationDenied
              : texts.locationUnavailable,
        }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  function validate(data: FormData): Partial<Record<FieldName, string>> {
    const found: Partial<Record<FieldName, string>> = {};
    if (!String(data.get('kategori') ?? '')) found.kategori = texts.errorCategory;
    if (String(data.get('judul') ?? '').trim().length < TITLE_MIN) found.judul = texts.errorTitle;
    if (String(data.get('uraian') ?? '').trim().length < DESCRIPTION_MIN) {
      found.uraian = texts.errorDescription;
    }
    const email = String(data.get('email') ?? '').trim();
    if (email && !EMAIL.test(email)) found.email = texts.errorEmail;
    return found;
  }

  // Once errors are shown, each change re-checks them, so a corrected field stops being red.
  function recheck(event: FormEvent<HTMLFormElement>) {
    if (Object.keys(errors).length) setErrors(validate(new FormData(event.currentTarget)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const invalid = validate(data);
    setErrors(invalid);
    setFailure(null);
    const first = Object.keys(invalid)[0];
    if (first) {
      form.querySelector<HTMLElement>(`#${first}`)?.focus();
      setBlocked(null);
      return;
    }
    const unfinished = evidence.some(
      (item) => item.state.kind === 'preparing' || item.state.kind === 'uploading',
    );
    if (unfinished) {
      setBlocked(texts.uploadsPending);
      return;
    }
    setBlocked(null);
    setSending(true);
    submissionId.current ??= newSubmissionId(crypto);
    const variables = complaintVariables({
      submissionId: submissionId.current,
      categoryCode: String(data.get('kategori')),
      serviceId: service?.id ?? null,
      organizationCode: organizationCode || null,
      title: String(data.get('judul') ?? ''),
      description: String(data.get('uraian') ?? ''),
      anonymous,
      contact: {
        name: String(data.get('nama') ?? ''),
        email: String(data.get('email') ?? ''),
        phone: String(data.get('telepon') ?? ''),
      },
      position: locating.kind === 'found' ? locating.position : null,
      address: String(data.get('alamat') ?? ''),
      visibility: (data.get('visibilitas') === 'PUBLIC'
        ? 'PUBLIC'
        : 'CONFIDENTIAL') as ComplaintVisibility,
      evidenceFileIds: evidence.flatMap((item) =>
        item.state.kind === 'done' ? [item.state.fileId] : [],
      ),
      website: String(data.get('website') ?? ''),
      addressLabel: texts.addressPrefix,
    });
    const outcome = await postPublicOperation<FiledReceipt>(
      'FilePublicComplaint',
      props.mutation,
      variables,
      'filePublicComplaint',
    );
    setSending(false);
    if (outcome.kind === 'ok' && outcome.value) setReceipt(outcome.value);
    else setFailure(outcome.kind === 'ok' ? { kind: 'failed', message: null } : outcome);
  }

  if (receipt) {
    return (
      <FiledReceiptView
        receipt={receipt}
        texts={texts.receipt}
        locale={props.locale}
        timeZone={props.timeZone}
        trackHref={props.trackHref}
      />
    );
  }

  const errorCount = Object.keys(errors).length;
  const failureText = failure ? describeFailure(failure, texts) : null;
  const invalidProps = (name: FieldName, hintId?: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby':
      [errors[name] ? `${name}-galat` : null, hintId].filter(Boolean).join(' ') || undefined,
  });
  const fieldError = (name: FieldName) =>
    errors[name] ? (
      <p id={`${name}-galat`} className={styles.fieldError}>
        {errors[name]}
      </p>
    ) : null;
  const optional = <span className={styles.optional}>({texts.optional})</span>;

  return (
    <form className={styles.form} onSubmit={submit} onChange={recheck} noValidate method="post">
      <fieldset className={styles.section}>
        <legend className={styles.legend}>{texts.aboutSection}</legend>
        <div className={styles.field}>
          <label htmlFor="kategori">{texts.categoryLabel}</label>
          <select
            id="kategori"
            name="kategori"
            value={categoryCode}
            onChange={(event) => setCategoryCode(event.currentTarget.value)}
            required
            {...invalidProps('kategori', category ? 'kategori-petunjuk' : undefined)}
          >
            <option value="">{texts.categoryPlaceholder}</option>
            {categories.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
          {fieldError('kategori')}
          {category ? (
            <p id="kategori-petunjuk" className={styles.hint}>
              {category.description}
            </p>
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor="judul">{texts.titleLabel}</label>
          <input
            id="judul"
            name="judul"
            type="text"
            maxLength={TITLE_MAX}
            required
            autoComplete="off"
            {...invalidProps('judul', 'judul-petunjuk')}
          />
          {fieldError('judul')}
          <p id="judul-petunjuk" className={styles.hint}>
            {texts.titleHint}
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor="uraian">{texts.descriptionLabel}</label>
          <textarea
            id="uraian"
            name="uraian"
            rows={6}
            maxLength={DESCRIPTION_MAX}
            required
            {...invalidProps('uraian', 'uraian-petunjuk')}
          />
          {fieldError('uraian')}
          <p id="uraian-petunjuk" className={styles.hint}>
            {texts.descriptionHint}
          </p>
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>{texts.targetSection}</legend>
        <p className={styles.hint}>{texts.targetHint}</p>
        <div className={styles.field}>
          <label htmlFor="layanan">
            {texts.serviceLabel} {optional}
          </label>
          <input
            id="layanan"
            name="layanan"
            type="text"
            list="daftar-layanan"
            autoComplete="off"
            value={serviceText}
            onChange={(event) => setServiceText(event.currentTarget.value)}
            aria-describedby="layanan-petunjuk"
          />
          <datalist id="daftar-layanan">
            {services.map((option) => (
              <option key={option.id} value={serviceLabel(option)} />
            ))}
          </datalist>
          <p id="layanan-petunjuk" className={styles.hint}>
            {serviceText.trim() && !service ? texts.serviceUnknown : texts.serviceHint}
          </p>
        </div>
        {service ? null : (
          <div className={styles.field}>
            <label htmlFor="organisasi">
              {texts.organizationLabel} {optional}
            </label>
            <select
              id="organisasi"
              name="organisasi"
              value={organizationCode}
              onChange={(event) => setOrganizationCode(event.currentTarget.value)}
            >
              <option value="">{texts.organizationNone}</option>
              {organizations.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className={styles.target} aria-live="polite" data-testid="tujuan-pengaduan">
          {targetName
            ? fillTemplate(texts.target, { organization: targetName })
            : texts.targetUnknown}
        </p>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          {texts.locationSection} {optional}
        </legend>
        <div className={styles.row}>
          <button
            type="button"
            className={styles.secondary}
            onClick={locate}
            disabled={!ready || locating.kind === 'busy'}
          >
            {locating.kind === 'busy' ? texts.locating : texts.useLocation}
          </button>
          {locating.kind === 'found' ? (
            <button
              type="button"
              className={styles.secondary}
              onClick={() => setLocating({ kind: 'idle' })}
            >
              {texts.locationRemove}
            </button>
          ) : null}
        </div>
        <p
          className={`${styles.status} ${locating.kind === 'error' ? styles.fieldError : ''}`}
          role="status"
          data-testid="status-lokasi"
        >
          {locating.kind === 'found'
            ? fillTemplate(texts.locationFound, {
                latitude: locating.position.latitude,
                longitude: locating.position.longitude,
                accuracy: locating.position.accuracy,
              })
            : locating.kind === 'error'
              ? locating.message
              : ''}
        </p>
        <div className={styles.field}>
          <label htmlFor="alamat">{texts.addressLabel}</label>
          <input
            id="alamat"
            name="alamat"
            type="text"
            maxLength={300}
            autoComplete="street-address"
            aria-describedby="alamat-petunjuk"
          />
          <p id="alamat-petunjuk" className={styles.hint}>
            {texts.addressHint}
          </p>
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          {texts.evidenceSection} {optional}
        </legend>
        <EvidenceUpload
          purpose={props.evidencePurpose}
          maxFiles={MAX_EVIDENCE}
          texts={texts.evidence}
          locale={props.locale}
          onChange={setEvidence}
        />
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>{texts.identitySection}</legend>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="anonim"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.currentTarget.checked)}
          />
          <span className={styles.choiceText}>
            <strong>{texts.anonymousLabel}</strong>
            <span className={styles.hint}>{texts.anonymousHint}</span>
          </span>
        </label>
        {anonymous ? null : (
          <>
            <p className={styles.hint} id="kontak-petunjuk">
              {texts.contactHint}
            </p>
            <div className={styles.field}>
              <label htmlFor="nama">
                {texts.nameLabel} {optional}
              </label>
              <input id="nama" name="nama" type="text" maxLength={100} autoComplete="name" />
            </div>
            <div className={styles.field}>
              <label htmlFor="email">
                {texts.emailLabel} {optional}
              </label>
              <input
                id="email"
                name="email"
                type="email"
                maxLength={200}
                autoComplete="email"
                inputMode="email"
                {...invalidProps('email')}
              />
              {fieldError('email')}
            </div>
            <div className={styles.field}>
              <label htmlFor="telepon">
                {texts.phoneLabel} {optional}
              </label>
              <input
                id="telepon"
                name="telepon"
                type="tel"
                maxLength={20}
                autoComplete="tel"
                inputMode="tel"
              />
            </div>
          </>
        )}
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>{texts.visibilitySection}</legend>
        <div className={styles.choices}>
          <label className={styles.choice}>
            <input type="radio" name="visibilitas" value="CONFIDENTIAL" defaultChecked />
            <span className={styles.choiceText}>
              <strong>{texts.confidentialLabel}</strong>
              <span className={styles.hint}>{texts.confidentialHint}</span>
            </span>
          </label>
          <label className={styles.choice}>
            <input type="radio" name="visibilitas" value="PUBLIC" />
            <span className={styles.choiceText}>
              <strong>{texts.publicLabel}</strong>
              <span className={styles.hint}>{texts.publicHint}</span>
            </span>
          </label>
        </div>
      </fieldset>

      {/* Bait for bots: off-screen (not display:none, which bots skip), out of the tab order. */}
      <div className={shared.honeypot} aria-hidden="true">
        <label htmlFor="website">{texts.honeypotLabel}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      {errorCount ? (
        <p role="alert" className={shared.error}>
          {fillTemplate(texts.errorSummary, { count: errorCount })}
        </p>
      ) : null}
      {blocked ? (
        <p role="alert" className={shared.error}>
          {blocked}
        </p>
      ) : null}
      {failureText ? (
        <p role="alert" className={shared.error} data-testid="galat-kirim">
          {failureText}
        </p>
      ) : null}

      <button type="submit" className={shared.submit} disabled={!ready || sending}>
        {sending ? texts.sending : failure ? texts.retry : texts.submit}
      </button>
    </form>
  );
}
