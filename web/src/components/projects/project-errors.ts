import type { CombinedError } from '@urql/core';
import { describeGraphQLError, errorMessage } from '@/graphql/error-message';

export interface ServerFormErrors {
  /** Messages to show beside fields, by form path (`planningCodes`, `locations.0.latitude`). */
  fields: Record<string, string>;
  /** What cannot be placed beside a field, or null. */
  general: string | null;
}

/** Form paths the project form knows; the service's field names are the input's own. */
const KNOWN_ROOTS = new Set([
  'fiscalYear',
  'name',
  'description',
  'borrowingReason',
  'organizationCode',
  'lenderOrganizationCode',
  'amount',
  'tenorMonths',
  'consultant',
  'planningCodes',
  'locations',
  'number',
  'signedOn',
  'documentId',
]);

function formPath(field: string): string | null {
  const path = field.replace(/^input\./, '');
  const root = path.split('.')[0] ?? '';
  if (!KNOWN_ROOTS.has(root)) return null;
  // Every cited code is one field in the form (a multi-select).
  if (root === 'planningCodes') return 'planningCodes';
  return path;
}

/** Messages naming a field without the service saying which (e.g. an unknown sub-kegiatan). */
const MESSAGE_FIELDS: { pattern: RegExp; field: string }[] = [
  { pattern: /sub kegiatan|nomenklatur|kode perencanaan/i, field: 'planningCodes' },
  { pattern: /pemberi pinjaman/i, field: 'lenderOrganizationCode' },
];

/**
 * A failed save as messages beside the form's fields: BAD_USER_INPUT errors carry
 * `extensions.fields` ([{field, message}]) from the service's validation, or name a field in
 * their message; the rest is shown above the form.
 */
export function serverFormErrors(error: CombinedError | undefined | null): ServerFormErrors {
  if (!error) return { fields: {}, general: null };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const graphQLError of error.graphQLErrors) {
    const extensions = graphQLError.extensions ?? {};
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
      const path = formPath(field);
      if (!path) continue;
      fields[path] = fields[path] ? `${fields[path]} ${message}` : message;
      placed = true;
    }
    if (placed) continue;
    const text = describeGraphQLError(graphQLError);
    const named = MESSAGE_FIELDS.find(({ pattern }) => pattern.test(text));
    if (named && listed.length === 0) fields[named.field] = text;
    else general.push(text);
  }
  if (error.graphQLErrors.length === 0) general.push(errorMessage(error) ?? '');
  const unique = [...new Set(general.filter(Boolean))];
  return { fields, general: unique.length ? unique.join(' ') : null };
}
