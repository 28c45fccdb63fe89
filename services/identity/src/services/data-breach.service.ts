import { randomUUID } from 'node:crypto';
import { isDuplicateKey } from '@sipadu/events';
import {
  badInput,
  conflict,
  notFound,
  parseInput,
  type Logger,
  type Principal,
} from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import type { DataBreach, DataBreachStatus } from '../generated/graphql.js';
import type { DataBreachModel, DataBreachRecord } from '../models/data-breach.model.js';

/** UU 27/2022 Pasal 46 ayat 1: written notice within 3 × 24 hours of discovering the breach. */
export const NOTIFICATION_HOURS = 72;

const instant = (field: string) =>
  z
    .string()
    .trim()
    .refine((value) => !Number.isNaN(Date.parse(value)), `${field}: tanggal/waktu tidak valid`)
    .transform((value) => new Date(value));
const text = (field: string, max: number) =>
  z.string().trim().min(1, `${field} wajib diisi`).max(max, `${field} maksimal ${max} karakter`);
const list = (field: string) =>
  z
    .array(text(field, 100))
    .max(30, `${field} maksimal 30 butir`)
    .transform((items) => [...new Set(items)]);
const subjects = z
  .number()
  .int('Jumlah subjek terdampak harus bilangan bulat')
  .min(0, 'Jumlah subjek terdampak tidak boleh negatif')
  .max(100_000_000, 'Jumlah subjek terdampak terlalu besar');

const recordSchema = z.object({
  title: text('Judul', 200),
  description: text('Uraian', 5000),
  occurredAt: instant('Waktu kejadian').nullish(),
  discoveredAt: instant('Waktu diketahui'),
  dataCategories: list('Kategori data').refine((v) => v.length > 0, 'Kategori data wajib diisi'),
  affectedSubjects: subjects.nullish(),
  affectedSystems: list('Sistem terdampak').nullish(),
  measures: z.string().trim().max(5000, 'Penanganan maksimal 5000 karakter').nullish(),
});

const updateSchema = z.object({
  description: text('Uraian', 5000).nullish(),
  measures: z.string().trim().max(5000, 'Penanganan maksimal 5000 karakter').nullish(),
  affectedSubjects: subjects.nullish(),
  dataCategories: list('Kategori data').nullish(),
  affectedSystems: list('Sistem terdampak').nullish(),
  subjectsNotifiedAt: instant('Waktu pemberitahuan subjek data').nullish(),
  authorityNotifiedAt: instant('Waktu pemberitahuan lembaga').nullish(),
  status: z.enum(['OPEN', 'CLOSED']).nullish(),
});

/** Records of personal-data breaches: the evidence a Pemda needs for Pasal 46 notices. */
export class DataBreachService {
  constructor(
    private readonly breaches: DataBreachModel,
    private readonly logger: Logger,
  ) {}

  async list(principal: Principal | null, status?: DataBreachStatus | null): Promise<DataBreach[]> {
    access.require(principal, 'Query.dataBreaches');
    const rows = await this.breaches
      .find(status ? { status } : {})
      .sort({ discoveredAt: -1 })
      .limit(500)
      .lean<DataBreachRecord[]>()
      .exec();
    return rows.map((row) => view(row));
  }

  async record(principal: Principal | null, input: unknown): Promise<DataBreach> {
    const caller = access.require(principal, 'Mutation.recordDataBreach');
    const data = parseInput(recordSchema, input);
    if (data.discoveredAt.getTime() > Date.now() + 60_000) {
      throw badInput('Waktu diketahui tidak boleh di masa depan.');
    }
    if (data.occurredAt && data.occurredAt > data.discoveredAt) {
      throw badInput('Waktu kejadian tidak boleh setelah waktu diketahui.');
    }
    const year = data.discoveredAt.getUTCFullYear();
    // The next number of the year; two recorders at once retry on the unique index.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const sequence = (await this.breaches.countDocuments({ year }).exec()) + 1 + attempt;
      const record: Omit<DataBreachRecord, 'createdAt' | 'updatedAt'> = {
        _id: randomUUID(),
        number: `IPD-${year}-${String(sequence).padStart(3, '0')}`,
        year,
        title: data.title,
        description: data.description,
        occurredAt: data.occurredAt ?? null,
        discoveredAt: data.discoveredAt,
        dataCategories: data.dataCategories,
        affectedSubjects: data.affectedSubjects ?? null,
        affectedSystems: data.affectedSystems ?? [],
        measures: data.measures || null,
        notificationDueAt: new Date(data.discoveredAt.getTime() + NOTIFICATION_HOURS * 3_600_000),
        subjectsNotifiedAt: null,
        authorityNotifiedAt: null,
        status: 'OPEN',
        recordedBy: caller.username || caller.id,
        revision: 0,
      };
      try {
        const created = await this.breaches.create(record);
        this.logger.warn({ breach: record.number, by: caller.id }, 'insiden data pribadi dicatat');
        return view(created.toObject());
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw conflict('Nomor insiden sedang dipakai pencatatan lain; silakan coba lagi.');
  }

  async update(
    principal: Principal | null,
    id: string,
    revision: number,
    input: unknown,
  ): Promise<DataBreach> {
    access.require(principal, 'Mutation.updateDataBreach');
    const data = parseInput(updateSchema, input);
    const current = await this.breaches.findById(id).lean<DataBreachRecord>().exec();
    if (!current) throw notFound('Insiden tidak ditemukan.');
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      if (value !== undefined && value !== null) set[key] = value;
    }
    for (const key of ['subjectsNotifiedAt', 'authorityNotifiedAt'] as const) {
      const at = data[key];
      if (at && at < current.discoveredAt) {
        throw badInput('Waktu pemberitahuan tidak boleh sebelum insiden diketahui.');
      }
    }
    const closing = data.status === 'CLOSED' && current.status !== 'CLOSED';
    const subjectsNotified = data.subjectsNotifiedAt ?? current.subjectsNotifiedAt;
    const authorityNotified = data.authorityNotifiedAt ?? current.authorityNotifiedAt;
    if (closing && (!subjectsNotified || !authorityNotified)) {
      throw conflict(
        'Insiden baru dapat ditutup setelah subjek data dan lembaga diberi tahu (UU 27/2022 Pasal 46).',
      );
    }
    const updated = await this.breaches
      .findOneAndUpdate(
        { _id: id, revision },
        { $set: { ...set, updatedAt: new Date() }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean<DataBreachRecord>()
      .exec();
    if (!updated) {
      throw conflict('Insiden telah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.');
    }
    return view(updated);
  }
}

const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);

function view(row: DataBreachRecord, now = new Date()): DataBreach {
  const notified = row.subjectsNotifiedAt && row.authorityNotifiedAt;
  return {
    id: row._id,
    number: row.number,
    title: row.title,
    description: row.description,
    occurredAt: iso(row.occurredAt),
    discoveredAt: new Date(row.discoveredAt).toISOString(),
    dataCategories: row.dataCategories,
    affectedSubjects: row.affectedSubjects,
    affectedSystems: row.affectedSystems,
    measures: row.measures,
    notificationDueAt: new Date(row.notificationDueAt).toISOString(),
    subjectsNotifiedAt: iso(row.subjectsNotifiedAt),
    authorityNotifiedAt: iso(row.authorityNotifiedAt),
    notificationOverdue: !notified && now > new Date(row.notificationDueAt),
    status: row.status,
    recordedBy: row.recordedBy,
    recordedAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    revision: row.revision,
  };
}
