import { describe, expect, it } from 'vitest';
import { readPublicAnswer } from '@/components/public-forms/public-answer';
import { complaintVariables, roundedPosition, type ComplaintDraft } from './complaint-submit';
import { complaintFormHref } from './links';

const draft: ComplaintDraft = {
  submissionId: '0b8f1c4e-2a6d-4c1e-9f3a-5d7e8b9c0a1f',
  categoryCode: 'infrastruktur',
  serviceId: null,
  organizationCode: 'DPUPR',
  title: '  Lampu jalan padam  ',
  description: ' Sejak seminggu. ',
  anonymous: false,
  contact: { name: ' Siti ', email: '', phone: '0812 3456 789' },
  position: null,
  address: '',
  visibility: 'CONFIDENTIAL',
  evidenceFileIds: [],
  website: '',
  addressLabel: 'Lokasi',
};

describe('complaint variables', () => {
  it('trims the text and leaves empty contact fields out', () => {
    expect(complaintVariables(draft)).toEqual({
      input: {
        submissionId: draft.submissionId,
        categoryCode: 'infrastruktur',
        organizationCode: 'DPUPR',
        title: 'Lampu jalan padam',
        description: 'Sejak seminggu.',
        anonymous: false,
        visibility: 'CONFIDENTIAL',
        contact: { name: 'Siti', phone: '0812 3456 789' },
      },
    });
  });

  it('sends no contact at all when anonymous, and the service instead of the organization', () => {
    const { input } = complaintVariables({
      ...draft,
      anonymous: true,
      serviceId: 'svc-1',
      evidenceFileIds: ['f1', 'f2'],
      visibility: 'PUBLIC',
      website: 'http://spam.example',
    });
    expect(input.contact).toBeUndefined();
    expect(input.anonymous).toBe(true);
    expect(input.serviceId).toBe('svc-1');
    expect(input.organizationCode).toBeUndefined();
    expect(input.evidenceFileIds).toEqual(['f1', 'f2']);
    expect(input.visibility).toBe('PUBLIC');
    expect(input.website).toBe('http://spam.example');
  });

  it('sends a shared position with the address, and an address alone inside the description', () => {
    const located = complaintVariables({
      ...draft,
      position: { latitude: -1.6101, longitude: 103.6131 },
      address: ' Jl. Sudirman ',
    }).input;
    expect(located.location).toEqual({
      latitude: -1.6101,
      longitude: 103.6131,
      address: 'Jl. Sudirman',
    });
    expect(located.description).toBe('Sejak seminggu.');

    const typed = complaintVariables({ ...draft, address: 'Jl. Sudirman depan SD 12' }).input;
    expect(typed.location).toBeUndefined();
    expect(typed.description).toBe('Sejak seminggu.\n\nLokasi: Jl. Sudirman depan SD 12');
  });

  it('rounds positions to six decimals', () => {
    expect(roundedPosition({ latitude: -1.610123456, longitude: 103.613198765 })).toEqual({
      latitude: -1.610123,
      longitude: 103.613199,
    });
  });
});

describe('public answers', () => {
  const ok = (data: unknown) => JSON.stringify({ data });
  const failure = (code: string, message = 'Judul wajib diisi.') =>
    JSON.stringify({ data: null, errors: [{ message, extensions: { code } }] });

  it('reads the field, also a null one (an unknown tracking code)', () => {
    expect(
      readPublicAnswer(
        200,
        ok({ trackPublicComplaint: { number: 'ADU-1' } }),
        'trackPublicComplaint',
      ),
    ).toEqual({
      kind: 'ok',
      value: { number: 'ADU-1' },
    });
    expect(
      readPublicAnswer(200, ok({ trackPublicComplaint: null }), 'trackPublicComplaint'),
    ).toEqual({
      kind: 'ok',
      value: null,
    });
  });

  it('names why an operation failed', () => {
    expect(readPublicAnswer(200, failure('BAD_USER_INPUT'), 'f')).toEqual({
      kind: 'invalid',
      message: 'Judul wajib diisi.',
    });
    expect(readPublicAnswer(200, failure('NOT_FOUND'), 'f')).toMatchObject({ kind: 'notFound' });
    expect(readPublicAnswer(200, failure('RATE_LIMITED'), 'f')).toEqual({ kind: 'rateLimited' });
    expect(readPublicAnswer(429, 'Too Many Requests', 'f')).toEqual({ kind: 'rateLimited' });
    expect(readPublicAnswer(502, failure('GATEWAY_UNAVAILABLE'), 'f')).toEqual({ kind: 'network' });
    expect(readPublicAnswer(null, null, 'f')).toEqual({ kind: 'network' });
    expect(readPublicAnswer(200, failure('INTERNAL_SERVER_ERROR', 'boom'), 'f')).toEqual({
      kind: 'failed',
      message: null,
    });
    expect(readPublicAnswer(200, failure('CONFLICT', 'CONFLICT'), 'f')).toEqual({
      kind: 'failed',
      message: null,
    });
  });
});

describe('addresses', () => {
  it('puts the service, never a code, into the form address', () => {
    expect(complaintFormHref()).toBe('/lapor');
    expect(complaintFormHref('svc 1/2')).toBe('/lapor?layanan=svc%201%2F2');
  });
});
