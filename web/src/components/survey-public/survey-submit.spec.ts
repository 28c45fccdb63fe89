import { describe, expect, it } from 'vitest';
import {
  channelOf,
  fillTemplate,
  newSubmissionId,
  readSubmitAnswer,
  surveyVariables,
  unanswered,
  type SurveyDraft,
} from './survey-submit';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const draft: SurveyDraft = {
  submissionId: '0b8f1c4e-2a6d-4c1e-9f3a-5d7e8b9c0a1f',
  serviceId: 'svc-1',
  channel: 'COUNTER',
  scores: [4, 3, 3, 4, 2, 4, 4, 3, 1],
  profile: { gender: 'P', ageGroup: ' ', education: '' },
  suggestion: '  Antrean tertib.  ',
  website: '',
};

describe('survey submission helpers', () => {
  it('makes UUID v4 submission ids, also without randomUUID (plain http)', () => {
    expect(newSubmissionId(crypto)).toMatch(UUID_V4);
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Pick<
      Crypto,
      'getRandomValues'
    >;
    const ids = new Set(Array.from({ length: 50 }, () => newSubmissionId(insecure)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('reads the counter channel from kanal=loket only', () => {
    expect(channelOf('loket')).toBe('COUNTER');
    expect(channelOf(' LOKET ')).toBe('COUNTER');
    expect(channelOf(undefined)).toBe('ONLINE');
    expect(channelOf('daring')).toBe('ONLINE');
  });

  it('lists the unanswered questions in order', () => {
    expect(unanswered([4, null, 3, null])).toEqual([1, 3]);
    expect(unanswered([1, 2])).toEqual([]);
  });

  it('sends only what the respondent gave', () => {
    expect(surveyVariables(draft)).toEqual({
      input: {
        submissionId: draft.submissionId,
        serviceId: 'svc-1',
        scores: [4, 3, 3, 4, 2, 4, 4, 3, 1],
        channel: 'COUNTER',
        profile: { gender: 'P' },
        suggestion: 'Antrean tertib.',
      },
    });
    const bare = surveyVariables({ ...draft, profile: {}, suggestion: ' ', channel: 'ONLINE' });
    expect(bare.input).not.toHaveProperty('profile');
    expect(bare.input).not.toHaveProperty('suggestion');
    expect(bare.input).not.toHaveProperty('website');
    // The honeypot goes to the server as filled, so the server can recognize the bot.
    expect(surveyVariables({ ...draft, website: 'http://spam' }).input.website).toBe('http://spam');
    expect(() => surveyVariables({ ...draft, scores: [4, null] })).toThrow();
  });

  it('reads a receipt, a duplicate receipt and each kind of refusal', () => {
    const receipt = {
      submissionId: draft.submissionId,
      serviceId: 'svc-1',
      serviceName: 'Penerbitan KTP Elektronik',
      receivedAt: '2026-11-30T02:00:00.000Z',
      duplicate: true,
    };
    expect(
      readSubmitAnswer(200, JSON.stringify({ data: { submitSurveyResponse: receipt } })),
    ).toEqual({ kind: 'received', receipt });
    const error = (code: string, message = 'Pesan layanan.') =>
      JSON.stringify({ data: null, errors: [{ message, extensions: { code } }] });
    expect(readSubmitAnswer(200, error('RATE_LIMITED'))).toEqual({ kind: 'rateLimited' });
    expect(readSubmitAnswer(429, 'Too Many Requests')).toEqual({ kind: 'rateLimited' });
    expect(readSubmitAnswer(200, error('BAD_USER_INPUT', 'Nilai harus 1–4.'))).toEqual({
      kind: 'invalid',
      message: 'Nilai harus 1–4.',
    });
    expect(readSubmitAnswer(200, error('BAD_USER_INPUT', 'BAD_USER_INPUT'))).toEqual({
      kind: 'invalid',
      message: null,
    });
    expect(readSubmitAnswer(502, error('GATEWAY_UNAVAILABLE'))).toEqual({ kind: 'network' });
    expect(readSubmitAnswer(null, null)).toEqual({ kind: 'network' });
    expect(readSubmitAnswer(500, '<html>')).toEqual({ kind: 'network' });
    expect(readSubmitAnswer(200, error('INTERNAL_SERVER_ERROR', 'stack?'))).toEqual({
      kind: 'failed',
      message: null,
    });
    expect(readSubmitAnswer(200, error('NOT_FOUND', 'Layanan tidak ditemukan.'))).toEqual({
      kind: 'failed',
      message: 'Layanan tidak ditemukan.',
    });
  });

  it('fills server-translated templates', () => {
    expect(fillTemplate('{answered} dari {total} terjawab', { answered: 5, total: 9 })).toBe(
      '5 dari 9 terjawab',
    );
    expect(fillTemplate('{x} tetap', {})).toBe('{x} tetap');
  });
});
