import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeGraphQLError, errorMessage } from './error-message';

const graphQLError = (message: string, code?: string) =>
  new GraphQLError(message, { extensions: code ? { code } : {} });

describe('errorMessage', () => {
  it('keeps the Indonesian message a service wrote for users', () => {
    const error = new CombinedError({
      graphQLErrors: [graphQLError('Nama pengguna budi sudah dipakai.', 'CONFLICT')],
    });
    expect(errorMessage(error)).toBe('Nama pengguna budi sudah dipakai.');
  });

  it('replaces English framework messages by the text for their code', () => {
    const error = new CombinedError({
      graphQLErrors: [
        graphQLError('Cannot query field "x" on type "Query".', 'GRAPHQL_VALIDATION_FAILED'),
      ],
    });
    expect(errorMessage(error)).toBe(
      'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
    );
  });

  it('never shows a bare code or an unknown code', () => {
    expect(describeGraphQLError({ message: 'FORBIDDEN', extensions: { code: 'FORBIDDEN' } })).toBe(
      'Anda tidak berwenang melakukan tindakan ini.',
    );
    expect(describeGraphQLError({ message: 'boom', extensions: { code: 'SOMETHING_NEW' } })).toBe(
      'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.',
    );
  });

  it('explains network failures and joins distinct messages once', () => {
    expect(errorMessage(new CombinedError({ networkError: new Error('fetch failed') }))).toBe(
      'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
    );
    const twice = new CombinedError({
      graphQLErrors: [graphQLError('x', 'NOT_FOUND'), graphQLError('x', 'NOT_FOUND')],
    });
    expect(errorMessage(twice)).toBe('x');
    expect(errorMessage(undefined)).toBeNull();
  });
});
