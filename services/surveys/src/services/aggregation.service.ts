import type { AnyEventEnvelope, EventData } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection, mongo } from 'mongoose';
import {
  aggregateKey,
  satisfactionAggregateModel,
  type SatisfactionAggregateModel,
  type SatisfactionAggregateRecord,
} from '../models/satisfaction-aggregate.model.js';
import {
  serviceStandardModel,
  type ServiceStandardModel,
} from '../models/service-standard.model.js';
import {
  surveyResponseModel,
  type SurveyResponseModel,
  type SurveyResponseRecord,
} from '../models/survey-response.model.js';
import { periodKeysOf } from './period.js';
import type { QuestionnaireService } from './questionnaire.service.js';
import { PROFILE_KEYS, type IndexScope, type ProfileKey, type QuestionnaireView } from './types.js';

// The aggregates behind every index read (see the "Aggregates design" of issue 7): FerretDB's
// `$inc` is not atomic under concurrency, so only ONE writer updates them — the durable consumer
// of `surveys.response.submitted` with one message in flight cluster-wide. For each event it
// inserts the raw response (`_id` = response id, with the event's stream sequence) and adds the
// response's counters to the 12 aggregates it belongs to (service, organization, Pemda × year,
// semester, quarter, month). Each aggregate remembers the last sequence applied to it
// (`appliedSeq`) and takes an event only when its sequence is higher, so an event redelivered
// after a crash between two of those writes completes what was missing and counts nothing twice.

export type ResponseData = EventData<'surveys.response.submitted'>;

/** Counters one response adds to each of its aggregates (see SatisfactionAggregateRecord). */
export function countsOf(
  response: Pick<ResponseData, 'scores' | 'profile'>,
  questionnaire: QuestionnaireView,
): Record<string, number> {
  const counts: Record<string, number> = { respondents: 1 };
  questionnaire.elements.forEach((element, index) => {
    counts[`${element.code}:${response.scores[index]}`] = 1;
  });
  for (const key of PROFILE_KEYS) {
    const code = response.profile[key];
    if (code) counts[`${key}:${code}`] = 1;
  }
  return counts;
}

export interface AggregateTarget {
  _id: string;
  scope: IndexScope;
  scopeId: string | null;
  periodKey: string;
}

/** The 12 aggregates of a response: its service, its organization and the Pemda, per period. */
export function aggregateTargets(
  serviceId: string,
  organizationCode: string,
  periodKeys: readonly string[],
): AggregateTarget[] {
  const scopes: [IndexScope, string | null][] = [
    ['SERVICE', serviceId],
    ['ORGANIZATION', organizationCode],
    ['PEMDA', null],
  ];
  return scopes.flatMap(([scope, scopeId]) =>
    periodKeys.map((periodKey) => ({
      _id: aggregateKey(scope, scopeId, periodKey),
      scope,
      scopeId,
      periodKey,
    })),
  );
}

export interface DecodedAggregate {
  respondents: number;
  /** Per element in questionnaire order: answers scored 1..4, their sum and count. */
  elements: { distribution: [number, number, number, number]; total: number; answers: number }[];
  profile: Record<ProfileKey, Map<string, number>>;
}

/** Reads the flat counters back into per-element distributions and profile counts. */
export function decodeCounts(
  counts: Record<string, number> | undefined,
  questionnaire: QuestionnaireView,
): DecodedAggregate {
  const c = counts ?? {};
  const elements = questionnaire.elements.map((element) => {
    const distribution = [1, 2, 3, 4].map((score) => c[`${element.code}:${score}`] ?? 0) as [
      number,
      number,
      number,
      number,
    ];
    return {
      distribution,
      total: distribution.reduce((sum, n, i) => sum + n * (i + 1), 0),
      answers: distribution.reduce((sum, n) => sum + n, 0),
    };
  });
  const profile = Object.fromEntries(
    PROFILE_KEYS.map((key) => {
      const values = new Map<string, number>();
      for (const [name, value] of Object.entries(c)) {
        if (name.startsWith(`${key}:`)) values.set(name.slice(key.length + 1), value);
      }
      return [key, values];
    }),
  ) as Record<ProfileKey, Map<string, number>>;
  return { respondents: c.respondents ?? 0, elements, profile };
}

/** Counters without zeros, keys sorted: the canonical text compared and shown by a recompute. */
export function describeCounts(counts: Record<string, number> | undefined): string {
  const entries = Object.entries(counts ?? {})
    .filter(([, value]) => value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

export interface AggregateMismatchView {
  key: string;
  stored: string;
  recomputed: string;
}

export interface RecomputeResultView {
  responses: number;
  aggregates: number;
  mismatches: AggregateMismatchView[];
  applied: boolean;
}

const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;

function prefixed(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).map(([name, value]) => [`counts.${name}`, value]),
  );
}

interface RebuiltAggregate extends AggregateTarget {
  counts: Record<string, number>;
  /** Highest stream sequence of its responses. */
  seq: number;
}

interface Snapshot {
  rebuilt: Map<string, RebuiltAggregate>;
  stored: Map<string, SatisfactionAggregateRecord>;
  responses: number;
  /** The newest raw response read and the aggregates it belongs to. */
  latest: { seq: number; targets: string[] } | null;
}

/** Read attempts of a recompute while the consumer is still writing (see `recompute`). */
const SETTLE_ATTEMPTS = 5;
const SETTLE_PAUSE_MS = 250;

/**
 * Whether the consumer wrote while the snapshot was read: an aggregate already holds a response
 * newer than the raw log read, or the newest response read has not reached all its aggregates.
 */
function unsettled({ stored, latest }: Snapshot): boolean {
  const newest = latest?.seq ?? 0;
  for (const aggregate of stored.values()) if (aggregate.appliedSeq > newest) return true;
  return (
    latest !== null && latest.targets.some((id) => (stored.get(id)?.appliedSeq ?? -1) < newest)
  );
}

/** What a stored aggregate shows when it does not exist. */
const MISSING = '(tidak ada)';

export class AggregationService {
  private readonly aggregates: SatisfactionAggregateModel;
  private readonly aggregateDocs: mongo.Collection<SatisfactionAggregateRecord>;
  private readonly responses: SurveyResponseModel;
  private readonly responseDocs: mongo.Collection<SurveyResponseRecord>;
  private readonly standards: ServiceStandardModel;
  private readonly questionnaire: QuestionnaireService;
  private readonly timeZone: string;
  private readonly logger: Logger | undefined;

  constructor(options: {
    connection: Connection;
    questionnaire: QuestionnaireService;
    timeZone: string;
    logger?: Logger;
  }) {
    this.aggregates = satisfactionAggregateModel(options.connection);
    this.responses = surveyResponseModel(options.connection);
    this.standards = serviceStandardModel(options.connection);
    this.aggregateDocs = this.aggregates
      .collection as unknown as mongo.Collection<SatisfactionAggregateRecord>;
    this.responseDocs = this.responses
      .collection as unknown as mongo.Collection<SurveyResponseRecord>;
    this.questionnaire = options.questionnaire;
    this.timeZone = options.timeZone;
    this.logger = options.logger;
  }

  async init(): Promise<void> {
    await Promise.all([this.aggregates.init(), this.responses.init()]);
  }

  /**
   * Applies one `surveys.response.submitted` event (other types are ignored). Idempotent for the
   * same stream sequence; a second event for an already recorded response id (a re-publish after
   * the stream's duplicate window) is not counted. Returns false when the event was not counted
   * (a repeated response id, or a service this database does not hold).
   */
  async apply(envelope: AnyEventEnvelope, streamSequence: number): Promise<boolean> {
    if (envelope.type !== 'surveys.response.submitted') return false;
    const data = envelope.data;
    // The stream is shared by every deployment on this NATS (tests, a second Pemda database): a
    // response for a service this database does not hold is not ours to count.
    if (!(await this.standards.exists({ _id: data.serviceId }).lean().exec())) {
      this.logger?.warn(
        { responseId: data.responseId, serviceId: data.serviceId },
        'jawaban survei untuk layanan yang tidak dikenal diabaikan',
      );
      return false;
    }
    const submittedAt = new Date(data.submittedAt);
    const periodKeys = periodKeysOf(submittedAt, this.timeZone);
    const record: SurveyResponseRecord = {
      _id: data.responseId,
      seq: streamSequence,
      serviceId: data.serviceId,
      serviceName: data.serviceName,
      organizationCode: data.organizationCode,
      questionnaireVersion: data.questionnaireVersion,
      scores: data.scores,
      profile: data.profile,
      suggestion: data.suggestion,
      hasSuggestion: data.suggestion !== null && data.suggestion !== '',
      channel: data.channel,
      submittedAt,
      periodKeys,
      recordedAt: new Date(),
    };
    let redelivered = false;
    try {
      await this.responseDocs.insertOne(record);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.responses
        .findOne({ _id: data.responseId }, { seq: 1 })
        .lean<{ seq: number }>()
        .exec();
      if (existing?.seq !== streamSequence) {
        this.logger?.info(
          { responseId: data.responseId, seq: streamSequence, recordedSeq: existing?.seq },
          'jawaban survei yang sama diterima lagi, tidak dihitung',
        );
        return false;
      }
      // The same event again after a crash: finish the aggregates it may not have reached.
      redelivered = true;
    }
    const counts = countsOf(data, await this.questionnaire.current());
    const targets = aggregateTargets(data.serviceId, data.organizationCode, periodKeys);
    // One at a time: FerretDB's SQLite backend serialises writes anyway, and a failure leaves
    // the rest for the redelivery rather than half-written in parallel.
    for (const target of targets) {
      if (redelivered) await this.addOnce(target, counts, streamSequence);
      else await this.add(target, counts, streamSequence);
    }
    return true;
  }

  /**
   * Adds the counters of a response recorded just now. No aggregate can hold its sequence yet
   * (aggregates are written after the raw response, in stream order), so the update goes by
   * `_id` alone — about twice as fast on FerretDB as a filter with a condition.
   */
  private async add(
    target: AggregateTarget,
    counts: Record<string, number>,
    seq: number,
  ): Promise<void> {
    await this.aggregateDocs.updateOne(
      { _id: target._id },
      {
        $inc: prefixed(counts),
        $set: { appliedSeq: seq, updatedAt: new Date() },
        $setOnInsert: { scope: target.scope, scopeId: target.scopeId, periodKey: target.periodKey },
      },
      { upsert: true },
    );
  }

  /** Adds the counters unless this sequence was already applied to the aggregate (redelivery). */
  private async addOnce(
    target: AggregateTarget,
    counts: Record<string, number>,
    seq: number,
  ): Promise<void> {
    const now = new Date();
    const updated = await this.aggregateDocs.updateOne(
      { _id: target._id, appliedSeq: { $lt: seq } },
      { $inc: prefixed(counts), $set: { appliedSeq: seq, updatedAt: now } },
    );
    if (updated.matchedCount > 0) return;
    try {
      // Missing (the crash came before its first write) — or already applied: the insert says.
      await this.aggregateDocs.insertOne({
        ...target,
        counts: { ...counts },
        appliedSeq: seq,
        updatedAt: now,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /**
   * Rebuilds every aggregate from the raw responses and compares it with the stored one. With
   * `apply`, each differing aggregate is rewritten (only if the consumer has not changed it since
   * it was read) and aggregates no response supports are deleted.
   *
   * The raw log and the aggregates are read one after the other while the consumer may be
   * writing: the comparison waits (up to ~1 s) for a settled picture — no stored aggregate newer
   * than the newest raw response read, and that response applied everywhere — so a response in
   * flight is not reported as a mismatch. A rewritten aggregate takes the highest sequence of its
   * responses as `appliedSeq`, so a redelivered event never counts twice. Best run when quiet.
   */
  async recompute(options: { apply: boolean }): Promise<RecomputeResultView> {
    const questionnaire = await this.questionnaire.current();
    let snapshot = await this.snapshot(questionnaire);
    for (let attempt = 1; attempt < SETTLE_ATTEMPTS && unsettled(snapshot); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
      snapshot = await this.snapshot(questionnaire);
    }
    const { rebuilt, stored } = snapshot;

    const keys = [...new Set([...rebuilt.keys(), ...stored.keys()])].sort();
    const mismatches: AggregateMismatchView[] = [];
    for (const key of keys) {
      const before = stored.get(key);
      const after = rebuilt.get(key);
      const storedText = before ? describeCounts(before.counts) : MISSING;
      const recomputedText = after ? describeCounts(after.counts) : MISSING;
      if (storedText === recomputedText || (!after && storedText === '{}')) continue;
      mismatches.push({ key, stored: storedText, recomputed: recomputedText });
      if (options.apply) await this.rewrite(key, before, after);
    }
    if (mismatches.length > 0)
      this.logger?.warn(
        { mismatches: mismatches.length, applied: options.apply },
        'agregat IKM berbeda dari hitung ulang',
      );
    return {
      responses: snapshot.responses,
      aggregates: keys.length,
      mismatches,
      applied: options.apply,
    };
  }

  /** The aggregates rebuilt from the raw log, then the stored ones. */
  private async snapshot(questionnaire: QuestionnaireView): Promise<Snapshot> {
    const rebuilt = new Map<string, RebuiltAggregate>();
    let responses = 0;
    let latest: Snapshot['latest'] = null;
    const cursor = this.responses
      .find(
        {},
        {
          _id: 1,
          seq: 1,
          serviceId: 1,
          organizationCode: 1,
          scores: 1,
          profile: 1,
          submittedAt: 1,
        },
      )
      .lean<
        Pick<
          SurveyResponseRecord,
          '_id' | 'seq' | 'serviceId' | 'organizationCode' | 'scores' | 'profile' | 'submittedAt'
        >
      >()
      .cursor({ batchSize: 1000 });
    for await (const response of cursor) {
      responses += 1;
      const counts = countsOf(response, questionnaire);
      const periodKeys = periodKeysOf(new Date(response.submittedAt), this.timeZone);
      const targets = aggregateTargets(response.serviceId, response.organizationCode, periodKeys);
      if (!latest || response.seq > latest.seq)
        latest = { seq: response.seq, targets: targets.map((target) => target._id) };
      for (const target of targets) {
        let entry = rebuilt.get(target._id);
        if (!entry) {
          entry = { ...target, counts: {}, seq: 0 };
          rebuilt.set(target._id, entry);
        }
        for (const [name, value] of Object.entries(counts))
          entry.counts[name] = (entry.counts[name] ?? 0) + value;
        entry.seq = Math.max(entry.seq, response.seq);
      }
    }
    const stored = new Map<string, SatisfactionAggregateRecord>();
    for await (const aggregate of this.aggregates
      .find({})
      .lean<SatisfactionAggregateRecord>()
      .cursor({ batchSize: 1000 })) {
      stored.set(aggregate._id, aggregate);
    }
    return { rebuilt, stored, responses, latest };
  }

  private async rewrite(
    key: string,
    before: SatisfactionAggregateRecord | undefined,
    after: RebuiltAggregate | undefined,
  ): Promise<void> {
    if (!after) {
      await this.aggregateDocs.deleteOne({
        _id: key,
        appliedSeq: before!.appliedSeq,
      } as never);
      return;
    }
    const { seq, ...target } = after;
    const record = {
      ...target,
      appliedSeq: Math.max(seq, before?.appliedSeq ?? 0),
      updatedAt: new Date(),
    };
    if (!before) {
      try {
        await this.aggregateDocs.insertOne(record);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      return;
    }
    await this.aggregateDocs.replaceOne({ _id: key, appliedSeq: before.appliedSeq }, record);
  }
}
