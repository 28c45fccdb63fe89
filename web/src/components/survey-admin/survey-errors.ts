import type { CombinedError } from '@urql/core';
import { describeGraphQLError, errorMessage } from '@/graphql/error-message';
import { LIST_COMPONENTS, TEXT_COMPONENTS } from './standard-form.schema';

export interface SurveyFormErrors {
  /** Messages to show beside fields, by form path. */
  fields: Record<string, string>;
  /** What cannot be placed beside a field, or null. */
  general: string | null;
  /** The service answered CONFLICT (someone else saved the draft first). */
  conflict: boolean;
}

/** Maps a field as the service names it (`input.components.requirements.2`) to a form path. */
export type FieldResolver = (field: string) => string | null;

/** A field named only in words (a service message without `extensions.fields`). */
export interface MessageField {
  pattern: RegExp;
  field: string;
}

const NUMBER_COMPONENTS = ['completionDays', 'numberOfOfficers'] as const;
const STANDARD_TOP = ['organizationCode', 'name', 'category', 'description', 'onlineServiceUrl'];
const STANDARD_LISTS: readonly string[] = LIST_COMPONENTS;
const STANDARD_SINGLE: readonly string[] = [...TEXT_COMPONENTS, ...NUMBER_COMPONENTS];

/** Form paths of the standard editor (`components.procedure.2.value` for one row of a list). */
export const standardFieldPath: FieldResolver = (field) => {
  const parts = field.replace(/^input\./, '').split('.');
  if (parts[0] && STANDARD_TOP.includes(parts[0])) return parts[0];
  const [component, index] = parts[0] === 'components' ? parts.slice(1) : parts;
  if (!component) return null;
  if (STANDARD_LISTS.includes(component)) {
    return index !== undefined && /^\d+$/.test(index)
      ? `components.${component}.${index}.value`
      : `components.${component}`;
  }
  if (STANDARD_SINGLE.includes(component)) return `components.${component}`;
  return null;
};

/** Indonesian names of the standard's fields, for service messages that name a field in words. */
export const STANDARD_MESSAGE_FIELDS: readonly MessageField[] = [
  { pattern: /dasar hukum/i, field: 'components.legalBasis' },
  { pattern: /prosedur|mekanisme/i, field: 'components.procedure' },
  { pattern: /jangka waktu|waktu penyelesaian/i, field: 'components.completionTime' },
  { pattern: /hari kerja/i, field: 'components.completionDays' },
  { pattern: /biaya|tarif/i, field: 'components.cost' },
  { pattern: /produk/i, field: 'components.products' },
  { pattern: /sarana|prasarana|fasilitas/i, field: 'components.facilities' },
  { pattern: /kompetensi/i, field: 'components.officerCompetence' },
  { pattern: /pengawasan/i, field: 'components.internalSupervision' },
  { pattern: /pengaduan/i, field: 'components.complaintHandling' },
  { pattern: /jumlah pelaksana/i, field: 'components.numberOfOfficers' },
  { pattern: /jaminan keamanan|keselamatan/i, field: 'components.securityGuarantee' },
  { pattern: /jaminan pelayanan/i, field: 'components.serviceGuarantee' },
  { pattern: /evaluasi kinerja/i, field: 'components.performanceEvaluation' },
  { pattern: /persyaratan/i, field: 'components.requirements' },
  { pattern: /tautan|alamat layanan|url/i, field: 'onlineServiceUrl' },
  { pattern: /kategori/i, field: 'category' },
  { pattern: /nama layanan/i, field: 'name' },
  { pattern: /organisasi/i, field: 'organizationCode' },
];

/** Form paths of the pledge editor. */
export const pledgeFieldPath: FieldResolver = (field) => {
  const parts = field.replace(/^input\./, '').split('.');
  const [root, index] = parts;
  if (root === 'commitments') {
    return index !== undefined && /^\d+$/.test(index)
      ? `commitments.${index}.value`
      : 'commitments';
  }
  return root && ['text', 'signatoryName', 'signatoryPosition', 'effectiveDate'].includes(root)
    ? root
    : null;
};

export const PLEDGE_MESSAGE_FIELDS: readonly MessageField[] = [
  { pattern: /butir|janji/i, field: 'commitments' },
  { pattern: /jabatan/i, field: 'signatoryPosition' },
  { pattern: /penanda ?tangan|nama pejabat/i, field: 'signatoryName' },
  { pattern: /tanggal/i, field: 'effectiveDate' },
  { pattern: /isi|teks|kalimat/i, field: 'text' },
];

/** Field names written in a message the way the input names them ("components.cost: …"). */
function namedInMessage(message: string, resolve: FieldResolver): string | null {
  for (const match of message.matchAll(/\b(?:input\.)?([A-Za-z]+(?:\.[A-Za-z0-9]+)*)\s*:/g)) {
    const path = match[1] ? resolve(match[1]) : null;
    if (path) return path;
  }
  return null;
}

/**
 * A failed save as messages beside the form's fields: BAD_USER_INPUT errors carry
 * `extensions.fields` ([{field, message}]) or name the field in their message; CONFLICT is flagged
 * for the page's own wording; the rest is shown above the form.
 */
export function surveyFormErrors(
  error: CombinedError | undefined | null,
  resolve: FieldResolver,
  messageFields: readonly MessageField[] = [],
): SurveyFormErrors {
  if (!error) return { fields: {}, general: null, conflict: false };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  let conflict = false;
  const place = (path: string, message: string) => {
    fields[path] = fields[path] ? `${fields[path]} ${message}` : message;
  };
  for (const graphQLError of error.graphQLErrors) {
    const extensions = graphQLError.extensions ?? {};
    if (extensions.code === 'CONFLICT') {
      conflict = true;
      continue;
    }
    if (extensions.code !== 'BAD_USER_INPUT') {
      general.push(describeGraphQLError(graphQLError));
      continue;
    }
    const listed = Array.isArray(extensions.fields) ? extensions.fields : [];
    let placed = false;
    for (const entry of listed) {
      if (!entry || typeof entry !== 'object') continue;
      const { field, message } = entry as { field?: unknown; message?: unknown };
      if (typeof field !== 'string' || typeof message !== 'string') continue;
      const path = resolve(field);
      if (!path) continue;
      place(path, message);
      placed = true;
    }
    if (placed) continue;
    const text = describeGraphQLError(graphQLError);
    const named =
      namedInMessage(graphQLError.message ?? '', resolve) ??
      messageFields.find(({ pattern }) => pattern.test(text))?.field ??
      null;
    if (named) place(named, text);
    else general.push(text);
  }
  if (error.graphQLErrors.length === 0) general.push(errorMessage(error) ?? '');
  const unique = [...new Set(general.filter(Boolean))];
  return { fields, general: unique.length ? unique.join(' ') : null, conflict };
}
