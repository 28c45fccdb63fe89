import { randomInt, randomUUID } from 'node:crypto';
import type { OrganizationDirectory } from '@sipadu/directory';
import { isDuplicateKey, retryAtRevision, updateAtRevision } from '@sipadu/events';
import {
  ClientRateLimiter,
  badInput,
  conflict,
  honeypotFilled,
  isUuidV4,
  notFound,
  parseInput,
  rateLimited,
  type Logger,
  type Principal,
} from '@sipadu/service-kit';
import type { HistoryEntry, WorkingCalendar, WorkflowPrincipal } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { access } from '../access.js';
import type {
  ComplaintMessage,
  FilePublicComplaintInput,
  FiledComplaint,
  MutationAnswerPublicComplaintArgs,
  MutationReroutePublicComplaintArgs,
  MutationVerifyPublicComplaintArgs,
  PublicComplaint,
  PublicComplaintConnection,
  QueryPublicComplaintsArgs,
  TrackedComplaint,
  TrackedStep,
} from '../generated/graphql.js';
import type { CaseRecord, PublicComplaintFields } from '../models/case.model.js';
import {
  complaintSubmissionModel,
  trackingCodeModel,
  type ComplaintSubmissionModel,
  type TrackingCodeModel,
} from '../models/complaint-tracking.model.js';
import {
  AUTO_CLOSE_WORKING_DAYS,
  handlesComplaintsOf,
  publicComplaintWorkflow,
  trackingPrincipal,
  type PublicComplaintStatus,
  type PublicComplaintTransition,
} from '../workflows/public-complaint.workflow.js';
import type { CalendarService } from './calendar.service.js';
import { CASE_CHANGED, type CaseEngine } from './case-engine.service.js';
import { iso } from './case-views.js';
import type { ComplaintCatalog, ComplaintServiceView } from './complaint-catalog.service.js';
import {
  attachmentsField,
  caseIdField,
  commonView,
  connectionOf,
  listArgsSchema,
  optionalText,
  organizationNamesOf,
  revisionField,
  text,
  type CaseWriteOptions,
} from './staff-case.support.js';
import {
  deriveTrackingCode,
  normalizeTrackingCode,
  randomTrackingCode,
  trackingHash,
} from './tracking-code.js';

const FLOW = 'PUBLIC_COMPLAINT';
const STATUSES = Object.keys(publicComplaintWorkflow.states) as [
  PublicComplaintStatus,
  ...PublicComplaintStatus[],
];
/** Open311 `closed`: the complaint reached an end. */
export const ENDED: readonly PublicComplaintStatus[] = ['CLOSED', 'REJECTED'];
/** Working days the target agency has to verify a new complaint (the SUBMITTED step). */
const VERIFICATION_WORKING_DAYS =
  publicComplaintWorkflow.states.SUBMITTED.serviceTime?.workingDays ?? 3;

export const FILING_LIMITED =
  'Terlalu banyak pengaduan dari jaringan Anda. Silakan coba lagi dalam beberapa menit.';
export const TRACKING_LIMITED =
  'Terlalu banyak percobaan kode pelacakan dari jaringan Anda. Silakan coba lagi dalam beberapa menit.';
export const UNKNOWN_CODE = 'Kode pelacakan tidak dikenal. Periksa kembali kode Anda.';

export interface PublicComplaintLimits {
  /** Complaints one client address may file per window. */
  filingsPerClient: number;
  /** Tracking-code lookups, replies and ratings per client address per window. */
  trackingPerClient: number;
  windowMs: number;
}

/** A public complaint as Open311 shows it (never contact data). */
export interface PublicRequestView {
  number: string;
  status: PublicComplaintStatus;
  statusLabel: string;
  open: boolean;
  categoryCode: string;
  categoryName: string;
  description: string;
  organizationName: string | null;
  requestedAt: string;
  updatedAt: string;
  /** Due instant of the step running now (null while waiting for the citizen or ended). */
  expectedAt: string | null;
  location: PublicComplaintFields['location'];
}

export interface PublicRequestFilter {
  /** Public numbers; when given, the other criteria are ignored (Open311). */
  numbers?: string[];
  categoryCodes?: string[];
  from: Date;
  to: Date;
  /** true = still open, false = ended, null = both. */
  open: boolean | null;
  limit: number;
}

/**
 * The last day of `n` working days counted from `start` (its local date), the way the clock
 * dates a deadline: the n-th whole working day after the start day.
 */
function lastWorkingDay(calendar: WorkingCalendar, start: Date, n: number): string {
  return calendar.dateOf(new Date(calendar.addWorkingDays(start, n).getTime() - 1));
}

/**
 * `autoCloseDate` of an answer given at `answeredAt`: the 10th whole working day after the day of
 * the answer, the last day the citizen may still reply or rate. The engine's sweep closes the
 * complaint once the Pemda's local date is after it (at the end of that day, i.e. the instant
 * `addWorkingDays(answeredAt, 10)`). An answer on Monday 2 March 2026 closes after Monday
 * 16 March; holidays and cuti bersama move it, like every service time.
 */
export function autoCloseDateOf(calendar: WorkingCalendar, answeredAt: Date): string {
  return lastWorkingDay(calendar, answeredAt, AUTO_CLOSE_WORKING_DAYS);
}

const PHONE = /^\+?[0-9][0-9 ().-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The complainant's contact as filed, or as corrected by its data subject. */
export const contactSchema = z
  .object(
    {
      name: optionalText('Nama pelapor', 100),
      email: optionalText('Email', 200).refine(
        (value) => value === null || EMAIL.test(value),
        'Alamat email tidak valid.',
      ),
      phone: optionalText('Nomor telepon', 20).refine(
        (value) => value === null || PHONE.test(value),
        'Nomor telepon tidak valid.',
      ),
    },
    { error: 'Kontak pelapor tidak valid.' },
  )
  .nullish();

const coordinate = (name: string, limit: number) =>
  z
    .number({ error: `${name} harus angka.` })
    .min(-limit, `${name} harus antara -${limit} dan ${limit}.`)
    .max(limit, `${name} harus antara -${limit} dan ${limit}.`);

const locationSchema = z
  .object(
    {
      latitude: coordinate('Lintang', 90),
      longitude: coordinate('Bujur', 180),
      address: optionalText('Alamat lokasi', 300),
    },
    { error: 'Lokasi tidak valid.' },
  )
  .nullish();

const fileSchema = z.object({
  title: text('Judul pengaduan', 3, 150),
  description: text('Uraian pengaduan', 10, 5000),
  categoryCode: text('Kategori', 1, 40),
  serviceId: optionalText('Layanan', 100),
  organizationCode: optionalText('Organisasi tujuan', 40),
  anonymous: z.boolean({ error: 'Pilihan anonim wajib diisi.' }),
  contact: contactSchema,
  location: locationSchema,
  visibility: z
    .enum(['PUBLIC', 'CONFIDENTIAL'], { error: 'Sifat pengaduan harus PUBLIC atau CONFIDENTIAL.' })
    .nullish()
    .transform((value) => value ?? 'CONFIDENTIAL'),
  evidenceFileIds: attachmentsField,
  submissionId: z
    .string({ error: 'Id formulir (submissionId) wajib diisi.' })
    .trim()
    .toLowerCase()
    .refine(isUuidV4, 'Id formulir (submissionId) harus berupa UUID versi 4.'),
  website: z.string().nullish(),
});
type FileInput = z.infer<typeof fileSchema>;

/** An anonymous complaint keeps no contact even when the form sent one; nothing given = none. */
function contactOf(input: FileInput): PublicComplaintFields['contact'] {
  const contact = {
    name: input.contact?.name ?? null,
    email: input.contact?.email ?? null,
    phone: input.contact?.phone ?? null,
  };
  return input.anonymous || Object.values(contact).every((value) => value === null)
    ? null
    : contact;
}

const replySchema = z.object({ message: text('Tanggapan', 1, 4000) });
const rateSchema = z.object({
  rating: z
    .number({ error: 'Nilai wajib diisi.' })
    .int('Nilai harus bilangan bulat 1 sampai 5.')
    .min(1, 'Nilai harus bilangan bulat 1 sampai 5.')
    .max(5, 'Nilai harus bilangan bulat 1 sampai 5.'),
  comment: optionalText('Komentar', 1000),
});
const stepSchema = z.object({ id: caseIdField, revision: revisionField });
const verifySchema = stepSchema.extend({
  decision: z.enum(['ACCEPT', 'REJECT'], { error: 'Keputusan harus ACCEPT atau REJECT.' }),
  note: optionalText('Catatan', 2000),
});
const rerouteSchema = stepSchema.extend({
  organizationCode: text('Organisasi tujuan', 1, 40),
  note: text('Alasan pengalihan', 1, 2000),
});
const answerSchema = stepSchema.extend({
  answer: text('Jawaban', 10, 10_000),
  attachmentFileIds: attachmentsField,
});
const listSchema = listArgsSchema(STATUSES).extend({
  organizationCode: optionalText('Kode organisasi', 40),
});

/** What a citizen reads of each history entry: no officer names, only the notes meant for them. */
const CITIZEN_STEPS: Record<
  PublicComplaintTransition | 'create',
  { label: string; note: (entry: HistoryEntry) => string | null }
> = {
  create: { label: 'Pengaduan diterima', note: () => null },
  accept: { label: 'Diverifikasi, pengaduan ditindaklanjuti', note: () => null },
  reject: { label: 'Pengaduan tidak dapat ditindaklanjuti', note: (entry) => entry.note },
  reroute: {
    label: 'Dialihkan ke perangkat daerah yang berwenang',
    note: () => null,
  },
  answer: { label: 'Pengaduan dijawab', note: () => null },
  reply: { label: 'Anda menanggapi jawaban', note: (entry) => entry.note },
  rate: { label: 'Anda menilai penanganan', note: () => null },
  autoClose: {
    label: 'Ditutup otomatis',
    note: () =>
      `Tidak ada tanggapan dalam ${AUTO_CLOSE_WORKING_DAYS} hari kerja setelah pengaduan dijawab.`,
  },
};

const isCode = (error: unknown, code: string) =>
  (error as GraphQLError | undefined)?.extensions?.code === code;

function complaintOf(record: CaseRecord): PublicComplaintFields {
  if (!record.complaint) throw new Error(`Case ${record._id} has no complaint fields`);
  return record.complaint;
}

export const messageViews = (complaint: PublicComplaintFields): ComplaintMessage[] =>
  complaint.messages.map((message) => ({
    author: message.author,
    text: message.text,
    at: new Date(message.at).toISOString(),
  }));

/**
 * Pengaduan masyarakat (DOMAIN.md §7, Perwali 64/2017 §17(4)e): citizens file without an account
 * (anonymous if they like) and follow, answer and rate their complaint with a tracking code; the
 * target agency's admin-opd (or super-admin) verifies and answers it on the case engine.
 *
 * Tracking codes: `ADU-XXXX-XXXX-XXXX`, derived as HMAC-SHA256(secret, submissionId|caseId)
 * (see tracking-code.ts), so a resent form (same submissionId) gets the same code again while
 * only the code's SHA-256 is stored. The key is TRACKING_SECRET, the same in every replica.
 */
export class PublicComplaintService {
  private readonly engine: CaseEngine;
  private readonly catalog: ComplaintCatalog;
  private readonly organizations: OrganizationDirectory;
  private readonly calendar: CalendarService;
  private readonly limits: PublicComplaintLimits;
  private readonly logger: Logger;
  private readonly codes: TrackingCodeModel;
  private readonly submissions: ComplaintSubmissionModel;
  private readonly limiter: ClientRateLimiter;
  private readonly trackingKey: Buffer;

  constructor(options: {
    connection: Connection;
    engine: CaseEngine;
    catalog: ComplaintCatalog;
    organizations: OrganizationDirectory;
    calendar: CalendarService;
    limits: PublicComplaintLimits;
    logger: Logger;
    /** Key of the tracking codes (TRACKING_SECRET). */
    trackingSecret: string;
  }) {
    this.engine = options.engine;
    this.catalog = options.catalog;
    this.organizations = options.organizations;
    this.calendar = options.calendar;
    this.limits = options.limits;
    this.logger = options.logger;
    this.codes = trackingCodeModel(options.connection);
    this.submissions = complaintSubmissionModel(options.connection);
    this.limiter = new ClientRateLimiter(options.limits.windowMs);
    this.trackingKey = Buffer.from(options.trackingSecret, 'utf8');
  }

  async init(): Promise<void> {
    await Promise.all([this.codes.init(), this.submissions.init()]);
  }

  // -------------------------------------------------------------------------------------------
  // Citizens (no account)
  // -------------------------------------------------------------------------------------------

  /**
   * Files a complaint. A resent form (same submissionId) answers the same number and tracking
   * code with `duplicate: true`; a filled honeypot gets a receipt that matches nothing and
   * stores nothing. `clientAddress` only feeds the in-memory rate limit.
   */
  async file(
    args: FilePublicComplaintInput,
    clientAddress: string | null,
    options: CaseWriteOptions = {},
  ): Promise<FiledComplaint> {
    const input = parseInput(fileSchema, args);
    const category = await this.catalog.category(input.categoryCode);
    if (!category)
      throw badInput('Kategori pengaduan tidak dikenal.', { fields: ['categoryCode'] });
    const target = await this.target(input, category.defaultOrganizationCode);
    if (
      !this.limiter.admit(clientAddress, [
        { key: 'pengaduan', limit: this.limits.filingsPerClient },
      ])
    ) {
      throw rateLimited(FILING_LIMITED);
    }
    const now = options.now ?? new Date();
    if (honeypotFilled(input.website)) {
      this.logger.info({ category: category.code }, 'kolom umpan bot terisi: pengaduan diabaikan');
      return this.fakeReceipt(target.name, now);
    }

    const caseId = await this.claimSubmission(input.submissionId, now);
    const code = deriveTrackingCode(this.trackingKey, input.submissionId, caseId);
    const hash = trackingHash(code);
    await this.rememberCode(hash, caseId, now);

    let record = await this.load(caseId);
    let duplicate = record !== null;
    if (!record) {
      const complaint: PublicComplaintFields = {
        description: input.description,
        categoryCode: category.code,
        categoryName: category.name,
        serviceId: target.service?.id ?? null,
        serviceName: target.service?.name ?? null,
        visibility: input.visibility,
        anonymous: input.anonymous,
        contact: contactOf(input),
        location: input.location ?? null,
        messages: [],
        answer: null,
        answeredAt: null,
        autoCloseDate: null,
        rating: null,
        ratingComment: null,
        trackingHash: hash,
        submissionId: input.submissionId,
      };
      try {
        record = await this.engine.create({
          flow: FLOW,
          id: caseId,
          principal: trackingPrincipal(caseId),
          title: input.title,
          organizationCode: target.code,
          organizationName: target.name,
          requester: null,
          // Never the complainant's name or contact: search is for the case, not the person.
          extraSearch: [category.name, target.service?.name ?? ''].join(' '),
          attachmentFileIds: input.evidenceFileIds,
          fields: { complaint },
          now,
        });
      } catch (error) {
        // The same form sent twice at once: the other request created it.
        record = await this.load(caseId);
        if (!record) throw error;
        duplicate = true;
      }
    }
    if (record.complaint?.trackingHash !== hash) {
      // The code key changed since the first send: the old code cannot be derived again.
      throw conflict(
        `Pengaduan ini sudah tercatat dengan nomor ${record.number}; kode pelacakannya hanya ditampilkan saat pertama dikirim.`,
      );
    }
    const clock = this.engine.clock(record, now);
    return {
      trackingCode: code,
      number: record.number,
      status: record.state as PublicComplaintStatus,
      statusLabel: this.engine.statusLabel(record),
      organizationName: record.organizationName,
      verificationDueDate: record.state === 'SUBMITTED' ? clock.dueDate : null,
      duplicate,
    };
  }

  /** The complaint behind a tracking code, as its citizen sees it; null for unknown codes. */
  async track(
    trackingCode: string,
    clientAddress: string | null,
  ): Promise<TrackedComplaint | null> {
    this.admitTracking(clientAddress);
    const record = await this.byCode(trackingCode);
    return record ? this.tracked(record) : null;
  }

  /**
   * The complaint a data subject proves with its tracking code (UU 27/2022 requests), counted
   * against the same tracking limit; NOT_FOUND for unknown codes.
   */
  async subjectCase(trackingCode: string, clientAddress: string | null): Promise<CaseRecord> {
    this.admitTracking(clientAddress);
    const record = await this.byCode(trackingCode);
    if (!record) throw notFound(UNKNOWN_CODE);
    return record;
  }

  /** The citizen answers the handler's answer: the complaint is followed up again. */
  async reply(
    trackingCode: string,
    message: string,
    clientAddress: string | null,
    options: CaseWriteOptions = {},
  ): Promise<TrackedComplaint> {
    this.admitTracking(clientAddress);
    const input = parseInput(replySchema, { message });
    const found = await this.byCode(trackingCode);
    if (!found) throw notFound(UNKNOWN_CODE);
    const now = options.now ?? new Date();
    const record = await this.engine.transition({
      flow: FLOW,
      id: found._id,
      revision: null,
      transition: 'reply',
      principal: trackingPrincipal(found._id),
      note: input.message,
      skipReadCheck: true,
      now,
      set: (current) => ({
        'complaint.messages': [
          ...complaintOf(current).messages,
          { author: 'CITIZEN', text: input.message, at: now },
        ],
        // The citizen answered: nothing closes by itself until the next answer.
        'complaint.autoCloseDate': null,
      }),
    });
    return this.tracked(record);
  }

  /**
   * The citizen rates the handling (1–5). An answered complaint closes with it; one the system
   * closed for silence takes a late rating as is (no transition). Anything else: CONFLICT.
   */
  async rate(
    trackingCode: string,
    args: { rating: number; comment?: string | null },
    clientAddress: string | null,
    options: CaseWriteOptions = {},
  ): Promise<TrackedComplaint> {
    this.admitTracking(clientAddress);
    const input = parseInput(rateSchema, args);
    const found = await this.byCode(trackingCode);
    if (!found) throw notFound(UNKNOWN_CODE);
    const now = options.now ?? new Date();
    const fields = { 'complaint.rating': input.rating, 'complaint.ratingComment': input.comment };
    const record = await retryAtRevision(async () => {
      const current = await this.load(found._id);
      if (!current) throw notFound(UNKNOWN_CODE);
      if (complaintOf(current).rating !== null) throw conflict('Pengaduan ini sudah dinilai.');
      if (current.state === 'ANSWERED') {
        try {
          return await this.engine.transition({
            flow: FLOW,
            id: current._id,
            revision: current.revision,
            transition: 'rate',
            principal: trackingPrincipal(current._id),
            data: { rating: input.rating },
            skipReadCheck: true,
            now,
            set: () => fields,
          });
        } catch (error) {
          // Replied, rated or closed in the meantime: decide again on a fresh read.
          if (isCode(error, 'CONFLICT')) return null;
          throw error;
        }
      }
      if (current.state === 'CLOSED') {
        return updateAtRevision(this.engine.model, current, {
          $set: { ...fields, updatedAt: now },
        });
      }
      throw conflict('Penilaian hanya dapat diberikan setelah pengaduan dijawab.');
    }, CASE_CHANGED);
    return this.tracked(record);
  }

  // -------------------------------------------------------------------------------------------
  // Handlers (admin-opd of the target agency, super-admin; pimpinan reads)
  // -------------------------------------------------------------------------------------------

  async list(
    principal: Principal | null,
    args: QueryPublicComplaintsArgs,
  ): Promise<PublicComplaintConnection> {
    const input = parseInput(listSchema, args);
    const caller = access.require(
      principal,
      'Query.publicComplaints',
      input.organizationCode ? { organizationCode: input.organizationCode } : undefined,
    );
    const page = await this.engine.list({
      flow: FLOW,
      principal: caller,
      states: input.status,
      queue: input.queue,
      search: input.search,
      first: input.first,
      after: input.after,
      extraFilter: input.organizationCode ? { organizationCode: input.organizationCode } : {},
    });
    return connectionOf(page, await this.views(caller, page.nodes));
  }

  /** The complaint, or null when it does not exist or the caller may not read it. */
  async get(principal: Principal | null, id: string): Promise<PublicComplaint | null> {
    const caller = access.require(principal, 'Query.publicComplaint');
    const record = await this.engine.get(FLOW, id, caller);
    return record ? this.view(caller, record) : null;
  }

  /** Verification: accepted for follow-up, or rejected with the reason the citizen reads. */
  async verify(
    principal: Principal | null,
    args: MutationVerifyPublicComplaintArgs,
    options: CaseWriteOptions = {},
  ): Promise<PublicComplaint> {
    const caller = access.require(principal, 'Mutation.verifyPublicComplaint');
    const input = parseInput(verifySchema, args);
    const record = await this.engine.transition({
      flow: FLOW,
      id: input.id,
      revision: input.revision,
      transition: input.decision === 'ACCEPT' ? 'accept' : 'reject',
      principal: caller,
      note: input.note,
      now: options.now,
    });
    return this.view(caller, record);
  }

  /** super-admin sends the complaint to another agency, which verifies it anew. */
  async reroute(
    principal: Principal | null,
    args: MutationReroutePublicComplaintArgs,
    options: CaseWriteOptions = {},
  ): Promise<PublicComplaint> {
    const caller = access.require(principal, 'Mutation.reroutePublicComplaint');
    const input = parseInput(rerouteSchema, args);
    const organizationName = await this.agencyName(input.organizationCode);
    const current = await this.engine.get(FLOW, input.id, caller);
    if (!current) throw notFound('Pengaduan tidak ditemukan.');
    if (current.organizationCode === input.organizationCode) {
      throw badInput('Pengaduan sudah ditujukan ke organisasi tersebut.', {
        fields: ['organizationCode'],
      });
    }
    const record = await this.engine.transition({
      flow: FLOW,
      id: input.id,
      revision: input.revision,
      transition: 'reroute',
      principal: caller,
      note: input.note,
      data: { organizationCode: input.organizationCode },
      now: options.now,
      set: () => ({ organizationCode: input.organizationCode, organizationName }),
    });
    return this.view(caller, record);
  }

  /** The answer the citizen reads; from now the citizen has 10 working days to react. */
  async answer(
    principal: Principal | null,
    args: MutationAnswerPublicComplaintArgs,
    options: CaseWriteOptions = {},
  ): Promise<PublicComplaint> {
    const caller = access.require(principal, 'Mutation.answerPublicComplaint');
    const input = parseInput(answerSchema, args);
    const now = options.now ?? new Date();
    const autoCloseDate = autoCloseDateOf(this.calendar.calendar(), now);
    const record = await this.engine.transition({
      flow: FLOW,
      id: input.id,
      revision: input.revision,
      transition: 'answer',
      principal: caller,
      data: { answer: input.answer },
      attachmentFileIds: input.attachmentFileIds,
      now,
      set: (current) => ({
        'complaint.answer': input.answer,
        'complaint.answeredAt': now,
        'complaint.autoCloseDate': autoCloseDate,
        'complaint.messages': [
          ...complaintOf(current).messages,
          { author: 'HANDLER', text: input.answer, at: now },
        ],
      }),
    });
    return this.view(caller, record);
  }

  // -------------------------------------------------------------------------------------------
  // Open311 (public complaints only, never contact data)
  // -------------------------------------------------------------------------------------------

  async publicRequests(filter: PublicRequestFilter): Promise<PublicRequestView[]> {
    const query: Record<string, unknown> = { flow: FLOW, 'complaint.visibility': 'PUBLIC' };
    if (filter.numbers && filter.numbers.length > 0) {
      query.number = { $in: filter.numbers };
    } else {
      query.createdAt = { $gte: filter.from, $lte: filter.to };
      if (filter.categoryCodes && filter.categoryCodes.length > 0) {
        query['complaint.categoryCode'] = { $in: filter.categoryCodes };
      }
      if (filter.open !== null) query.state = { [filter.open ? '$nin' : '$in']: ENDED };
    }
    const rows = await this.engine.model
      .find(query, { _pendingEvents: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(filter.limit)
      .lean<CaseRecord[]>()
      .exec();
    return rows.map((record) => this.publicRequestView(record));
  }

  /** One public complaint by its public number; null when unknown or confidential. */
  async publicRequest(number: string): Promise<PublicRequestView | null> {
    const record = await this.engine.model
      .findOne(
        { flow: FLOW, number: number.trim().toUpperCase(), 'complaint.visibility': 'PUBLIC' },
        { _pendingEvents: 0 },
      )
      .lean<CaseRecord>()
      .exec();
    return record ? this.publicRequestView(record) : null;
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  /** Target agency: the service's provider, else the named agency, else the category's. */
  private async target(
    input: FileInput,
    defaultOrganizationCode: string,
  ): Promise<{ code: string; name: string | null; service: ComplaintServiceView | null }> {
    if (input.serviceId) {
      const service = await this.catalog.service(input.serviceId);
      if (!service) {
        throw badInput('Layanan yang diadukan tidak ditemukan.', { fields: ['serviceId'] });
      }
      return { code: service.organizationCode, name: service.organizationName, service };
    }
    if (input.organizationCode) {
      const name = await this.agencyName(input.organizationCode);
      return { code: input.organizationCode, name, service: null };
    }
    const name = await this.organizations.name(defaultOrganizationCode);
    return { code: defaultOrganizationCode, name, service: null };
  }

  /** The name of a Pemda agency (not a lender), or BAD_USER_INPUT on `organizationCode`. */
  private async agencyName(code: string): Promise<string> {
    const name = (await this.organizations.exists(code))
      ? await this.organizations.name(code)
      : null;
    if (!name) throw badInput('Organisasi tujuan tidak dikenal.', { fields: ['organizationCode'] });
    return name;
  }

  private admitTracking(clientAddress: string | null): void {
    const admitted = this.limiter.admit(clientAddress, [
      { key: 'lacak', limit: this.limits.trackingPerClient },
    ]);
    if (!admitted) throw rateLimited(TRACKING_LIMITED);
  }

  /** The case id of a submission: claimed now, or the one a previous send of the form claimed. */
  private async claimSubmission(submissionId: string, now: Date): Promise<string> {
    const caseId = randomUUID();
    try {
      await this.submissions.create({ _id: submissionId, caseId, claimedAt: now });
      return caseId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const claim = await this.submissions.findById(submissionId).lean().exec();
    if (!claim) throw new Error(`Submission ${submissionId} claimed but not readable`);
    return claim.caseId;
  }

  private async rememberCode(hash: string, caseId: string, now: Date): Promise<void> {
    try {
      await this.codes.create({ _id: hash, caseId, createdAt: now });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const known = await this.codes.findById(hash).lean().exec();
    // 60 bits make a collision of two complaints' codes practically impossible; refuse one.
    if (known?.caseId !== caseId) throw new Error('Tracking code collision');
  }

  private load(id: string): Promise<CaseRecord | null> {
    return this.engine.model
      .findOne({ _id: id, flow: FLOW }, { _pendingEvents: 0 })
      .lean<CaseRecord>()
      .exec();
  }

  /** The complaint of a code, or null (malformed or unknown codes alike). */
  private async byCode(trackingCode: string): Promise<CaseRecord | null> {
    const canonical = normalizeTrackingCode(trackingCode);
    if (!canonical) return null;
    const hash = trackingHash(canonical);
    const row = await this.codes.findById(hash).lean().exec();
    // An unknown code costs the same two reads as a known one: no timing hint for guessers.
    const record = await this.load(row?.caseId ?? `tidak-ada:${hash}`);
    return record && record.complaint?.trackingHash === hash ? record : null;
  }

  /** A receipt like a real one for a bot's filing (its code and number match nothing). */
  private fakeReceipt(organizationName: string | null, now: Date): FiledComplaint {
    const calendar = this.calendar.calendar();
    const year = calendar.dateOf(now).slice(0, 4);
    return {
      trackingCode: randomTrackingCode(),
      number: `ADU-${year}-${String(randomInt(1, 100_000)).padStart(5, '0')}`,
      status: 'SUBMITTED',
      statusLabel: publicComplaintWorkflow.states.SUBMITTED.label,
      organizationName,
      verificationDueDate: lastWorkingDay(calendar, now, VERIFICATION_WORKING_DAYS),
      duplicate: false,
    };
  }

  private tracked(record: CaseRecord): TrackedComplaint {
    const complaint = complaintOf(record);
    const clock = this.engine.clock(record);
    const state = record.state as PublicComplaintStatus;
    return {
      number: record.number,
      title: record.title,
      description: complaint.description,
      categoryName: complaint.categoryName,
      serviceName: complaint.serviceName,
      organizationName: record.organizationName,
      status: state,
      statusLabel: this.engine.statusLabel(record),
      submittedAt: new Date(record.createdAt).toISOString(),
      timeline: [
        // The engine records the filing as an event, not as a history entry.
        ...(record.history[0]?.transition === 'create'
          ? []
          : [
              {
                status: publicComplaintWorkflow.initial,
                label: CITIZEN_STEPS.create.label,
                at: new Date(record.createdAt).toISOString(),
                note: null,
              },
            ]),
        ...record.history.map((entry): TrackedStep => {
          const step = CITIZEN_STEPS[entry.transition as PublicComplaintTransition | 'create'];
          return {
            status: entry.to as PublicComplaintStatus,
            label: step?.label ?? publicComplaintWorkflow.states[state].label,
            at: new Date(entry.at).toISOString(),
            note: step ? step.note(entry) : null,
          };
        }),
      ],
      messages: messageViews(complaint),
      answer: complaint.answer,
      answeredAt: iso(complaint.answeredAt),
      autoCloseDate: complaint.autoCloseDate,
      dueDate: clock.paused ? null : clock.dueDate,
      canReply: state === 'ANSWERED',
      canRate: state === 'ANSWERED' || (state === 'CLOSED' && complaint.rating === null),
      rating: complaint.rating,
      ratingComment: complaint.ratingComment,
    };
  }

  private async view(principal: WorkflowPrincipal, record: CaseRecord): Promise<PublicComplaint> {
    const [view] = await this.views(principal, [record]);
    return view as PublicComplaint;
  }

  private async views(
    principal: WorkflowPrincipal,
    records: readonly CaseRecord[],
  ): Promise<PublicComplaint[]> {
    const names = await organizationNamesOf(this.organizations, records);
    return records.map((record) => {
      const complaint = complaintOf(record);
      const {
        points: _points,
        attachments,
        ...common
      } = commonView(this.engine, record, principal, names);
      return {
        ...common,
        title: record.title,
        description: complaint.description,
        categoryCode: complaint.categoryCode,
        categoryName: complaint.categoryName,
        serviceId: complaint.serviceId,
        serviceName: complaint.serviceName,
        status: record.state as PublicComplaintStatus,
        visibility: complaint.visibility,
        anonymous: complaint.anonymous,
        // Personal data (UU 27/2022): only those who handle the complaint, not pimpinan.
        contact: handlesComplaintsOf(principal, record.organizationCode) ? complaint.contact : null,
        location: complaint.location,
        evidence: attachments,
        messages: messageViews(complaint),
        answer: complaint.answer,
        answeredAt: iso(complaint.answeredAt),
        autoCloseDate: complaint.autoCloseDate,
        rating: complaint.rating,
        ratingComment: complaint.ratingComment,
      };
    });
  }

  private publicRequestView(record: CaseRecord): PublicRequestView {
    const complaint = complaintOf(record);
    const clock = this.engine.clock(record);
    const status = record.state as PublicComplaintStatus;
    return {
      number: record.number,
      status,
      statusLabel: this.engine.statusLabel(record),
      open: !ENDED.includes(status),
      categoryCode: complaint.categoryCode,
      categoryName: complaint.categoryName,
      description: complaint.description,
      organizationName: record.organizationName,
      requestedAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      expectedAt: clock.paused ? null : clock.dueAt,
      location: complaint.location,
    };
  }
}
