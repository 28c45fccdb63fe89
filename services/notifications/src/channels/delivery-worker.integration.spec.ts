import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  deliveryModel,
  type DeliveryModel,
  type DeliveryRecord,
} from '../models/delivery.model.js';
import {
  DeliveryWorker,
  type DeliveryNotification,
  type DeliveryWorkerOptions,
} from './delivery-worker.js';
import { createEmailTransport, type EmailTransport } from './email-transport.js';
import { RecordingSmsGateway, SMS_MAX_LENGTH, type SmsGateway } from './sms-gateway.js';
import { mailsTo, uniqueAddress } from './test-mailpit.js';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const SMTP_URL = process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
const FROM = 'SIPADU <no-reply@sipadu.local>';
const logger = createLogger('delivery-spec', 'silent');

let connection: Connection;
let deliveries: DeliveryModel;
let mailpit: EmailTransport;
let deadSmtp: EmailTransport;
const notifications = new Map<string, DeliveryNotification>();
const workers: DeliveryWorker[] = [];

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function notification(title: string, overrides: Partial<DeliveryNotification> = {}): string {
  const id = randomUUID();
  notifications.set(id, {
    userId: 'u-budi',
    title,
    body: 'Dinas PUPR meminta revisi dokumen.',
    link: `/dokumen/subjek/LoanProject/${id}`,
    category: 'PERSYARATAN',
    createdAt: new Date(),
    ...overrides,
  });
  return id;
}

function worker(
  transport: EmailTransport,
  options: Partial<DeliveryWorkerOptions> = {},
  smsGateway: SmsGateway = new RecordingSmsGateway(logger),
): DeliveryWorker {
  const created = new DeliveryWorker(
    {
      connection,
      loadNotification: async (id) => notifications.get(id) ?? null,
      loadRecipient: async () => ({ name: 'Budi Santoso', email: null }),
      transport,
      smsGateway,
      logger,
    },
    {
      publicWebUrl: 'http://localhost:3000',
      timeZone: 'Asia/Jakarta',
      pollIntervalMs: 100,
      retryBaseMs: 100,
      leaseMs: 5_000,
      ...options,
    },
  );
  workers.push(created);
  return created;
}

async function row(id: string): Promise<DeliveryRecord> {
  const found = await deliveries.findById(id).lean<DeliveryRecord>().exec();
  expect(found).not.toBeNull();
  return found!;
}

async function waitForStatus(
  id: string,
  status: DeliveryRecord['status'],
): Promise<DeliveryRecord> {
  return vi.waitFor(
    async () => {
      const current = await row(id);
      expect(current.status).toBe(status);
      return current;
    },
    { timeout: 15_000, interval: 50 },
  );
}

beforeAll(async () => {
  connection = await mongoose
    .createConnection(MONGO_URL, { dbName: `test-notif-delivery-${randomUUID().slice(0, 8)}` })
    .asPromise();
  deliveries = deliveryModel(connection);
  await deliveries.init();
  mailpit = createEmailTransport({ smtpUrl: SMTP_URL, from: FROM });
  deadSmtp = createEmailTransport({
    smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
    from: FROM,
    timeoutMs: 2_000,
  });
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all([
    deliveries.deleteMany({}),
    connection.collection('channel_claims').deleteMany({}),
  ]);
});

afterAll(async () => {
  mailpit?.close();
  deadSmtp?.close();
  await connection?.dropDatabase();
  await connection?.close();
});

describe('DeliveryWorker', () => {
  it('sends a queued e-mail with HTML and text parts through SMTP', async () => {
    const to = uniqueAddress('budi');
    const id = notification('Permintaan revisi: Laporan <Keuangan>');
    const sender = worker(mailpit);
    await sender.init();
    sender.start();
    await sender.enqueue([{ notificationId: id, userId: 'u-budi', channel: 'email', to }]);
    sender.wake();

    const sent = await waitForStatus(`${id}:email`, 'sent');
    expect(sent).toMatchObject({
      attempts: 1,
      provider: 'smtp',
      lastError: null,
      claimedUntil: null,
    });
    expect(sent.reference).toMatch(/@/);
    expect(sent.sentAt).toBeInstanceOf(Date);

    const mails = await vi.waitFor(async () => {
      const found = await mailsTo(to);
      expect(found).toHaveLength(1);
      return found;
    });
    const mail = mails[0]!;
    expect(mail.Subject).toBe('[SIPADU] Permintaan revisi: Laporan <Keuangan>');
    expect(mail.HTML).toContain('Permintaan revisi: Laporan &lt;Keuangan&gt;');
    expect(mail.HTML).toContain(`href="http://localhost:3000/dokumen/subjek/LoanProject/${id}"`);
    expect(mail.HTML).toContain('Yth. Budi Santoso,');
    expect(mail.Text).toContain(
      `Buka di SIPADU: http://localhost:3000/dokumen/subjek/LoanProject/${id}`,
    );
    expect(mail.Text).toContain('http://localhost:3000/notifikasi/preferensi');
  });

  it('sends a delivery enqueued twice (and again after it was sent) once', async () => {
    const to = uniqueAddress('sari');
    const id = notification('Dokumen disetujui');
    const request = { notificationId: id, userId: 'u-budi', channel: 'email' as const, to };
    const sender = worker(mailpit);
    await sender.enqueue([request, request]);
    await sender.enqueue([request]);
    expect(await deliveries.countDocuments({ notificationId: id })).toBe(1);

    sender.start();
    await waitForStatus(`${id}:email`, 'sent');
    await sender.enqueue([request]);
    sender.wake();
    await sleep(500);

    expect(await row(`${id}:email`)).toMatchObject({ status: 'sent', attempts: 1 });
    await vi.waitFor(async () => expect(await mailsTo(to)).toHaveLength(1));
  });

  it('retries a failing SMTP server with growing delays and sends once it answers', async () => {
    const to = uniqueAddress('retry');
    const id = notification('Pengingat tenggat');
    let current = deadSmtp;
    const switchable: EmailTransport = {
      send: (email) => current.send(email),
      verify: () => current.verify(),
      close: () => undefined,
    };
    const sender = worker(switchable);
    await sender.enqueue([{ notificationId: id, userId: 'u-budi', channel: 'email', to }]);
    sender.start();

    const seen: Array<{ attempts: number; delay: number }> = [];
    await vi.waitFor(
      async () => {
        const state = await row(`${id}:email`);
        if (state.status === 'pending' && state.attempts > 0) {
          const last = seen.at(-1);
          if (!last || last.attempts !== state.attempts) {
            seen.push({
              attempts: state.attempts,
              delay: state.nextAttemptAt.getTime() - Date.now(),
            });
          }
        }
        expect(state.attempts).toBeGreaterThanOrEqual(3);
        expect(state.status).toBe('pending');
      },
      { timeout: 15_000, interval: 20 },
    );
    const failing = await row(`${id}:email`);
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failing.sentAt).toBeNull();
    // 100 ms, 200 ms, 400 ms…: each delay is longer than the one before.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.delay).toBeGreaterThan(seen[i - 1]!.delay);
    }
    expect(await mailsTo(to)).toHaveLength(0);

    current = mailpit;
    const sent = await waitForStatus(`${id}:email`, 'sent');
    expect(sent.attempts).toBeGreaterThan(failing.attempts);
    expect(sent.lastError).toBeNull();
    await vi.waitFor(async () => expect(await mailsTo(to)).toHaveLength(1));
  });

  it('gives up after maxAttempts and marks the delivery failed', async () => {
    const id = notification('Tidak terkirim');
    const sender = worker(deadSmtp, { maxAttempts: 3, retryBaseMs: 50 });
    await sender.enqueue([
      { notificationId: id, userId: 'u-budi', channel: 'email', to: uniqueAddress('gagal') },
    ]);
    sender.start();

    const failed = await waitForStatus(`${id}:email`, 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.claimedUntil).toBeNull();
    await sleep(400);
    expect((await row(`${id}:email`)).attempts).toBe(3);
  });

  it('fails a delivery whose notification is gone without retrying', async () => {
    const sender = worker(mailpit);
    await sender.enqueue([
      { notificationId: 'hilang', userId: 'u-budi', channel: 'email', to: uniqueAddress('x') },
    ]);
    sender.start();
    const failed = await waitForStatus('hilang:email', 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBe('Notifikasi hilang tidak ditemukan.');
  });

  it('sends an SMS of one segment through the gateway, recorded by default', async () => {
    const texts: Array<{ to: string; text: string }> = [];
    const gateway: SmsGateway = {
      delivering: true,
      description: 'uji',
      send: async (to, text) => {
        texts.push({ to, text });
        return { provider: 'uji', reference: `ref-${texts.length}` };
      },
    };
    const id = notification('Permintaan revisi dokumen '.repeat(10));
    const recordedId = notification('Pesan baru');
    const sender = worker(mailpit, {}, gateway);
    const recorder = worker(mailpit);
    await sender.enqueue([
      { notificationId: id, userId: 'u-budi', channel: 'sms', to: '+6281234567890' },
    ]);
    sender.start();

    expect(await waitForStatus(`${id}:sms`, 'sent')).toMatchObject({
      provider: 'uji',
      reference: 'ref-1',
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe('+6281234567890');
    expect(texts[0]!.text.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(texts[0]!.text).toMatch(
      /^SIPADU: Permintaan revisi dokumen .*\.\.\. http:\/\/localhost:3000\//,
    );

    await sender.stop();
    await recorder.enqueue([
      { notificationId: recordedId, userId: 'u-budi', channel: 'sms', to: '+6281234567890' },
    ]);
    recorder.start();
    expect(await waitForStatus(`${recordedId}:sms`, 'sent')).toMatchObject({
      provider: 'recording',
      reference: null,
    });
  });

  it('takes over a row whose claim lapsed (a worker that crashed mid-send)', async () => {
    const to = uniqueAddress('crash');
    const id = notification('Setelah gangguan');
    const sender = worker(mailpit);
    await sender.enqueue([{ notificationId: id, userId: 'u-budi', channel: 'email', to }]);
    // What a crashed worker leaves behind: claimed, lease over, never marked.
    await deliveries.updateOne(
      { _id: `${id}:email` },
      { $set: { status: 'sending', attempts: 1, claimedUntil: new Date(Date.now() - 1_000) } },
    );
    sender.start();
    expect(await waitForStatus(`${id}:email`, 'sent')).toMatchObject({ attempts: 2 });
    await vi.waitFor(async () => expect(await mailsTo(to)).toHaveLength(1));
  });

  it('writes off an attempt whose claimer died before recording it', async () => {
    const to = uniqueAddress('tercatat');
    const id = notification('Klaim yatim');
    const sender = worker(mailpit);
    await sender.enqueue([{ notificationId: id, userId: 'u-budi', channel: 'email', to }]);
    // Claimed attempt 1 in the ledger, then died before touching the row.
    await connection
      .collection<{ _id: string; until: Date }>('channel_claims')
      .insertOne({ _id: `delivery:${id}:email#1`, until: new Date(Date.now() - 1_000) });
    sender.start();
    expect(await waitForStatus(`${id}:email`, 'sent')).toMatchObject({ attempts: 2 });
    await vi.waitFor(async () => expect(await mailsTo(to)).toHaveLength(1));
  });

  it('leaves a row claimed by a live worker alone', async () => {
    const id = notification('Sedang dikirim');
    const sender = worker(mailpit);
    await sender.enqueue([
      { notificationId: id, userId: 'u-budi', channel: 'email', to: uniqueAddress('busy') },
    ]);
    await deliveries.updateOne(
      { _id: `${id}:email` },
      { $set: { status: 'sending', attempts: 1, claimedUntil: new Date(Date.now() + 60_000) } },
    );
    sender.start();
    await sleep(400);
    expect(await row(`${id}:email`)).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('shares the queue between replicas: every e-mail goes out exactly once', async () => {
    const to = uniqueAddress('replika');
    const ids = Array.from({ length: 16 }, (_, n) => notification(`Notifikasi ${n + 1}`));
    const [first, second] = [worker(mailpit), worker(mailpit)];
    await first!.enqueue(
      ids.map((notificationId) => ({
        notificationId,
        userId: 'u-budi',
        channel: 'email' as const,
        to,
      })),
    );
    first!.start();
    second!.start();
    first!.wake();
    second!.wake();

    await vi.waitFor(
      async () => expect(await deliveries.countDocuments({ status: 'sent' })).toBe(ids.length),
      { timeout: 20_000, interval: 100 },
    );
    const attempts = await deliveries.find({}, { attempts: 1 }).lean<DeliveryRecord[]>().exec();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    const mails = await vi.waitFor(async () => {
      const found = await mailsTo(to);
      expect(found).toHaveLength(ids.length);
      return found;
    });
    expect(new Set(mails.map((m) => m.Subject)).size).toBe(ids.length);
  });

  it('stop() waits for the send in flight and records it', async () => {
    const id = notification('Saat berhenti');
    let release: () => void = () => undefined;
    const slow: EmailTransport = {
      send: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return { provider: 'lambat', reference: null };
      },
      verify: async () => true,
      close: () => undefined,
    };
    const sender = worker(slow);
    await sender.enqueue([
      { notificationId: id, userId: 'u-budi', channel: 'email', to: uniqueAddress('stop') },
    ]);
    sender.start();
    await waitForStatus(`${id}:email`, 'sending');
    let stopped = false;
    const stopping = sender.stop().then(() => (stopped = true));
    await sleep(100);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await row(`${id}:email`)).toMatchObject({ status: 'sent', provider: 'lambat' });
  });
});

describe('createEmailTransport', () => {
  it('verifies a reachable SMTP server and reports an unreachable one', async () => {
    expect(await mailpit.verify()).toBe(true);
    expect(await deadSmtp.verify()).toBe(false);
  });
});
