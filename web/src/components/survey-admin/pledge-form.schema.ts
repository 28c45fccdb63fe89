import { isCalendarDate } from './recommendation';
import { listRow, type ListRow } from './standard-form.schema';

export interface PledgeFormValues {
  text: string;
  commitments: ListRow[];
  signatoryName: string;
  signatoryPosition: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
}

export interface PledgeVersionLike {
  text: string;
  commitments: readonly string[];
  signatoryName: string;
  signatoryPosition: string;
  effectiveDate: string;
}

export interface PledgeInputValue {
  text: string;
  commitments: string[];
  signatoryName: string;
  signatoryPosition: string;
  effectiveDate: string;
}

export type PledgeErrors = Record<string, string>;

export const PLEDGE_LIMITS = { text: 5000, commitment: 1000, commitments: 50, name: 300 } as const;

/** The editor filled from the draft, else the published pledge, else empty. */
export function pledgeFormValues(version: PledgeVersionLike | null | undefined): PledgeFormValues {
  return {
    text: version?.text ?? '',
    commitments: (version?.commitments ?? []).map((value) => listRow(value)),
    signatoryName: version?.signatoryName ?? '',
    signatoryPosition: version?.signatoryPosition ?? '',
    effectiveDate: version?.effectiveDate ?? '',
  };
}

type Check = 'required' | 'tooLong' | 'tooMany' | 'commitmentRequired' | 'date';

/**
 * The pledge as the service expects it (text, at least one commitment, signatory, effective date),
 * or the fields to fix by form path.
 */
export function pledgeInput(
  values: PledgeFormValues,
  t: (key: Check) => string,
): { input: PledgeInputValue } | { errors: PledgeErrors } {
  const errors: PledgeErrors = {};
  const text = values.text.trim();
  const commitments = values.commitments
    .map((row) => row.value.trim())
    .filter((value) => value !== '');
  const signatoryName = values.signatoryName.trim();
  const signatoryPosition = values.signatoryPosition.trim();
  const effectiveDate = values.effectiveDate.trim();
  if (!text) errors.text = t('required');
  else if (text.length > PLEDGE_LIMITS.text) errors.text = t('tooLong');
  if (commitments.length === 0) errors.commitments = t('commitmentRequired');
  else if (commitments.length > PLEDGE_LIMITS.commitments) errors.commitments = t('tooMany');
  values.commitments.forEach((row, index) => {
    if (row.value.trim().length > PLEDGE_LIMITS.commitment) {
      errors[`commitments.${index}.value`] = t('tooLong');
    }
  });
  if (!signatoryName) errors.signatoryName = t('required');
  else if (signatoryName.length > PLEDGE_LIMITS.name) errors.signatoryName = t('tooLong');
  if (!signatoryPosition) errors.signatoryPosition = t('required');
  else if (signatoryPosition.length > PLEDGE_LIMITS.name) errors.signatoryPosition = t('tooLong');
  if (!isCalendarDate(effectiveDate)) errors.effectiveDate = t('date');
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { text, commitments, signatoryName, signatoryPosition, effectiveDate } };
}
