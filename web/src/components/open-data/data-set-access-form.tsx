'use client';
import { useActionState } from 'react';
import surveyStyles from '@/components/survey-public/survey-public.module.css';
import { updateDataSetAccess, type AccessFormState } from './data-set-access.action';
import styles from './open-data.module.css';

interface Option {
  value: string;
  label: string;
}

export interface AccessFormTexts {
  title: string;
  classification: string;
  frequency: string;
  description: string;
  readerRoles: string;
  readerOrganizations: string;
  save: string;
  saving: string;
}

/**
 * The walidata's settings of one data set (classification, readers, frequency, description): a
 * plain form posted to a server action, so the public page loads no UI library for it.
 */
export function DataSetAccessForm({
  dataSet,
  classifications,
  roles,
  organizations,
  texts,
}: {
  dataSet: {
    id: string;
    classification: string;
    updateFrequency: string;
    description: string;
    readerRoles: readonly string[];
    readerOrganizations: readonly string[];
  };
  classifications: readonly Option[];
  roles: readonly Option[];
  organizations: readonly Option[];
  texts: AccessFormTexts;
}) {
  const [state, action, pending] = useActionState<AccessFormState, FormData>(updateDataSetAccess, {
    status: 'idle',
    message: null,
  });
  return (
    <form action={action} className={styles.form} aria-labelledby="atur-akses">
      <h2 id="atur-akses">{texts.title}</h2>
      <input type="hidden" name="id" value={dataSet.id} />
      <div className={surveyStyles.field}>
        <label htmlFor="klasifikasi">{texts.classification}</label>
        <select id="klasifikasi" name="classification" defaultValue={dataSet.classification}>
          {classifications.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className={surveyStyles.field}>
        <label htmlFor="frekuensi">{texts.frequency}</label>
        <input id="frekuensi" name="updateFrequency" defaultValue={dataSet.updateFrequency} />
      </div>
      <div className={surveyStyles.field}>
        <label htmlFor="deskripsi">{texts.description}</label>
        <textarea id="deskripsi" name="description" defaultValue={dataSet.description} />
      </div>
      <fieldset>
        <legend>{texts.readerRoles}</legend>
        {roles.map((role) => (
          <label key={role.value}>
            <input
              type="checkbox"
              name="readerRoles"
              value={role.value}
              defaultChecked={dataSet.readerRoles.includes(role.value)}
            />
            {role.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{texts.readerOrganizations}</legend>
        {organizations.map((organization) => (
          <label key={organization.value}>
            <input
              type="checkbox"
              name="readerOrganizations"
              value={organization.value}
              defaultChecked={dataSet.readerOrganizations.includes(organization.value)}
            />
            {organization.label}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">
        {state.message ? (
          <p
            role={state.status === 'error' ? 'alert' : 'status'}
            className={state.status === 'error' ? surveyStyles.error : styles.success}
          >
            {state.message}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className={surveyStyles.button} disabled={pending}>
          {pending ? texts.saving : texts.save}
        </button>
      </p>
    </form>
  );
}
