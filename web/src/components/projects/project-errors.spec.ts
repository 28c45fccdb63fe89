import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { serverFormErrors } from './project-errors';

const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });

describe('server errors in the project form', () => {
  it('places an unknown sub-kegiatan code beside the planning codes', () => {
    const message =
      'Kode sub kegiatan 1.03.99.2.01.01 tidak ada pada nomenklatur Kepmendagri 050-5889 Tahun 2021.';
    expect(serverFormErrors(new CombinedError({ graphQLErrors: [badInput(message)] }))).toEqual({
      fields: { planningCodes: message },
      general: null,
    });
  });

  it('places listed fields and keeps the rest above the form', () => {
    const error = new CombinedError({
      graphQLErrors: [
        badInput('Data tidak valid — …', {
          fields: [
            { field: 'locations.0.latitude', message: 'Koordinat di luar wilayah Indonesia' },
            { field: 'planningCodes.1', message: 'Kode tidak valid' },
            { field: 'unknownThing', message: 'abaikan' },
          ],
        }),
        new GraphQLError('Anda tidak berwenang melakukan tindakan ini.', {
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    expect(serverFormErrors(error)).toEqual({
      fields: {
        'locations.0.latitude': 'Koordinat di luar wilayah Indonesia',
        planningCodes: 'Kode tidak valid',
      },
      general: 'Anda tidak berwenang melakukan tindakan ini.',
    });
  });

  it('says nothing when the save succeeded and speaks of the network otherwise', () => {
    expect(serverFormErrors(undefined)).toEqual({ fields: {}, general: null });
    const offline = serverFormErrors(
      new CombinedError({ networkError: new Error('fetch failed') }),
    );
    expect(offline.fields).toEqual({});
    expect(offline.general).toMatch(/terhubung/);
  });
});
