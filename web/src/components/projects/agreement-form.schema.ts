import { z } from 'zod';

type Translate = (key: string) => string;

export interface AgreementFormValues {
  documentId: string;
  number: string;
  /** YYYY-MM-DD. */
  signedOn: string;
}

/** A calendar date written YYYY-MM-DD that exists (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The loan agreement BPKAD records once the lender approved: one of the project's documents
 * (whose version must be sealed — the service checks), its number and signing date, not later
 * than today.
 */
export function agreementFormSchema(t: Translate, today: string) {
  return z.object({
    documentId: z.string().min(1, t('required')),
    number: z.string().trim().min(1, t('required')).max(120, t('tooLong')),
    signedOn: z
      .string()
      .refine(isCalendarDate, t('date'))
      .refine((value) => value <= today, t('future')),
  });
}

/** Sealed versions of a document, newest first. */
export function sealedVersions(
  versions: readonly { number: number; signatures: readonly unknown[] }[],
): number[] {
  return versions
    .filter((version) => version.signatures.length > 0)
    .map((version) => version.number)
    .sort((a, b) => b - a);
}
