import { describe, expect, it } from 'vitest';
import { agreementFormSchema, isCalendarDate, sealedVersions } from './agreement-form.schema';

const schema = agreementFormSchema((key) => key, '2025-06-30');

describe('loan agreement form', () => {
  it('accepts a document, a number and a past signing date', () => {
    expect(
      schema.safeParse({
        documentId: 'doc-1',
        number: ' 415/PKS/PTSMI/2025 ',
        signedOn: '2025-06-30',
      }).data,
    ).toEqual({ documentId: 'doc-1', number: '415/PKS/PTSMI/2025', signedOn: '2025-06-30' });
  });

  it('refuses a missing document, an empty number and impossible or future dates', () => {
    const issues = (values: unknown) =>
      schema
        .safeParse(values)
        .error?.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
    expect(issues({ documentId: '', number: '  ', signedOn: '2025-02-30' })).toEqual([
      'documentId:required',
      'number:required',
      'signedOn:date',
    ]);
    expect(issues({ documentId: 'd', number: 'n', signedOn: '2025-07-01' })).toEqual([
      'signedOn:future',
    ]);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('29-02-2024')).toBe(false);
  });

  it('lists the sealed versions newest first', () => {
    expect(
      sealedVersions([
        { number: 1, signatures: [{}] },
        { number: 2, signatures: [] },
        { number: 3, signatures: [{}, {}] },
      ]),
    ).toEqual([3, 1]);
  });
});
