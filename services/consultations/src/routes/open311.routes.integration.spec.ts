// Open311 GeoReport v2 over HTTP against the running consultations subgraph (real FerretDB and
// NATS JetStream, throwaway database and durable consumers): services from the complaint
// categories, filing without an account, PUBLIC complaints only and never contact data, Open311
// errors; plus the published SIPUTRI services reaching the complaint form through the surveys
// consumer.
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connectNats, createEvent, ensureStream, streamName, subjectForType } from '@sipadu/events';
import { eventually, graphqlRequest } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsultationsService, type RunningConsultationsService } from '../app.js';
import { consultationsEnvironment } from '../environment.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-consultations-open311-${RUN}`;
const PREFIX = `test-consultations-open311-${RUN}`;
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const CODE = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const FILINGS_PER_CLIENT = 3;

let service: RunningConsultationsService;
let origin: string;

interface Open311Request {
  service_request_id: string;
  status: string;
  service_code: string;
  [field: string]: unknown;
}

async function call(
  path: string,
  init: RequestInit & { client?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const { client, headers, ...rest } = init;
  const response = await fetch(`${origin}/open311/v2${path}`, {
    ...rest,
    headers: { ...(client ? { 'x-sipadu-client': client } : {}), ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const post = (
  fields: Record<string, string>,
  client = `198.51.100.${Math.floor(Math.random() * 250)}`,
) =>
  call('/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    client,
  });

const TRACK = /* GraphQL */ `
  query ($code: String!) {
    trackPublicComplaint(trackingCode: $code) {
      number
      status
      organizationName
    }
  }
`;

beforeAll(async () => {
  service = await startConsultationsService(
    consultationsEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      MONGO_DATABASE: DATABASE,
      CONSUMER_PREFIX: PREFIX,
      CONSUMER_DELIVER_FROM: 'new',
      COMPLAINT_RATE_LIMIT: String(FILINGS_PER_CLIENT),
    }),
  );
  origin = new URL(service.url).origin;
  // The organizations projection, written directly: this run announces nothing to identity.
  await service.services.organizations.model.create([
    {
      _id: 'DPUPR',
      name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      kind: 'DINAS',
      updatedAt: new Date(),
    },
    { _id: 'RSUD', name: 'RSUD H. Abdul Manap Kota Jambi', kind: 'RSUD', updatedAt: new Date() },
  ]);
});

afterAll(async () => {
  await service?.stop();
  const nc = await connectNats(NATS_URL, 'consultations-open311-spec');
  try {
    // The durable consumers of this run would otherwise stay on the shared NATS server.
    const jsm = await jetstreamManager(nc);
    for (const [stream, durable] of [
      ['surveys', `${PREFIX}-surveys`],
      ['identity', `${PREFIX}-identity`],
    ] as const) {
      await jsm.consumers.delete(streamName(stream), durable).catch(() => undefined);
    }
  } finally {
    await nc.close();
  }
  if (service) {
    const mongoose = await import('mongoose');
    const connection = await mongoose.default
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
});

describe('Open311 GeoReport v2', () => {
  it('lists the complaint categories as services, each without extra attributes', async () => {
    const { status, body } = await call('/services.json');
    expect(status).toBe(200);
    const services = body as Record<string, unknown>[];
    expect(services.find((item) => item.service_code === 'JALAN')).toEqual({
      service_code: 'JALAN',
      service_name: 'Jalan dan Infrastruktur',
      description: expect.any(String),
      metadata: false,
      type: 'realtime',
      keywords: expect.stringContaining('jalan'),
      group: 'Infrastruktur',
    });
    expect(await call('/services/JALAN.json')).toEqual({
      status: 200,
      body: { service_code: 'JALAN', attributes: [] },
    });
    expect(await call('/services/TIDAKADA.json')).toEqual({
      status: 404,
      body: [{ code: 404, description: 'Layanan TIDAKADA tidak dikenal.' }],
    });
  });

  it('refuses XML and unknown addresses the Open311 way', async () => {
    for (const path of ['/services.xml', '/requests.xml', '/services/JALAN.xml']) {
      expect(await call(path)).toEqual({
        status: 400,
        body: [{ code: 400, description: 'format xml tidak didukung, gunakan .json' }],
      });
    }
    expect((await call('/discovery')).status).toBe(404);
    expect((await call('/lain/lagi.json')).status).toBe(404);
  });

  it('files without an account and answers the tracking code as token', async () => {
    const { status, body } = await post({
      service_code: 'JALAN',
      description: 'Jalan berlubang besar di depan SD Negeri 47. Sangat membahayakan anak sekolah.',
      lat: '-1.6101',
      long: '103.6131',
      address_string: 'Jl. Kapten Pattimura',
      first_name: 'Budi',
      last_name: 'Santoso',
      email: 'budi@example.id',
      phone: '081234567890',
      media_url: 'https://example.id/foto.jpg',
    });
    expect(status).toBe(201);
    const [filed] = body as Record<string, unknown>[];
    expect(filed).toMatchObject({
      service_request_id: expect.stringMatching(/^ADU-\d{4}-\d{5}$/),
      service_notice: expect.stringContaining('hari kerja'),
      account_id: null,
      token: expect.stringMatching(CODE),
    });

    // The token is the citizen's tracking code.
    const tracked = await graphqlRequest<{
      trackPublicComplaint: { number: string; status: string; organizationName: string };
    }>(service.url, TRACK, { variables: { code: filed!.token } });
    expect(tracked.data?.trackPublicComplaint).toEqual({
      number: filed!.service_request_id,
      status: 'SUBMITTED',
      organizationName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    });

    const one = await call(`/requests/${String(filed!.service_request_id)}.json`);
    expect(one.status).toBe(200);
    const [request] = one.body as Open311Request[];
    expect(request).toEqual({
      service_request_id: filed!.service_request_id,
      status: 'open',
      status_notes: 'Menunggu Verifikasi',
      service_name: 'Jalan dan Infrastruktur',
      service_code: 'JALAN',
      description: 'Jalan berlubang besar di depan SD Negeri 47. Sangat membahayakan anak sekolah.',
      agency_responsible: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      service_notice: expect.any(String),
      requested_datetime: expect.any(String),
      updated_datetime: expect.any(String),
      expected_datetime: expect.any(String),
      address: 'Jl. Kapten Pattimura',
      lat: -1.6101,
      long: 103.6131,
      media_url: null,
    });
    // Contact data never leaves through Open311.
    expect(JSON.stringify(one.body)).not.toMatch(/Budi|Santoso|budi@example|0812/);
  });

  it('lists only public complaints, filtered by id, service, status and dates', async () => {
    const publicOne = await post({
      service_code: 'JALAN',
      description: 'Lampu penerangan jalan di Jl. Sultan Agung padam sejak tiga hari.',
    });
    const confidential = await call('/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service_code: 'RUMAH-SAKIT',
        description: 'Petugas pendaftaran bersikap kasar kepada ibu saya kemarin pagi.',
        visibility: 'confidential',
      }),
      client: '198.51.100.251',
    });
    expect(confidential.status).toBe(201);
    const publicId = (publicOne.body as { service_request_id: string }[])[0]!.service_request_id;
    const confidentialId = (confidential.body as { service_request_id: string }[])[0]!
      .service_request_id;

    expect((await call(`/requests/${confidentialId}.json`)).status).toBe(404);
    expect((await call('/requests/ADU-1999-00001.json')).status).toBe(404);

    const ids = async (query: string) => {
      const { status, body } = await call(`/requests.json${query}`);
      expect(status).toBe(200);
      return (body as Open311Request[]).map((request) => request.service_request_id);
    };
    const all = await ids('');
    expect(all).toContain(publicId);
    expect(all).not.toContain(confidentialId);
    expect(await ids(`?service_request_id=${publicId},${confidentialId}`)).toEqual([publicId]);
    expect(await ids('?service_code=JALAN&status=open')).toContain(publicId);
    expect(await ids('?service_code=KESEHATAN')).not.toContain(publicId);
    expect(await ids('?status=closed')).not.toContain(publicId);
    expect(await ids('?start_date=2999-01-01T00:00:00Z')).toEqual([]);
    expect(await ids('?end_date=2000-01-01T00:00:00%2B07:00')).toEqual([]);

    expect(await call('/requests.json?status=selesai')).toEqual({
      status: 400,
      body: [{ code: 400, description: 'status harus open atau closed.' }],
    });
    expect((await call('/requests.json?start_date=kemarin')).status).toBe(400);
  });

  it('answers Open311 errors for bad filings and floods', async () => {
    expect(await post({ description: 'Tanpa layanan apa pun di sini.' })).toEqual({
      status: 400,
      body: [{ code: 400, description: 'service_code wajib diisi.' }],
    });
    expect(
      (await post({ service_code: 'TIDAKADA', description: 'Sesuatu yang rusak.' })).status,
    ).toBe(404);
    expect((await post({ service_code: 'JALAN' })).status).toBe(400);
    expect(
      (
        await post({
          service_code: 'JALAN',
          description: 'Jalan rusak parah.',
          lat: '300',
          long: '1',
        })
      ).status,
    ).toBe(400);
    const malformed = await call('/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"service_code":',
    });
    expect(malformed.status).toBe(400);

    const client = '203.0.113.77';
    for (let i = 0; i < FILINGS_PER_CLIENT; i += 1) {
      expect(
        (
          await post(
            { service_code: 'LAINNYA', description: `Pengaduan nomor ${i + 1} dari warga.` },
            client,
          )
        ).status,
      ).toBe(201);
    }
    const refused = await post(
      { service_code: 'LAINNYA', description: 'Satu lagi dari warga.' },
      client,
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual([
      { code: 429, description: expect.stringContaining('Terlalu banyak') },
    ]);
  });

  it('offers the services SIPUTRI publishes to the complaint form', async () => {
    const id = randomUUID();
    const envelope = createEvent(
      'surveys.standard.published',
      {
        standard: {
          id,
          name: `Pendaftaran Rawat Inap ${RUN}`,
          category: 'Kesehatan',
          organizationCode: 'RSUD',
          organizationName: 'RSUD H. Abdul Manap Kota Jambi',
        },
        version: 1,
        publishedBy: { id: 'admin-rsud', name: null, organizationCode: 'RSUD' },
      },
      {
        actor: { type: 'user', id: 'admin-rsud', org: 'RSUD' },
        subject: { type: 'ServiceStandard', id },
        org: 'RSUD',
      },
    );
    const nc = await connectNats(NATS_URL, 'consultations-open311-spec-publisher');
    try {
      await ensureStream(await jetstreamManager(nc), 'surveys');
      await jetstream(nc).publish(
        subjectForType('surveys.standard.published'),
        JSON.stringify(envelope),
        { msgID: envelope.id },
      );
    } finally {
      await nc.close();
    }
    const OPTIONS = /* GraphQL */ `
      query ($search: String) {
        complaintServiceOptions(organizationCode: "RSUD", search: $search) {
          id
          name
          organizationName
        }
        complaintOrganizations {
          code
        }
      }
    `;
    const options = await eventually(
      'the published service reaches the complaint form',
      async () => {
        const response = await graphqlRequest<{
          complaintServiceOptions: { id: string; name: string }[];
          complaintOrganizations: { code: string }[];
        }>(service.url, OPTIONS, { variables: { search: `rawat inap ${RUN}` } });
        return response.data?.complaintServiceOptions.length ? response.data : null;
      },
    );
    expect(options.complaintServiceOptions).toEqual([
      {
        id,
        name: `Pendaftaran Rawat Inap ${RUN}`,
        organizationName: 'RSUD H. Abdul Manap Kota Jambi',
      },
    ]);
    expect(options.complaintOrganizations.map((organization) => organization.code)).toEqual([
      'DPUPR',
      'RSUD',
    ]);
  });
});
