import { randomUUID } from 'node:crypto';
import { createLogger } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestModel, type DigestModel, type DigestRecord } from '../models/digest.model.js';
import type { NotificationRecord } from '../models/notification.model.js';
import type { PreferenceRecord } from '../models/preference.model.js';
import type { NotificationCategory } from '../rules/categories.js';
import type { RecipientContact } from './delivery-worker.js';
import { DigestJob, type DigestJobOptions } from './digest-job.js';
import { createEmailTransport, type EmailTransport } from './email-transport.js';
import { mailsTo, uniqueAddress } from './test-mailpit.js';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const SMTP_URL = process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
const logger = createLogger('digest-spec', 'silent');

// DIGEST_HOUR 7 in Asia/Jakarta (UTC+7): the day 2026-09-15 covers 14 Sep 00:00Z – 15 Sep 00:00Z.
const RUN_AT = new Date('2026-09-15T01:30:00Z'); // 08:30 WIB
const IN_WINDOW = new Date('2026-09-14T10:00:00Z');

let connection: Connection;
let digests: DigestModel;
let mailpit: EmailTransport;
const recipients = new Map<string, RecipientContact>();

function job(transport: EmailTransport = mailpit, options: Partial<DigestJobOptions> = {}) {
  return new DigestJob(
    {
      connection,
      loadRecipient: async (userId) => recipients.get(userId) ?? null,
      transport,
      logger,
    },
    { publicWebUrl: 'http://localhost:3000', timeZone: 'Asia/Jakarta', ...options },
  );
}

async function person(
  name: string,
  preference: Partial<PreferenceRecord> | null = {},
  email: string | null = uniqueAddress(name.toLowerCase()),
): Promise<{ userId: string; email: string }> {
  const userId = `u-${randomUUID().slice(0, 8)}`;
  recipients.set(userId, { name, email });
  if (preference) {
    await connection.collection<PreferenceRecord>('preferences').insertOne({
      _id: userId,
      categories: [],
      dailyDigest: true,
      phone: null,
      updatedAt: new Date(),
      ...preference,
    });
  }
  return { userId, email: email ?? '' };
}

async function notify(
  userId: string,
  title: string,
  category: NotificationCategory = 'PERSYARATAN',
  overrides: Partial<NotificationRecord> = {},
): Promise<string> {
  const _id = randomUUID();
  await connection.collection<NotificationRecord>('notifications').insertOne({
    _id,
    userId,
    sequence: 1,
    sourceKey: _id,
    category,
    title,
    body: `Isi ${title}`,
    link: `/dokumen/${_id}`,
    subject: null,
    threadId: null,
    inApp: true,
    createdAt: IN_WINDOW,
    readAt: null,
    ...overrides,
  });
  return _id;
}

async function digestOf(userId: string, day = '2026-09-15'): Promise<DigestRecord | null> {
  return digests.findById(`${userId}:${day}`).lean<DigestRecord>().exec();
}

beforeAll(async () => {
  connection = await mongoose
    .createConnection(MONGO_URL, { dbName: `test-notif-digest-${randomUUID().slice(0, 8)}` })
    .asPromise();
  digests = digestModel(connection);
  mailpit = createEmailTransport({ smtpUrl: SMTP_URL, from: 'SIPADU <no-reply@sipadu.local>' });
});

afterEach(async () => {
  await Promise.all(
    ['preferences', 'notifications', 'digests', 'channel_claims'].map((name) =>
      connection.collection(name).deleteMany({}),
    ),
  );
  recipients.clear();
});

afterAll(async () => {
  mailpit?.close();
  await connection?.dropDatabase();
  await connection?.close();
});

describe('DigestJob', () => {
  it('does nothing before DIGEST_HOUR in the Pemda zone', async () => {
    const { userId } = await person('Awal');
    await notify(userId, 'Belum waktunya');
    expect(await job().runOnce(new Date('2026-09-14T23:59:00Z'))).toBeNull(); // 06:59 WIB
    expect(await digestOf(userId)).toBeNull();
    expect(await digestOf(userId, '2026-09-14')).toBeNull();
  });

  it("sends one e-mail of the day's unread notifications of e-mail categories", async () => {
    const { userId, email } = await person('Sari', {
      categories: [{ category: 'AKUN', inApp: true, email: false, sms: false }],
    });
    const other = await person('Lain');
    const included = [
      await notify(userId, 'Revisi <laporan>', 'PERSYARATAN'),
      await notify(userId, 'Pesan baru', 'KORESPONDENSI', { inApp: false }),
      await notify(userId, 'Tenggat dekat', 'PENGINGAT', {
        createdAt: new Date('2026-09-14T00:00:00Z'),
      }),
    ];
    await notify(userId, 'Dokumen ditarik', 'DOKUMEN'); // e-mail off by default
    await notify(userId, 'Peran berubah', 'AKUN'); // e-mail turned off by the user
    await notify(userId, 'Sudah dibaca', 'PERSYARATAN', { readAt: new Date() });
    await notify(userId, 'Terlalu awal', 'PERSYARATAN', {
      createdAt: new Date('2026-09-13T23:59:59Z'),
    });
    await notify(userId, 'Untuk besok', 'PERSYARATAN', {
      createdAt: new Date('2026-09-15T00:00:00Z'),
    });
    await notify(other.userId, 'Milik orang lain');

    expect(await job().runOnce(RUN_AT)).toEqual({
      day: '2026-09-15',
      sent: 2,
      empty: 0,
      skipped: 0,
      failed: 0,
    });

    const digest = await digestOf(userId);
    expect(digest).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(new Set(digest!.notificationIds)).toEqual(new Set(included));
    const [mail, ...more] = await vi.waitFor(async () => {
      const found = await mailsTo(email);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(more).toHaveLength(0);
    expect(mail!.Subject).toBe(
      '[SIPADU] Ringkasan notifikasi Selasa, 15 September 2026 (3 notifikasi)',
    );
    expect(mail!.HTML).toContain('Revisi &lt;laporan&gt;');
    expect(mail!.HTML).toContain('Persyaratan dokumen (1)');
    expect(mail!.HTML).toContain('Korespondensi (1)');
    expect(mail!.HTML).toContain(`href="http://localhost:3000/dokumen/${included[0]}"`);
    expect(mail!.Text).toContain('Revisi <laporan>');
    expect(mail!.Text).toContain('Pengingat (1)');
    expect(mail!.Text).not.toContain('Dokumen ditarik');
    expect(mail!.Text).not.toContain('Peran berubah');
    expect(mail!.Text).not.toContain('Sudah dibaca');
    expect(mail!.Text).not.toContain('Terlalu awal');
    expect(mail!.Text).not.toContain('Untuk besok');
    await vi.waitFor(async () => expect(await mailsTo(other.email)).toHaveLength(1));
  });

  it('sends a day once, across later runs and concurrent replicas', async () => {
    const { userId, email } = await person('Budi');
    await notify(userId, 'Sekali saja');

    const results = await Promise.all([job().runOnce(RUN_AT), job().runOnce(RUN_AT)]);
    expect(results.map((r) => r!.sent).sort()).toEqual([0, 1]);
    const later = await job().runOnce(new Date('2026-09-15T12:00:00Z'));
    expect(later).toMatchObject({ day: '2026-09-15', sent: 0 });

    await vi.waitFor(async () => expect(await mailsTo(email)).toHaveLength(1));
    expect(await digestOf(userId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records an empty day, a user without e-mail, and leaves users without the digest alone', async () => {
    const quiet = await person('Sepi');
    const noEmail = await person('Tanpa Email', {}, null);
    await notify(noEmail.userId, 'Tidak terkirim');
    const perItem = await person('Per Notifikasi', { dailyDigest: false });
    await notify(perItem.userId, 'Dikirim satu per satu');

    expect(await job().runOnce(RUN_AT)).toMatchObject({ sent: 0, empty: 1, skipped: 1 });
    expect(await digestOf(quiet.userId)).toMatchObject({ status: 'empty', notificationIds: [] });
    expect(await digestOf(noEmail.userId)).toMatchObject({ status: 'skipped' });
    expect(await digestOf(perItem.userId)).toBeNull();
    expect(await mailsTo(quiet.email)).toHaveLength(0);
    expect(await mailsTo(perItem.email)).toHaveLength(0);
  });

  it('retries a digest left pending by a crash once its lease has passed', async () => {
    const crashed = await person('Terhenti');
    await notify(crashed.userId, 'Setelah mulai ulang');
    const busy = await person('Sedang');
    await notify(busy.userId, 'Sedang dikirim');
    const base = {
      day: '2026-09-15',
      status: 'pending' as const,
      notificationIds: [],
      attempts: 1,
      lastError: null,
      sentAt: null,
      createdAt: RUN_AT,
    };
    await digests.create({
      ...base,
      _id: `${crashed.userId}:2026-09-15`,
      userId: crashed.userId,
      claimedUntil: new Date(RUN_AT.getTime() - 1_000),
    });
    await digests.create({
      ...base,
      _id: `${busy.userId}:2026-09-15`,
      userId: busy.userId,
      claimedUntil: new Date(RUN_AT.getTime() + 60_000),
    });

    expect(await job().runOnce(RUN_AT)).toMatchObject({ sent: 1 });
    expect(await digestOf(crashed.userId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await digestOf(busy.userId)).toMatchObject({ status: 'pending', attempts: 1 });
    await vi.waitFor(async () => expect(await mailsTo(crashed.email)).toHaveLength(1));
    expect(await mailsTo(busy.email)).toHaveLength(0);
  });

  it('keeps a digest pending while SMTP fails and sends it after the lease', async () => {
    const { userId, email } = await person('Gangguan');
    await notify(userId, 'Menunggu SMTP');
    const broken: EmailTransport = {
      send: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
      verify: async () => false,
      close: () => undefined,
    };

    expect(await job(broken, { leaseMs: 60_000 }).runOnce(RUN_AT)).toMatchObject({ failed: 1 });
    expect(await digestOf(userId)).toMatchObject({
      status: 'pending',
      lastError: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    // Within the lease nobody retries.
    const soon = new Date(RUN_AT.getTime() + 30_000);
    expect(await job(mailpit, { leaseMs: 60_000 }).runOnce(soon)).toMatchObject({ sent: 0 });

    const afterLease = new Date(RUN_AT.getTime() + 61_000);
    expect(await job(mailpit, { leaseMs: 60_000 }).runOnce(afterLease)).toMatchObject({ sent: 1 });
    expect(await digestOf(userId)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    await vi.waitFor(async () => expect(await mailsTo(email)).toHaveLength(1));
  });

  it('runs by itself every poll interval once started', async () => {
    const { userId, email } = await person('Otomatis');
    await notify(userId, 'Dari penjadwal', 'PERSYARATAN', { createdAt: new Date() });
    // A digest hour of 0 means "any time of day": today's digest is due at once.
    const running = job(mailpit, { digestHour: 0, pollIntervalMs: 100 });
    running.start();
    try {
      const today = await vi.waitFor(
        async () => {
          const [row] = await digests.find({ userId }).lean<DigestRecord[]>().exec();
          expect(row?.status).toBe('empty');
          return row!;
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(today.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await running.stop();
    }
    expect(await mailsTo(email)).toHaveLength(0);
  });
});
