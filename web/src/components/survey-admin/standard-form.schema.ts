import { z } from 'zod';

type Translate = (key: string) => string;

/** The components kept as lists (add/remove rows; the procedure's order matters). */
export const LIST_COMPONENTS = [
  'legalBasis',
  'requirements',
  'procedure',
  'products',
  'facilities',
  'officerCompetence',
] as const;
export type ListComponent = (typeof LIST_COMPONENTS)[number];

/** The components kept as one text each. */
export const TEXT_COMPONENTS = [
  'completionTime',
  'cost',
  'internalSupervision',
  'complaintHandling',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const;
export type TextComponent = (typeof TEXT_COMPONENTS)[number];

/** One row of a list; the key keeps React's rows apart while rows are added and removed. */
export interface ListRow {
  key: string;
  value: string;
}

export interface StandardFormValues {
  /** Only super-admin chooses it, when creating. */
  organizationCode: string;
  name: string;
  category: string;
  description: string;
  onlineServiceUrl: string;
  components: Record<ListComponent, ListRow[]> &
    Record<TextComponent, string> & {
      /** Whole working days, or '' when not measurable. */
      completionDays: number | string;
      numberOfOfficers: number | string;
    };
}

/** GraphQL `ServiceStandardInput`. */
export interface StandardInputValue {
  organizationCode?: string;
  name: string;
  category: string;
  description: string | null;
  onlineServiceUrl: string | null;
  components: Record<ListComponent, string[]> &
    Record<TextComponent, string> & {
      completionDays: number | null;
      numberOfOfficers: number | null;
    };
}

/** A version's components as the service returns them. */
export interface StandardVersionLike {
  name: string;
  category: string;
  description?: string | null;
  onlineServiceUrl?: string | null;
  components: Record<ListComponent, readonly string[]> &
    Record<TextComponent, string> & {
      completionDays?: number | null;
      numberOfOfficers?: number | null;
    };
}

export const LIMITS = {
  name: 300,
  category: 100,
  text: 5000,
  row: 2000,
  rows: 100,
  url: 2000,
  maxDays: 3650,
  maxOfficers: 100_000,
} as const;

let rowCounter = 0;
/** A fresh list row (unique key within the page). */
export function listRow(value = ''): ListRow {
  rowCounter += 1;
  return { key: `baris-${rowCounter}`, value };
}

const rows = (values: readonly string[] | undefined) => (values ?? []).map((v) => listRow(v));

/** The form filled from a version (the draft, else the published one), or empty for a new one. */
export function standardFormValues(
  version: StandardVersionLike | null | undefined,
  organizationCode = '',
): StandardFormValues {
  const components = version?.components;
  return {
    organizationCode,
    name: version?.name ?? '',
    category: version?.category ?? '',
    description: version?.description ?? '',
    onlineServiceUrl: version?.onlineServiceUrl ?? '',
    components: {
      legalBasis: rows(components?.legalBasis),
      requirements: rows(components?.requirements),
      procedure: rows(components?.procedure),
      products: rows(components?.products),
      facilities: rows(components?.facilities),
      officerCompetence: rows(components?.officerCompetence),
      completionTime: components?.completionTime ?? '',
      completionDays: components?.completionDays ?? '',
      cost: components?.cost ?? '',
      internalSupervision: components?.internalSupervision ?? '',
      complaintHandling: components?.complaintHandling ?? '',
      numberOfOfficers: components?.numberOfOfficers ?? '',
      serviceGuarantee: components?.serviceGuarantee ?? '',
      securityGuarantee: components?.securityGuarantee ?? '',
      performanceEvaluation: components?.performanceEvaluation ?? '',
    },
  };
}

/** A whole number typed in a number input, null when empty, NaN when not a number. */
export function optionalWholeNumber(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(/\./g, '');
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

function optionalCount(message: string, max: number) {
  return z.union([z.number(), z.string()]).refine((value) => {
    const number = optionalWholeNumber(value);
    return number === null || (Number.isInteger(number) && number >= 0 && number <= max);
  }, message);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What the browser checks before saving a draft: a name and a category, sensible numbers, an
 * http(s) address for the online service, nothing too long. Completeness for publication is the
 * service's to judge; its messages appear beside the fields.
 */
export function standardFormSchema(t: Translate, requireOrganization: boolean) {
  const tooLong = t('tooLong');
  const row = z.object({ key: z.string(), value: z.string().max(LIMITS.row, tooLong) });
  const list = z.array(row).max(LIMITS.rows, t('tooMany'));
  const text = z.string().max(LIMITS.text, tooLong);
  return z.object({
    organizationCode: requireOrganization ? z.string().min(1, t('required')) : z.string(),
    name: z.string().trim().min(3, t('name')).max(LIMITS.name, tooLong),
    category: z.string().trim().min(1, t('required')).max(LIMITS.category, tooLong),
    description: text,
    onlineServiceUrl: z
      .string()
      .trim()
      .max(LIMITS.url, tooLong)
      .refine((value) => value === '' || isHttpUrl(value), t('url')),
    components: z.object({
      legalBasis: list,
      requirements: list,
      procedure: list,
      products: list,
      facilities: list,
      officerCompetence: list,
      completionTime: text,
      completionDays: optionalCount(t('wholeNumber'), LIMITS.maxDays),
      cost: text,
      internalSupervision: text,
      complaintHandling: text,
      numberOfOfficers: optionalCount(t('wholeNumber'), LIMITS.maxOfficers),
      serviceGuarantee: text,
      securityGuarantee: text,
      performanceEvaluation: text,
    }),
  });
}

const values = (list: readonly ListRow[]) =>
  list.map((item) => item.value.trim()).filter((value) => value !== '');

const blankToNull = (value: string) => value.trim() || null;

/** The mutation input: text trimmed, empty rows left out, numbers or null. */
export function standardInput(
  form: StandardFormValues,
  withOrganization: boolean,
): StandardInputValue {
  const c = form.components;
  return {
    ...(withOrganization && form.organizationCode
      ? { organizationCode: form.organizationCode }
      : {}),
    name: form.name.trim(),
    category: form.category.trim(),
    description: blankToNull(form.description),
    onlineServiceUrl: blankToNull(form.onlineServiceUrl),
    components: {
      legalBasis: values(c.legalBasis),
      requirements: values(c.requirements),
      procedure: values(c.procedure),
      products: values(c.products),
      facilities: values(c.facilities),
      officerCompetence: values(c.officerCompetence),
      completionTime: c.completionTime.trim(),
      completionDays: optionalWholeNumber(c.completionDays),
      cost: c.cost.trim(),
      internalSupervision: c.internalSupervision.trim(),
      complaintHandling: c.complaintHandling.trim(),
      numberOfOfficers: optionalWholeNumber(c.numberOfOfficers),
      serviceGuarantee: c.serviceGuarantee.trim(),
      securityGuarantee: c.securityGuarantee.trim(),
      performanceEvaluation: c.performanceEvaluation.trim(),
    },
  };
}
