import { randomUUID } from 'node:crypto';
import { retryAtRevision, updateAtRevision } from '@sipadu/events';
import { badInput, parseInput, type Principal } from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import type {
  ComplaintPersonalData,
  PersonalDataReceipt,
  PersonalDataRequest,
  QueryPersonalDataRequestsArgs,
} from '../generated/graphql.js';
import type { CaseRecord, PublicComplaintFields } from '../models/case.model.js';
import type {
  PersonalDataRequestKind,
  PersonalDataRequestModel,
  PersonalDataRequestRecord,
} from '../models/personal-data-request.model.js';
import type { PublicComplaintStatus } from '../workflows/public-complaint.workflow.js';
import type { CalendarService } from './calendar.service.js';
import { CASE_CHANGED, searchTextOf, type CaseEngine } from './case-engine.service.js';
import type { CaseNumbers } from './case-number.js';
import { optionalText } from './staff-case.support.js';
import {
  ENDED,
  contactSchema,
  messageViews,
  type PublicComplaintService,
} from './public-complaint.service.js';

const ERASED = '[dihapus atas permintaan subjek data]';

const requestSchema = z
  .object({
    trackingCode: z.string({ error: 'Kode pelacakan wajib diisi.' }).max(100),
    kind: z.enum(['ACCESS', 'CORRECTION', 'DELETION'], {
      error: 'Jenis permintaan harus ACCESS, CORRECTION atau DELETION.',
    }),
    correction: contactSchema,
    reason: optionalText('Alasan', 500),
  })
  .superRefine((input, ctx) => {
    const given = Object.values(input.correction ?? {}).some((value) => value !== null);
    if (input.kind === 'CORRECTION' && !given) {
      ctx.addIssue({
        code: 'custom',
        path: ['correction'],
        message: 'Pembetulan: isi sedikitnya satu dari nama, email atau nomor telepon yang baru.',
      });
    }
    if (input.kind !== 'CORRECTION' && given) {
      ctx.addIssue({
        code: 'custom',
        path: ['correction'],
        message: 'Data pembetulan hanya dikirim untuk permintaan CORRECTION.',
      });
    }
  });

const listSchema = z.object({
  organizationCode: optionalText('Organisasi', 40),
  kind: z.enum(['ACCESS', 'CORRECTION', 'DELETION']).nullish(),
  first: z
    .number()
    .int()
    .min(1, 'first minimal 1.')
    .max(200, 'first maksimal 200.')
    .nullish()
    .transform((value) => value ?? 50),
});

/**
 * The rights of a complainant as data subject (UU 27/2022 Pasal 6–8): access to, correction of
 * and deletion of the personal data in their public complaint. The tracking code is the proof of
 * identity (the platform knows nothing else about an anonymous citizen), so requests are
 * fulfilled at once — well within the 3 × 24 hours of Pasal 32–33 — and recorded without the data.
 */
export class PersonalDataService {
  constructor(
    private readonly options: {
      complaints: PublicComplaintService;
      engine: CaseEngine;
      requests: PersonalDataRequestModel;
      numbers: CaseNumbers;
      calendar: CalendarService;
    },
  ) {}

  async request(input: unknown, clientAddress: string | null): Promise<PersonalDataReceipt> {
    const data = parseInput(requestSchema, input);
    const found = await this.options.complaints.subjectCase(data.trackingCode, clientAddress);
    const receivedAt = new Date();
    const { record, changedFields } = await this.apply(found, data.kind, data.correction ?? null);
    const year = Number(this.options.calendar.calendar().dateOf(receivedAt).slice(0, 4));
    const requestNumber = await this.options.numbers.claim('PDP', year);
    const completedAt = new Date();
    await this.options.requests.create({
      _id: randomUUID(),
      requestNumber,
      kind: data.kind,
      caseId: record._id,
      caseNumber: record.number,
      organizationCode: record.organizationCode,
      changedFields,
      reason: data.reason,
      receivedAt,
      completedAt,
    } satisfies PersonalDataRequestRecord);
    return {
      requestNumber,
      kind: data.kind,
      completedAt: completedAt.toISOString(),
      changedFields,
      note: noteOf(data.kind, changedFields, ENDED.includes(record.state as PublicComplaintStatus)),
      data: personalDataOf(record),
    };
  }

  async list(
    principal: Principal | null,
    args: QueryPersonalDataRequestsArgs,
  ): Promise<PersonalDataRequest[]> {
    const input = parseInput(listSchema, args);
    const caller = access.require(principal, 'Query.personalDataRequests');
    const organizationCode =
      input.organizationCode ??
      (access.seesAllOrganizations(caller, 'Query.personalDataRequests')
        ? null
        : caller.organizationCode);
    if (organizationCode) {
      access.require(principal, 'Query.personalDataRequests', { organizationCode });
    }
    const rows = await this.options.requests
      .find({
        ...(organizationCode ? { organizationCode } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
      })
      .sort({ receivedAt: -1 })
      .limit(input.first)
      .lean<PersonalDataRequestRecord[]>()
      .exec();
    return rows.map((row) => ({
      id: row._id,
      requestNumber: row.requestNumber,
      kind: row.kind,
      caseNumber: row.caseNumber,
      organizationCode: row.organizationCode,
      changedFields: row.changedFields,
      reason: row.reason,
      receivedAt: row.receivedAt.toISOString(),
      completedAt: row.completedAt.toISOString(),
    }));
  }

  /** Writes the correction or erasure at the case's revision (retried on a concurrent change). */
  private async apply(
    found: CaseRecord,
    kind: PersonalDataRequestKind,
    correction: { name: string | null; email: string | null; phone: string | null } | null,
  ): Promise<{ record: CaseRecord; changedFields: string[] }> {
    if (kind === 'ACCESS') return { record: found, changedFields: [] };
    let changedFields: string[] = [];
    const record = await retryAtRevision(async () => {
      const current = (await this.options.engine.model
        .findById(found._id)
        .lean()
        .exec()) as CaseRecord | null;
      if (!current?.complaint) throw badInput('Pengaduan tidak ditemukan.');
      const plan =
        kind === 'CORRECTION'
          ? correctionOf(current.complaint, correction)
          : erasureOf(current, ENDED.includes(current.state as PublicComplaintStatus));
      changedFields = plan.fields;
      if (plan.fields.length === 0) return current;
      return updateAtRevision(this.options.engine.model, current, {
        $set: { ...plan.set, updatedAt: new Date() },
      });
    }, CASE_CHANGED);
    return { record, changedFields };
  }
}

interface Plan {
  set: Record<string, unknown>;
  fields: string[];
}

function correctionOf(
  complaint: PublicComplaintFields,
  correction: { name: string | null; email: string | null; phone: string | null } | null,
): Plan {
  const contact = complaint.contact ?? { name: null, email: null, phone: null };
  const next = { ...contact };
  const fields: string[] = [];
  for (const key of ['name', 'email', 'phone'] as const) {
    const value = correction?.[key] ?? null;
    if (value !== null && value !== contact[key]) {
      next[key] = value;
      fields.push(`contact.${key}`);
    }
  }
  // Giving a name or contact ends anonymity: the handler may now reach the citizen.
  return fields.length === 0
    ? { set: {}, fields }
    : { set: { 'complaint.contact': next, 'complaint.anonymous': false }, fields };
}

/**
 * Erasure: the contact always goes (the complaint continues anonymously). The content that may
 * describe the person (description, messages, rating comment, address) goes once the complaint
 * has ended; while it is handled it is kept, as the handling still needs it (Pasal 8 with the
 * retention the Pemda's complaint duty requires), and the note says so.
 */
function erasureOf(record: CaseRecord, ended: boolean): Plan {
  const complaint = record.complaint as PublicComplaintFields;
  const set: Record<string, unknown> = {};
  const fields: string[] = [];
  if (complaint.contact !== null || !complaint.anonymous) {
    set['complaint.contact'] = null;
    set['complaint.anonymous'] = true;
    fields.push('contact');
  }
  if (!ended) return { set, fields };
  if (complaint.description !== ERASED) {
    const title = `Pengaduan ${record.number} ${ERASED}`;
    set.title = title;
    set.searchText = searchTextOf(title, record.number);
    set['complaint.description'] = ERASED;
    fields.push('title', 'description');
  }
  if (
    complaint.messages.some((message) => message.author === 'CITIZEN' && message.text !== ERASED)
  ) {
    set['complaint.messages'] = complaint.messages.map((message) =>
      message.author === 'CITIZEN' ? { ...message, text: ERASED } : message,
    );
    fields.push('messages');
  }
  if (complaint.ratingComment) {
    set['complaint.ratingComment'] = null;
    fields.push('ratingComment');
  }
  if (complaint.location?.address) {
    set['complaint.location.address'] = null;
    fields.push('location.address');
  }
  return { set, fields };
}

function noteOf(kind: PersonalDataRequestKind, fields: string[], ended: boolean): string {
  if (kind === 'ACCESS') {
    return 'Berikut seluruh data pribadi yang kami simpan untuk pengaduan Anda.';
  }
  if (kind === 'CORRECTION') {
    return fields.length > 0
      ? 'Data kontak Anda telah dibetulkan.'
      : 'Tidak ada yang berubah: data yang dikirim sama dengan yang tersimpan.';
  }
  if (ended) {
    return 'Data pribadi Anda telah dihapus. Nomor, kategori, status dan waktu pengaduan tetap disimpan tanpa identitas untuk statistik layanan.';
  }
  return 'Kontak Anda telah dihapus; pengaduan dilanjutkan secara anonim. Uraian dan pesan disimpan sampai pengaduan selesai, lalu dapat dihapus dengan permintaan penghapusan berikutnya.';
}

function personalDataOf(record: CaseRecord): ComplaintPersonalData {
  const complaint = record.complaint as PublicComplaintFields;
  return {
    number: record.number,
    anonymous: complaint.anonymous,
    name: complaint.contact?.name ?? null,
    email: complaint.contact?.email ?? null,
    phone: complaint.contact?.phone ?? null,
    description: complaint.description,
    location: complaint.location,
    messages: messageViews(complaint),
    ratingComment: complaint.ratingComment,
    attachmentCount: record.attachments.length,
    submittedAt: new Date(record.createdAt).toISOString(),
    retention:
      'Dipakai hanya untuk menangani pengaduan ini dan statistik layanan tanpa identitas; disimpan selama arsip pengaduan Pemda berlaku, dan dapat Anda minta dihapus kapan saja.',
  };
}
