import { readPublicAnswer } from '@/components/public-forms/public-answer';
// Pure logic of the public survey form (no React, no browser globals beyond `crypto`): the
// submission id, the GraphQL variables and the reading of the gateway's answer. Kept apart so the
// form component stays small and this is unit tested.
import type {
  SubmitSurveyResponseMutation,
  SubmitSurveyResponseMutationVariables,
  SurveyChannel,
} from '@/gql/graphql';

export type SurveyReceipt = SubmitSurveyResponseMutation['submitSurveyResponse'];

export type ProfileKey = 'gender' | 'ageGroup' | 'education' | 'occupation';
const PROFILE_KEYS: readonly ProfileKey[] = ['gender', 'ageGroup', 'education', 'occupation'];

export type SubmitOutcome =
  | { kind: 'received'; receipt: SurveyReceipt }
  | { kind: 'rateLimited' }
  | { kind: 'invalid'; message: string | null }
  | { kind: 'network' }
  | { kind: 'failed'; message: string | null };

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (https, localhost); a
 * counter reached over plain http on the office network still gets a valid v4 from
 * `getRandomValues`.
 */
export function newSubmissionId(source: Pick<Crypto, 'getRandomValues'> & Partial<Crypto>): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `kanal=loket` (the counter's QR code) → COUNTER; anything else is the online link. */
export function channelOf(kanal: string | undefined): SurveyChannel {
  return kanal?.trim().toLowerCase() === 'loket' ? 'COUNTER' : 'ONLINE';
}

/** Indexes (0-based) of the questions still unanswered, in order. */
export function unanswered(scores: readonly (number | null)[]): number[] {
  return scores.flatMap((score, index) => (score === null ? [index] : []));
}

export interface SurveyDraft {
  submissionId: string;
  serviceId: string;
  channel: SurveyChannel;
  /** One score 1–4 per element, in element order; all must be set before submitting. */
  scores: readonly (number | null)[];
  profile: Partial<Record<ProfileKey, string>>;
  suggestion: string;
  /** The honeypot's content (empty for people). */
  website: string;
}

/** The mutation's variables; empty profile choices and an empty suggestion are left out. */
export function surveyVariables(draft: SurveyDraft): SubmitSurveyResponseMutationVariables {
  const scores = draft.scores.map((score) => {
    if (score === null) throw new Error('semua pertanyaan harus dijawab');
    return score;
  });
  const profileEntries = PROFILE_KEYS.flatMap((key) => {
    const value = draft.profile[key]?.trim();
    return value ? [[key, value] as const] : [];
  });
  const suggestion = draft.suggestion.trim();
  return {
    input: {
      submissionId: draft.submissionId,
      serviceId: draft.serviceId,
      scores,
      channel: draft.channel,
      ...(profileEntries.length ? { profile: Object.fromEntries(profileEntries) } : {}),
      ...(suggestion ? { suggestion } : {}),
      ...(draft.website ? { website: draft.website } : {}),
    },
  };
}

/** What the form shows for the BFF's answer (`body` = the response text, null = no answer). */
export function readSubmitAnswer(status: number | null, body: string | null): SubmitOutcome {
  const outcome = readPublicAnswer<SurveyReceipt>(status, body, 'submitSurveyResponse');
  if (outcome.kind === 'ok') {
    return outcome.value
      ? { kind: 'received', receipt: outcome.value }
      : { kind: 'failed', message: null };
  }
  // An unknown or unpublished service: the service's own words.
  if (outcome.kind === 'notFound') return { kind: 'failed', message: outcome.message };
  return outcome;
}

/** Replaces `{name}` placeholders of a message passed from the server as plain text. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
