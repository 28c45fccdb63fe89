import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  PLEDGE_MESSAGE_FIELDS,
  STANDARD_MESSAGE_FIELDS,
  pledgeFieldPath,
  standardFieldPath,
  surveyFormErrors,
} from './survey-errors';

const failure = (...errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedError({
    graphQLErrors: errors.map(
      (error) => new GraphQLError(error.message, { extensions: error.extensions }),
    ),
  });

describe('survey form errors', () => {
  it('maps the service field names to the standard form paths', () => {
    expect(standardFieldPath('input.name')).toBe('name');
    expect(standardFieldPath('input.components.requirements.2')).toBe(
      'components.requirements.2.value',
    );
    expect(standardFieldPath('components.procedure')).toBe('components.procedure');
    expect(standardFieldPath('cost')).toBe('components.cost');
    expect(standardFieldPath('components.completionDays')).toBe('components.completionDays');
    expect(standardFieldPath('revision')).toBeNull();
  });

  it('places listed fields beside their inputs', () => {
    const errors = surveyFormErrors(
      failure({
        message: 'Data tidak valid — components.cost: Wajib diisi',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'components.cost', message: 'Wajib diisi' },
            { field: 'components.legalBasis.0', message: 'Terlalu panjang' },
          ],
        },
      }),
      standardFieldPath,
      STANDARD_MESSAGE_FIELDS,
    );
    expect(errors.fields).toEqual({
      'components.cost': 'Wajib diisi',
      'components.legalBasis.0.value': 'Terlalu panjang',
    });
    expect(errors.general).toBeNull();
    expect(errors.conflict).toBe(false);
  });

  it('finds the field a message names, by its input name or in words', () => {
    const byName = surveyFormErrors(
      failure({
        message: 'onlineServiceUrl: alamat harus https',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
      standardFieldPath,
      STANDARD_MESSAGE_FIELDS,
    );
    expect(byName.fields).toEqual({ onlineServiceUrl: 'onlineServiceUrl: alamat harus https' });
    const inWords = surveyFormErrors(
      failure({
        message: 'Prosedur wajib berisi paling sedikit satu langkah sebelum terbit.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
      standardFieldPath,
      STANDARD_MESSAGE_FIELDS,
    );
    expect(Object.keys(inWords.fields)).toEqual(['components.procedure']);
    const pledge = surveyFormErrors(
      failure({
        message: 'Tanggal berlaku tidak valid.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
      pledgeFieldPath,
      PLEDGE_MESSAGE_FIELDS,
    );
    expect(Object.keys(pledge.fields)).toEqual(['effectiveDate']);
  });

  it('flags a conflict and keeps other errors general', () => {
    const errors = surveyFormErrors(
      failure(
        { message: 'Draf sudah diubah.', extensions: { code: 'CONFLICT' } },
        { message: 'Anda tidak berwenang.', extensions: { code: 'FORBIDDEN' } },
      ),
      standardFieldPath,
    );
    expect(errors.conflict).toBe(true);
    expect(errors.general).toBe('Anda tidak berwenang.');
    expect(surveyFormErrors(null, standardFieldPath)).toEqual({
      fields: {},
      general: null,
      conflict: false,
    });
  });
});
