import { z } from 'zod';
import {
  locationFieldsSchema,
  toLocationInput,
  type LocationFormValues,
} from './project-locations.schema';

type Translate = (key: string) => string;

/** What the project form edits; number inputs give numbers, or '' while empty. */
export interface ProjectFormValues {
  fiscalYear: number | string;
  name: string;
  description: string;
  borrowingReason: string;
  organizationCode: string;
  lenderOrganizationCode: string;
  /** Whole rupiah. */
  amount: number | string;
  tenorMonths: number | string;
  consultant: { name: string; contractNumber: string; supervisor: string; contact: string };
  /** Sub-kegiatan codes (Permendagri 90/2019). */
  planningCodes: string[];
  /** Only when creating; afterwards locations are edited on the project's Lokasi tab. */
  locations: LocationFormValues[];
}

/** The service's limits (projects service validation). */
export const LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  maxAmount: 1e15,
  minTenor: 1,
  maxTenor: 360,
} as const;

/** A whole number typed in a number input (a number, or text while being typed). */
export function toWholeNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(/\./g, '');
  return text === '' ? Number.NaN : Number(text);
}

// Refinements, not transforms: they run even when another field failed, so every mistake shows.
function wholeNumber(message: string, min: number, max: number) {
  return z.union([z.number(), z.string()]).refine((value) => {
    const number = toWholeNumber(value);
    return Number.isInteger(number) && number >= min && number <= max;
  }, message);
}

const blankToNull = (value: string) => value.trim() || null;

/**
 * The rules the projects service applies to `LoanProjectInput`, so most mistakes are caught in
 * the browser: year 2000–2100, amount a whole number of rupiah above zero up to 10^15, tenor
 * 1–360 months, the lender different from the executing organization, consultant's name when
 * any consultant data is given, locations inside Indonesia. Parses into the mutation's input.
 */
export function projectFormSchema(t: Translate) {
  const tooLong = t('tooLong');
  return z
    .object({
      fiscalYear: wholeNumber(t('fiscalYear'), LIMITS.minYear, LIMITS.maxYear),
      name: z.string().trim().min(3, t('name')).max(300, tooLong),
      description: z.string().trim().min(1, t('required')).max(10_000, tooLong),
      borrowingReason: z.string().trim().min(1, t('required')).max(10_000, tooLong),
      organizationCode: z.string().min(1, t('required')),
      lenderOrganizationCode: z.string().min(1, t('required')),
      amount: wholeNumber(t('amount'), 1, LIMITS.maxAmount),
      tenorMonths: wholeNumber(t('tenor'), LIMITS.minTenor, LIMITS.maxTenor),
      consultant: z.object({
        name: z.string().trim().max(300, tooLong),
        contractNumber: z.string().trim().max(200, tooLong),
        supervisor: z.string().trim().max(300, tooLong),
        contact: z.string().trim().max(300, tooLong),
      }),
      planningCodes: z.array(z.string()).max(50, t('tooMany')),
      locations: z.array(locationFieldsSchema(t)).max(50, t('tooMany')),
    })
    .superRefine((value, context) => {
      const { consultant } = value;
      if (
        !consultant.name &&
        (consultant.contractNumber || consultant.supervisor || consultant.contact)
      ) {
        context.addIssue({
          code: 'custom',
          path: ['consultant', 'name'],
          message: t('consultantName'),
        });
      }
      if (value.organizationCode && value.organizationCode === value.lenderOrganizationCode) {
        context.addIssue({
          code: 'custom',
          path: ['lenderOrganizationCode'],
          message: t('sameLender'),
        });
      }
    })
    .transform((value) => ({
      fiscalYear: toWholeNumber(value.fiscalYear),
      name: value.name,
      description: value.description,
      borrowingReason: value.borrowingReason,
      organizationCode: value.organizationCode,
      lenderOrganizationCode: value.lenderOrganizationCode,
      amount: toWholeNumber(value.amount),
      tenorMonths: toWholeNumber(value.tenorMonths),
      consultant: value.consultant.name
        ? {
            name: value.consultant.name,
            contractNumber: blankToNull(value.consultant.contractNumber),
            supervisor: blankToNull(value.consultant.supervisor),
            contact: blankToNull(value.consultant.contact),
          }
        : null,
      planningCodes: value.planningCodes,
      locations: value.locations.map(toLocationInput),
    }));
}

export type ProjectFormOutput = z.output<ReturnType<typeof projectFormSchema>>;

/** Empty form for a new proposal, in the current fiscal year. */
export function emptyProjectForm(fiscalYear: number): ProjectFormValues {
  return {
    fiscalYear,
    name: '',
    description: '',
    borrowingReason: '',
    organizationCode: '',
    lenderOrganizationCode: '',
    amount: '',
    tenorMonths: '',
    consultant: { name: '', contractNumber: '', supervisor: '', contact: '' },
    planningCodes: [],
    locations: [],
  };
}

/** The fields the executing agency (pelaksana) may change: technical data only. */
export const TECHNICAL_FIELDS = ['description', 'consultant', 'planningCodes'] as const;

/** Fields locked from APPROVED on (the lender's approval stands). */
export const LOCKED_AFTER_APPROVAL = [
  'fiscalYear',
  'organizationCode',
  'lenderOrganizationCode',
  'amount',
] as const;
