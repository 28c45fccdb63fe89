import { describe, expect, it } from 'vitest';
import {
  filesUpstreamUrl,
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  rewriteLocation,
} from './file-proxy';

describe('file BFF', () => {
  it('maps /api/files paths onto the gateway origin', () => {
    const gateway = 'http://127.0.0.1:4000/graphql';
    expect(filesUpstreamUrl(gateway, new URL('http://localhost:3000/api/files'))).toBe(
      'http://127.0.0.1:4000/files',
    );
    expect(
      filesUpstreamUrl(gateway, new URL('http://localhost:3000/api/files/abc/thumbnail?w=1')),
    ).toBe('http://127.0.0.1:4000/files/abc/thumbnail?w=1');
  });

  it('rewrites tus upload URLs to the BFF, absolute or relative', () => {
    expect(rewriteLocation('http://127.0.0.1:4000/files/7f3a')).toBe('/api/files/7f3a');
    expect(rewriteLocation('https://api.pemda.go.id/files/7f3a')).toBe('/api/files/7f3a');
    expect(rewriteLocation('/files/7f3a?x=1')).toBe('/api/files/7f3a?x=1');
    expect(rewriteLocation('https://elsewhere.example/other')).toBe(
      'https://elsewhere.example/other',
    );
  });

  it('sends only protocol headers upstream, never cookies', () => {
    const incoming = new Headers({
      cookie: 'next-auth.session-token=rahasia',
      authorization: 'Bearer dari-peramban',
      'tus-resumable': '1.0.0',
      'upload-offset': '42',
      'content-type': 'application/offset+octet-stream',
      range: 'bytes=0-9',
    });
    const headers = forwardedRequestHeaders(incoming);
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('authorization')).toBeNull();
    expect(headers.get('tus-resumable')).toBe('1.0.0');
    expect(headers.get('upload-offset')).toBe('42');
    expect(headers.get('range')).toBe('bytes=0-9');
    expect(headers.get('accept-encoding')).toBe('identity');
  });

  it('passes tus state, download metadata and the file id back', () => {
    const headers = forwardedResponseHeaders(
      new Headers({
        location: 'http://127.0.0.1:4000/files/abc',
        'upload-offset': '100',
        'sipadu-file-id': 'abc',
        'content-disposition': "attachment; filename*=UTF-8''surat.pdf",
        'set-cookie': 'x=1',
        'access-control-allow-origin': '*',
      }),
    );
    expect(headers.get('location')).toBe('/api/files/abc');
    expect(headers.get('upload-offset')).toBe('100');
    expect(headers.get('sipadu-file-id')).toBe('abc');
    expect(headers.get('content-disposition')).toContain('surat.pdf');
    expect(headers.get('set-cookie')).toBeNull();
    expect(headers.get('access-control-allow-origin')).toBeNull();
    expect(headers.get('cache-control')).toContain('no-transform');
  });
});
