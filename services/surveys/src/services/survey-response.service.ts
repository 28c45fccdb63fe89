import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import {
  TRACEPARENT_HEADER,
  createEvent,
  ensureStream,
  subjectForType,
  type Actor,
} from '@sipadu/events';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  badInput,
  forbidden,
  honeypotFilled,
  isUuidV4,
  notFound,
  unavailable,
  type Logger,
  type Principal,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { access } from '../access.js';
import {
  submissionClaimModel,
  type SubmissionClaimModel,
} from '../models/submission-claim.model.js';
import {
  surveyResponseModel,
  type SurveyResponseModel,
  type SurveyResponseRecord,
} from '../models/survey-response.model.js';
import type { ResponseData } from './aggregation.service.js';
import { toPeriod } from './period.js';
import type { QuestionnaireService } from './questionnaire.service.js';
import { SubmissionGuard, type SubmissionLimits } from './submission-guard.js';
import {
  PROFILE_KEYS,
  type IndexScope,
  type PeriodInput,
  type PeriodView,
  type ProfileKey,
  type ServiceDirectory,
} from './types.js';

export const MAX_SUGGESTION_LENGTH = 2000;
const PUBLISH_TIMEOUT_MS = 5_000;
const MAX_PAGE_SIZE = 100;

/** The survey form's answers (= GraphQL SurveyResponseInput). */
export interface SurveySubmission {
  submissionId: string;
  serviceId: string;
  scores: number[];
  profile?: Partial<Record<ProfileKey, string | null>> | null;
  suggestion?: string | null;
  channel?: 'ONLINE' | 'COUNTER' | null;
  website?: string | null;
}

/** = GraphQL SurveyReceipt. */
export interface SurveyReceiptView {
  submissionId: string;
  serviceId: string;
  serviceName: string;
  receivedAt: string;
  duplicate: boolean;
}

export interface SurveySuggestionView {
  id: string;
  serviceId: string;
  serviceName: string;
  text: string;
  submittedAt: string;
}

export interface SuggestionConnectionView {
  edges: { cursor: string; node: SurveySuggestionView }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** A citizen fills the form anonymously: the event names no one, even a signed-in caller. */
const ANONYMOUS: Actor = { type: 'user', id: null, org: null };

/**
 * Public survey submission (SKM): validates the answers against the questionnaire, applies the
 * abuse guards and publishes `surveys.response.submitted` straight to JetStream with the
 * submission id as message id — the single responses consumer records and aggregates it.
 */
export class SurveyResponseService {
  private readonly nc: NatsConnection;
  private readonly js: JetStreamClient;
  private readonly responses: SurveyResponseModel;
  private readonly claims: SubmissionClaimModel;
  private readonly standards: ServiceDirectory;
  private readonly questionnaire: QuestionnaireService;
  private readonly guard: SubmissionGuard;
  private readonly logger: Logger;
  private streamReady: Promise<void> | undefined;
  /** The service's database (names this deployment, e.g. for the demo seed's response ids). */
  readonly databaseName: string;

  constructor(options: {
    nc: NatsConnection;
    connection: Connection;
    standards: ServiceDirectory;
    questionnaire: QuestionnaireService;
    limits: SubmissionLimits;
    logger: Logger;
  }) {
    this.nc = options.nc;
    this.js = jetstream(options.nc);
    this.responses = surveyResponseModel(options.connection);
    this.claims = submissionClaimModel(options.connection);
    this.databaseName = options.connection.name;
    this.standards = options.standards;
    this.questionnaire = options.questionnaire;
    this.guard = new SubmissionGuard(options.limits);
    this.logger = options.logger;
  }

  async init(): Promise<void> {
    await Promise.all([this.responses.init(), this.claims.init()]);
    await this.ensureStream();
  }

  /** Whether any response was recorded (the demo seed runs only on an empty log). */
  async hasResponses(): Promise<boolean> {
    return (await this.responses.findOne({}, { _id: 1 }).lean().exec()) !== null;
  }

  /** Number of responses recorded (an estimate from collection metadata: no scan). */
  async recordedCount(): Promise<number> {
    return this.responses.estimatedDocumentCount().exec();
  }

  /**
   * Takes one survey. A submission id already recorded (or still in the stream's duplicate
   * window) is answered as a duplicate and counted once; a filled honeypot gets an ordinary
   * receipt and nothing is published. `clientAddress` only feeds the in-memory rate limit.
   */
  async submit(
    input: SurveySubmission,
    caller: { principal: Principal | null; clientAddress: string | null },
  ): Promise<SurveyReceiptView> {
    access.assert(caller.principal, 'Mutation.submitSurveyResponse');
    const answers = await this.validate(input);

    const service = await this.standards.serviceRef(answers.serviceId);
    if (!service) throw notFound('Layanan tidak ditemukan.');
    if (!service.published)
      throw badInput('Layanan ini belum terbit, sehingga belum dapat disurvei.');

    this.guard.admit(caller.clientAddress, service.id);

    const receivedAt = new Date();
    if (honeypotFilled(input.website)) {
      this.logger.info(
        { serviceId: service.id },
        'kolom umpan bot terisi: jawaban survei diabaikan',
      );
      return {
        submissionId: answers.submissionId,
        serviceId: service.id,
        serviceName: service.name,
        receivedAt: receivedAt.toISOString(),
        duplicate: false,
      };
    }

    // A resent form (same submission id) is told so. It is published again all the same, in
    // case the first attempt failed after its claim: the stream's duplicate window and the
    // consumer's unique raw insert count it once either way.
    const claimed = await this.claim(answers.submissionId, receivedAt);
    const { duplicate } = await this.publish({
      responseId: answers.submissionId,
      serviceId: service.id,
      serviceName: service.name,
      organizationCode: service.organizationCode,
      questionnaireVersion: answers.questionnaireVersion,
      scores: answers.scores,
      profile: answers.profile,
      suggestion: answers.suggestion,
      channel: answers.channel,
      submittedAt: receivedAt.toISOString(),
    });
    return {
      submissionId: answers.submissionId,
      serviceId: service.id,
      serviceName: service.name,
      receivedAt: receivedAt.toISOString(),
      duplicate: duplicate || !claimed,
    };
  }

  /** Whether this submission id is new (its claim inserted now). */
  private async claim(submissionId: string, claimedAt: Date): Promise<boolean> {
    try {
      await this.claims.create({ _id: submissionId, claimedAt });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /**
   * Publishes one response event (msgID = response id, so JetStream drops a re-send within its
   * duplicate window). The submit path and the demo seed both use it; `actor` defaults to an
   * anonymous citizen.
   */
  async publish(data: ResponseData, actor: Actor = ANONYMOUS): Promise<{ duplicate: boolean }> {
    const envelope = createEvent('surveys.response.submitted', data, {
      id: data.responseId,
      occurredAt: data.submittedAt,
      actor,
      subject: { type: 'SurveyResponse', id: data.responseId },
      org: data.organizationCode,
    });
    const hdrs = headers();
    hdrs.set('Content-Type', 'application/json');
    if (envelope.traceparent) hdrs.set(TRACEPARENT_HEADER, envelope.traceparent);
    try {
      await this.ensureStream();
      const ack = await this.js.publish(
        subjectForType('surveys.response.submitted'),
        JSON.stringify(envelope),
        { msgID: envelope.id, timeout: PUBLISH_TIMEOUT_MS, headers: hdrs },
      );
      return { duplicate: ack.duplicate };
    } catch (err) {
      this.streamReady = undefined;
      this.logger.error({ err }, 'jawaban survei tidak dapat dikirim ke JetStream');
      throw unavailable(
        'Jawaban survei belum dapat diterima saat ini. Silakan kirim ulang sebentar lagi.',
        'nats',
      );
    }
  }

  /**
   * Respondents' suggestions for a service, an organization or the Pemda in one period, newest
   * first. admin-opd reads its own organization's; evaluator, pimpinan and super-admin all.
   * Reads the raw log (a scan, with a slim projection): an internal, paged list.
   */
  async suggestions(
    principal: Principal | null,
    args: {
      scope: IndexScope;
      id?: string | null;
      period: PeriodInput | PeriodView;
      first?: number | null;
      after?: string | null;
    },
  ): Promise<SuggestionConnectionView> {
    const caller = access.require(principal, 'Query.surveySuggestions');
    const period = toPeriod(args.period);
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);

    const filter: Record<string, unknown> = { hasSuggestion: true, periodKeys: period.key };
    if (args.scope === 'SERVICE') {
      if (!args.id) throw badInput('Id layanan wajib diisi.');
      const service = await this.standards.serviceRef(args.id);
      if (!service) throw notFound('Layanan tidak ditemukan.');
      access.assert(caller, 'Query.surveySuggestions', {
        organizationCode: service.organizationCode,
      });
      filter.serviceId = service.id;
    } else if (args.scope === 'ORGANIZATION') {
      if (!args.id) throw badInput('Kode organisasi wajib diisi.');
      access.assert(caller, 'Query.surveySuggestions', { organizationCode: args.id });
      filter.organizationCode = args.id;
    } else if (!access.seesAllOrganizations(caller, 'Query.surveySuggestions')) {
      throw forbidden('Saran seluruh Pemda hanya untuk evaluator, pimpinan, dan super-admin.');
    }

    const conditions: Record<string, unknown>[] = [filter];
    if (args.after) {
      const [at, id] = decodeKeyCursor(args.after, 'date');
      conditions.push({
        $or: [{ submittedAt: { $lt: at } }, { submittedAt: at, _id: { $lt: id } }],
      });
    }
    const rows = await this.responses
      .find(conditions.length === 1 ? filter : { $and: conditions }, {
        _id: 1,
        serviceId: 1,
        serviceName: 1,
        suggestion: 1,
        submittedAt: 1,
      })
      .sort({ submittedAt: -1, _id: -1 })
      .limit(first + 1)
      .lean<
        Pick<
          SurveyResponseRecord,
          '_id' | 'serviceId' | 'serviceName' | 'suggestion' | 'submittedAt'
        >[]
      >()
      .exec();
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeKeyCursor(row.submittedAt, row._id),
      node: {
        id: row._id,
        serviceId: row.serviceId,
        serviceName: row.serviceName,
        text: row.suggestion ?? '',
        submittedAt: row.submittedAt.toISOString(),
      },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** Checks the answers; every problem is listed in one BAD_USER_INPUT (Indonesian messages). */
  private async validate(input: SurveySubmission) {
    const questionnaire = await this.questionnaire.current();
    const problems: { field: string; message: string }[] = [];
    const submissionId = String(input.submissionId ?? '').trim();
    if (!isUuidV4(submissionId))
      problems.push({
        field: 'submissionId',
        message: 'Nomor pengiriman (submissionId) harus berupa UUID versi 4.',
      });
    const serviceId = String(input.serviceId ?? '').trim();
    if (!serviceId) problems.push({ field: 'serviceId', message: 'Layanan wajib dipilih.' });

    const scores = Array.isArray(input.scores) ? input.scores : [];
    const count = questionnaire.elements.length;
    if (scores.length !== count)
      problems.push({
        field: 'scores',
        message: `Nilai harus diisi untuk ${count} unsur, urut U1 sampai U${count} (diterima ${scores.length}).`,
      });
    else if (scores.some((score) => !Number.isInteger(score) || score < 1 || score > 4))
      problems.push({
        field: 'scores',
        message: 'Setiap nilai unsur harus bilangan bulat 1 sampai 4.',
      });

    const profile = Object.fromEntries(PROFILE_KEYS.map((key) => [key, null])) as Record<
      ProfileKey,
      string | null
    >;
    for (const field of questionnaire.profileFields) {
      const raw = input.profile?.[field.key];
      const code = typeof raw === 'string' ? raw.trim() : '';
      if (!code) continue;
      if (!field.options.some((option) => option.code === code)) {
        problems.push({
          field: `profile.${field.key}`,
          message: `Pilihan "${code.slice(0, 40)}" untuk ${field.label.toLowerCase()} tidak dikenal.`,
        });
      } else {
        profile[field.key] = code;
      }
    }

    const suggestionText = typeof input.suggestion === 'string' ? input.suggestion.trim() : '';
    if ([...suggestionText].length > MAX_SUGGESTION_LENGTH)
      problems.push({
        field: 'suggestion',
        message: `Saran dan masukan paling banyak ${MAX_SUGGESTION_LENGTH.toLocaleString('id-ID')} karakter.`,
      });

    const channel = input.channel ?? 'ONLINE';
    if (channel !== 'ONLINE' && channel !== 'COUNTER')
      problems.push({ field: 'channel', message: 'Saluran survei tidak dikenal.' });

    if (problems.length > 0)
      throw badInput(problems.map((problem) => problem.message).join(' '), { fields: problems });
    return {
      submissionId: submissionId.toLowerCase(),
      serviceId,
      scores,
      profile,
      suggestion: suggestionText === '' ? null : suggestionText,
      channel,
      questionnaireVersion: questionnaire.version,
    };
  }

  private ensureStream(): Promise<void> {
    this.streamReady ??= (async () => {
      const jsm = await jetstreamManager(this.nc, { checkAPI: false, timeout: PUBLISH_TIMEOUT_MS });
      await ensureStream(jsm, 'surveys');
    })().catch((err: unknown) => {
      this.streamReady = undefined;
      throw err;
    });
    return this.streamReady;
  }
}
