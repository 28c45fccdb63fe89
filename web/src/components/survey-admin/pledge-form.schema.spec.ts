import { describe, expect, it } from 'vitest';
import { pledgeFormValues, pledgeInput } from './pledge-form.schema';
import { listRow } from './standard-form.schema';

const t = (key: string) => key;

describe('service pledge form', () => {
  it('asks for every part of the pledge', () => {
    const result = pledgeInput(pledgeFormValues(null), t);
    expect(result).toEqual({
      errors: {
        text: 'required',
        commitments: 'commitmentRequired',
        signatoryName: 'required',
        signatoryPosition: 'required',
        effectiveDate: 'date',
      },
    });
  });

  it('sends the commitments without blank rows', () => {
    const values = pledgeFormValues({
      text: 'Dengan ini kami menyatakan sanggup',
      commitments: ['Melayani sesuai standar'],
      signatoryName: 'dr. Hasan',
      signatoryPosition: 'Kepala Dinas Kesehatan',
      effectiveDate: '2026-01-02',
    });
    values.commitments.push(listRow('  '), listRow(' Memberi kompensasi '));
    expect(pledgeInput(values, t)).toEqual({
      input: {
        text: 'Dengan ini kami menyatakan sanggup',
        commitments: ['Melayani sesuai standar', 'Memberi kompensasi'],
        signatoryName: 'dr. Hasan',
        signatoryPosition: 'Kepala Dinas Kesehatan',
        effectiveDate: '2026-01-02',
      },
    });
  });
});
