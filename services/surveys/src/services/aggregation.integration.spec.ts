// The survey write path end to end on real FerretDB and NATS JetStream: the whole surveys service
// on a throwaway database with its own durable consumers; citizens answer through GraphQL with no
// token. Proves the aggregates design of issue 7: concurrent submissions land exactly once, the
// index matches a hand computation, the abuse guards hold, and the recompute from the raw log
// agrees with (and repairs) the aggregates, while a redelivered event never counts twice.
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, createEvent, streamName } from '@sipadu/events';
import type { Principal } from '@sipadu/service-kit';
import { errorCodes, eventually, graphqlRequest, type GraphQLResponse } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSurveysService, type RunningSurveysService } from '../app.js';
import { surveysEnvironment } from '../environment.js';
import { aggregateKey } from '../models/satisfaction-aggregate.model.js';
import type { SurveyResponseRecord } from '../models/survey-response.model.js';
import { periodKeysOf } from './period.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-surveys-agg-${RUN}`;
const PREFIX = `test-surveys-${RUN}`;
const ORG = `DUKCAPIL${RUN.toUpperCase()}`;
const OTHER_ORG = `DINKES${RUN.toUpperCase()}`;
const TZ = 'Asia/Jakarta';

let service: RunningSurveysService;
let ktp: string;
let kk: string;
let draftOnly: string;

function principal(roles: Principal['roles'], organizationCode: string | null): Principal {
  return {
    kind: 'user',
    id: `spec-${roles[0]}-${organizationCode ?? 'all'}`,
    username: `spec-${roles[0]}`,
    name: 'Penguji',
    email: null,
    organizationCode,
    roles,
    clientId: 'sipadu-test',
    scopes: [],
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
}
const superAdmin = principal(['super-admin'], null);
const adminOpd = principal(['admin-opd'], ORG);
const otherAdminOpd = principal(['admin-opd'], OTHER_ORG);
const evaluator = principal(['evaluator'], null);

const components = {
  legalBasis: ['Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan'],
  requirements: ['Fotokopi Kartu Keluarga'],
  procedure: ['Mengambil nomor antrean', 'Perekaman biometrik', 'Pencetakan'],
  completionTime: '1 hari kerja',
  completionDays: 1,
  cost: 'Gratis',
  products: ['Dokumen kependudukan'],
  facilities: ['Ruang tunggu'],
  officerCompetence: ['Memahami administrasi kependudukan'],
  internalSupervision: 'Atasan langsung',
  complaintHandling: 'Kotak saran dan SIPADU',
  numberOfOfficers: 4,
  serviceGuarantee: 'Sesuai maklumat',
  securityGuarantee: 'Data dijaga kerahasiaannya',
  performanceEvaluation: 'Evaluasi triwulanan',
};

async function createService(name: string, publish: boolean): Promise<string> {
  const created = await service.services.standards.create(superAdmin, {
    organizationCode: ORG,
    name,
    category: 'Administrasi Kependudukan',
    description: null,
    onlineServiceUrl: null,
    components,
  });
  if (publish) await service.services.standards.publish(superAdmin, created.id);
  return created.id;
}

const SUBMIT = /* GraphQL */ `
  mutation ($input: SurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      submissionId
      serviceId
      serviceName
      receivedAt
      duplicate
    }
  }
`;

interface Receipt {
  submissionId: string;
  serviceId: string;
  serviceName: string;
  receivedAt: string;
  duplicate: boolean;
}

function submit(
  input: Record<string, unknown>,
  client?: string,
): Promise<GraphQLResponse<{ submitSurveyResponse: Receipt }>> {
  return graphqlRequest(service.url, SUBMIT, {
    variables: { input },
    ...(client ? { headers: { 'x-sipadu-client': client } } : {}),
  });
}

function answers(serviceId: string, scores: number[], extra: Record<string, unknown> = {}) {
  return { submissionId: randomUUID(), serviceId, scores, ...extra };
}

/** Deterministic scores 1–4 for the n-th respondent (spread over every score). */
function scoresOf(n: number): number[] {
  return Array.from({ length: 9 }, (_, element) => 1 + ((n * 7 + element * 3 + (n % 3)) % 4));
}

const INDEX = /* GraphQL */ `
  query ($scope: IndexScope!, $id: ID, $period: PeriodInput!) {
    satisfactionIndex(scope: $scope, id: $id, period: $period) {
      scope
      scopeId
      scopeName
      respondents
      ikm
      ikmConverted
      grade
      performance
      population
      minimumSample
      sampleShortfall
      sampleAdequate
      period {
        key
        label
      }
      elements {
        element {
          code
        }
        total
        answers
        nrr
        weightedNrr
        distribution
      }
      profile {
        gender {
          code
          label
          count
        }
        ageGroup {
          code
          count
        }
      }
    }
  }
`;

interface IndexData {
  respondents: number;
  ikm: number | null;
  ikmConverted: number | null;
  grade: string | null;
  performance: string | null;
  scopeName: string;
  population: number | null;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
  elements: {
    total: number;
    answers: number;
    nrr: number | null;
    weightedNrr: number | null;
    distribution: number[];
  }[];
  profile: { gender: { code: string; label: string; count: number }[] };
}

async function publicIndex(
  scope: 'SERVICE' | 'ORGANIZATION' | 'PEMDA',
  id: string | null,
  period: Record<string, number>,
): Promise<IndexData> {
  const response = await graphqlRequest<{ satisfactionIndex: IndexData }>(service.url, INDEX, {
    variables: { scope, id, period },
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.satisfactionIndex;
}

/** The index a person computes by hand from the raw scores (DOMAIN.md §5). */
function handComputed(all: number[][]) {
  const totals = Array.from({ length: 9 }, (_, e) => all.reduce((sum, s) => sum + s[e]!, 0));
  const nrrs = totals.map((total) => total / all.length);
  const ikm = nrrs.reduce((a, b) => a + b, 0) / 9;
  return { totals, nrrs, ikm, converted: ikm * 25 };
}

const month = () => {
  const keys = periodKeysOf(new Date(), TZ);
  const [year, m] = keys[3]!.split('-M').map(Number) as [number, number];
  return { year, month: m, keys };
};

beforeAll(async () => {
  service = await startSurveysService(
    surveysEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      TZ_PEMDA: TZ,
      MONGO_DATABASE: DATABASE,
      CONSUMER_PREFIX: PREFIX,
      CONSUMER_DELIVER_FROM: 'new',
      SURVEY_RATE_LIMIT: '5',
      SURVEY_RATE_LIMIT_PER_SERVICE: '3',
      SURVEY_RATE_WINDOW_S: '600',
    }),
  );
  // The organizations projection, written directly: this run announces nothing to identity.
  await service.services.organizations.model.create([
    { _id: ORG, name: `Dinas Kependudukan ${RUN}`, kind: 'DINAS', updatedAt: new Date() },
    { _id: OTHER_ORG, name: `Dinas Kesehatan ${RUN}`, kind: 'DINAS', updatedAt: new Date() },
  ]);
  ktp = await createService('Penerbitan KTP Elektronik', true);
  kk = await createService('Penerbitan Kartu Keluarga', true);
  draftOnly = await createService('Penerbitan Akta Kelahiran', false);
});

afterAll(async () => {
  await service?.stop();
  const nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'surveys-agg-spec');
  try {
    // The durable consumers of this run would otherwise stay on the shared NATS server.
    const jsm = await jetstreamManager(nc);
    for (const [stream, durable] of [
      ['surveys', `${PREFIX}-responses`],
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

describe('survey submissions and IKM aggregates', () => {
  const ktpScores: number[][] = [];
  const kkScores: number[][] = [];

  it('counts 40 concurrent anonymous submissions exactly, and the index matches a hand computation', async () => {
    const inputs = Array.from({ length: 40 }, (_, n) => {
      const scores = scoresOf(n);
      const target = n % 4 === 3 ? kk : ktp;
      (target === ktp ? ktpScores : kkScores).push(scores);
      return answers(target, scores, {
        profile: n % 2 === 0 ? { gender: 'PEREMPUAN', ageGroup: 'USIA_30_39' } : null,
        suggestion: n % 10 === 0 ? `Saran nomor ${n}: antrean lebih tertib.` : null,
        channel: n % 5 === 0 ? 'COUNTER' : 'ONLINE',
      });
    });
    const responses = await Promise.all(inputs.map((input) => submit(input)));
    for (const response of responses) {
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data!.submitSurveyResponse.duplicate).toBe(false);
    }
    expect(responses[0]!.data!.submitSurveyResponse).toMatchObject({
      serviceId: ktp,
      serviceName: 'Penerbitan KTP Elektronik',
    });

    const { year, month: m } = month();
    const expected = handComputed(ktpScores);
    const index = await eventually('the 30 KTP responses aggregated', async () => {
      const value = await publicIndex('SERVICE', ktp, { year, month: m });
      return value.respondents === ktpScores.length ? value : null;
    });
    // NRR_i = total_i / 30; IKM = Σ NRR / 9 (exact 1/9); converted = IKM × 25.
    expect(index.elements.map((e) => e.total)).toEqual(expected.totals);
    expect(index.elements.every((e) => e.answers === 30)).toBe(true);
    index.elements.forEach((element, i) => {
      expect(element.nrr).toBeCloseTo(expected.nrrs[i]!, 12);
      expect(element.weightedNrr).toBeCloseTo(expected.nrrs[i]! / 9, 12);
      const distribution = [1, 2, 3, 4].map((s) => ktpScores.filter((r) => r[i] === s).length);
      expect(element.distribution).toEqual(distribution);
    });
    expect(index.ikm).toBeCloseTo(expected.ikm, 12);
    expect(index.ikmConverted).toBeCloseTo(expected.converted, 10);
    expect(index.scopeName).toBe('Penerbitan KTP Elektronik');
    expect(index.population).toBeNull();
    expect(index.sampleAdequate).toBeNull();
    // Profiles: the 20 even n (never ≡ 3 mod 4, so all KTP) said PEREMPUAN; zeros are listed.
    expect(index.profile.gender).toEqual([
      { code: 'LAKI_LAKI', label: 'Laki-laki', count: 0 },
      { code: 'PEREMPUAN', label: 'Perempuan', count: 20 },
    ]);

    // The organization and the Pemda combine both services (this database holds only these).
    const both = handComputed([...ktpScores, ...kkScores]);
    for (const [scope, id] of [
      ['ORGANIZATION', ORG],
      ['PEMDA', null],
    ] as const) {
      const combined = await eventually(`${scope} has 40 responses`, async () => {
        const value = await publicIndex(scope, id, { year, month: m });
        return value.respondents === 40 ? value : null;
      });
      expect(combined.ikm).toBeCloseTo(both.ikm, 12);
      expect(combined.elements.map((e) => e.total)).toEqual(both.totals);
    }
    const org = await publicIndex('ORGANIZATION', ORG, { year });
    expect(org).toMatchObject({ respondents: 40, scopeName: `Dinas Kependudukan ${RUN}` });
    expect((await publicIndex('PEMDA', null, { year })).scopeName).toBe('Pemerintah Daerah');
  });

  it('counts a repeated submission id once and says so', async () => {
    const { year, month: m } = month();
    const input = answers(kk, Array(9).fill(4));
    // Sent twice at once (JetStream's de-duplication by message id decides) …
    const [first, second] = await Promise.all([submit(input), submit(input)]);
    const flags = [first, second].map((r) => r.data?.submitSurveyResponse.duplicate);
    expect(flags.sort()).toEqual([false, true]);
    await eventually(
      'the response recorded',
      async () =>
        (await publicIndex('SERVICE', kk, { year, month: m })).respondents === kkScores.length + 1,
    );
    // … and again later (found in the raw log).
    const later = await submit(input);
    expect(later.data?.submitSurveyResponse).toMatchObject({ duplicate: true, serviceId: kk });
    kkScores.push(input.scores);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await publicIndex('SERVICE', kk, { year, month: m })).respondents).toBe(
      kkScores.length,
    );
  });

  it('gives a bot that fills the honeypot a receipt and counts nothing', async () => {
    const { year, month: m } = month();
    const input = answers(ktp, Array(9).fill(1), { website: 'https://spam.example' });
    const response = await submit(input);
    expect(response.errors).toBeUndefined();
    expect(response.data!.submitSurveyResponse).toMatchObject({
      submissionId: input.submissionId,
      duplicate: false,
    });
    // A later honest response is counted; the bot's is not.
    const honest = answers(ktp, Array(9).fill(3));
    expect((await submit(honest)).errors).toBeUndefined();
    ktpScores.push(honest.scores);
    await eventually(
      'the honest response counted',
      async () =>
        (await publicIndex('SERVICE', ktp, { year, month: m })).respondents === ktpScores.length,
    );
    const raw = service.connection.collection<SurveyResponseRecord>('survey_responses');
    expect(await raw.findOne({ _id: input.submissionId })).toBeNull();
    expect(await raw.findOne({ _id: honest.submissionId })).not.toBeNull();
  });

  it('limits submissions from one client address', async () => {
    const client = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    // Per service: 3 in the window.
    for (let i = 0; i < 3; i += 1) {
      const ok = await submit(answers(ktp, scoresOf(100 + i)), client);
      expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
      ktpScores.push(scoresOf(100 + i));
    }
    const limited = await submit(answers(ktp, scoresOf(103)), client);
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors![0]!.message).toBe(
      'Terlalu banyak pengiriman survei dari jaringan Anda. Silakan coba lagi dalam beberapa menit.',
    );
    // Another service still takes two more (5 over all services), then the client is limited.
    for (let i = 0; i < 2; i += 1) {
      const ok = await submit(answers(kk, scoresOf(200 + i)), client);
      expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
      kkScores.push(scoresOf(200 + i));
    }
    expect(errorCodes(await submit(answers(kk, scoresOf(202)), client))).toEqual(['RATE_LIMITED']);
    // Another address is not affected.
    const elsewhere = await submit(answers(kk, scoresOf(203)), '198.51.100.77');
    expect(elsewhere.errors).toBeUndefined();
    kkScores.push(scoresOf(203));
  });

  it('refuses invalid answers with Indonesian messages', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const response = await submit(input);
      expect(response.data).toBeNull();
      return { code: errorCodes(response)[0], message: response.errors![0]!.message };
    };
    expect(await refusal(answers(ktp, [4, 4, 4, 4, 4, 4, 4, 4]))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Nilai harus diisi untuk 9 unsur, urut U1 sampai U9 (diterima 8).',
    });
    expect(await refusal(answers(ktp, [4, 4, 4, 4, 5, 4, 4, 4, 4]))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Setiap nilai unsur harus bilangan bulat 1 sampai 4.',
    });
    expect(await refusal(answers(`tidak-ada-${RUN}`, Array(9).fill(3)))).toEqual({
      code: 'NOT_FOUND',
      message: 'Layanan tidak ditemukan.',
    });
    expect(await refusal(answers(draftOnly, Array(9).fill(3)))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Layanan ini belum terbit, sehingga belum dapat disurvei.',
    });
    expect(
      await refusal(answers(ktp, Array(9).fill(3), { profile: { occupation: 'ASTRONAUT' } })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Pilihan "ASTRONAUT" untuk pekerjaan utama tidak dikenal.',
    });
    expect(await refusal(answers(ktp, Array(9).fill(3), { suggestion: 'a'.repeat(2001) }))).toEqual(
      {
        code: 'BAD_USER_INPUT',
        message: 'Saran dan masukan paling banyak 2.000 karakter.',
      },
    );
    expect(
      await refusal({ submissionId: 'bukan-uuid', serviceId: ktp, scores: Array(9).fill(3) }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Nomor pengiriman (submissionId) harus berupa UUID versi 4.',
    });
    // A suggestion of exactly 2,000 characters is fine.
    const longest = answers(ktp, Array(9).fill(3), { suggestion: 'b'.repeat(2000) });
    expect((await submit(longest)).errors).toBeUndefined();
    ktpScores.push(longest.scores);
  });

  it('recompute from the raw log agrees with the aggregates, reports a corrupted one and repairs it', async () => {
    const { year, month: m, keys } = month();
    await eventually('every response applied', async () => {
      const [a, b] = await Promise.all([
        publicIndex('SERVICE', ktp, { year, month: m }),
        publicIndex('SERVICE', kk, { year, month: m }),
      ]);
      return a.respondents === ktpScores.length && b.respondents === kkScores.length;
    });
    const { aggregation } = service.services;
    const clean = await aggregation.recompute({ apply: false });
    expect(clean.mismatches).toEqual([]);
    expect(clean.responses).toBe(ktpScores.length + kkScores.length);
    // 2 services + 1 organization + Pemda, 4 periods each.
    expect(clean.aggregates).toBe(16);

    const aggregates = service.connection.collection<{ _id: string }>('satisfaction_aggregates');
    const corrupted = aggregateKey('SERVICE', ktp, keys[2]!);
    const removed = aggregateKey('ORGANIZATION', ORG, keys[0]!);
    await aggregates.updateOne({ _id: corrupted }, { $inc: { 'counts.U1:4': 5 } });
    await aggregates.deleteOne({ _id: removed });

    const found = await aggregation.recompute({ apply: false });
    expect(found.mismatches.map((mismatch) => mismatch.key).sort()).toEqual(
      [corrupted, removed].sort(),
    );
    const missing = found.mismatches.find((mismatch) => mismatch.key === removed)!;
    expect(missing.stored).toBe('(tidak ada)');
    const wrong = found.mismatches.find((mismatch) => mismatch.key === corrupted)!;
    expect(JSON.parse(wrong.stored)['U1:4'] - JSON.parse(wrong.recomputed)['U1:4']).toBe(5);

    const repaired = await aggregation.recompute({ apply: true });
    expect(repaired).toMatchObject({ applied: true });
    expect(repaired.mismatches).toHaveLength(2);
    expect((await aggregation.recompute({ apply: false })).mismatches).toEqual([]);
    const expected = handComputed(ktpScores);
    const index = await publicIndex('SERVICE', ktp, { year, quarter: Number(keys[2]!.slice(-1)) });
    expect(index.ikm).toBeCloseTo(expected.ikm, 12);
  });

  it('does not count a redelivered event twice, nor a re-published response id', async () => {
    const { year, month: m } = month();
    const raw = service.connection.collection<SurveyResponseRecord>('survey_responses');
    const recorded = (await raw.findOne({ serviceId: kk }))!;
    const envelope = createEvent(
      'surveys.response.submitted',
      {
        responseId: recorded._id,
        serviceId: recorded.serviceId,
        serviceName: recorded.serviceName,
        organizationCode: recorded.organizationCode,
        questionnaireVersion: recorded.questionnaireVersion,
        scores: recorded.scores,
        profile: recorded.profile,
        suggestion: recorded.suggestion,
        channel: recorded.channel,
        submittedAt: recorded.submittedAt.toISOString(),
      },
      {
        id: recorded._id,
        actor: { type: 'user', id: null, org: null },
        subject: { type: 'SurveyResponse', id: recorded._id },
        org: recorded.organizationCode,
      },
    );
    const before = await publicIndex('SERVICE', kk, { year, month: m });
    const { aggregation } = service.services;
    // The same stream sequence again (a redelivery after a crash): the raw insert is a duplicate,
    // the aggregates already hold that sequence.
    expect(await aggregation.apply(envelope, recorded.seq)).toBe(true);
    expect(await aggregation.apply(envelope, recorded.seq)).toBe(true);
    // The same response id under a later sequence (a re-publish past the duplicate window).
    expect(await aggregation.apply(envelope, recorded.seq + 1_000_000)).toBe(false);
    const after = await publicIndex('SERVICE', kk, { year, month: m });
    expect(after.respondents).toBe(before.respondents);
    expect(after.elements.map((e) => e.total)).toEqual(before.elements.map((e) => e.total));
    expect((await aggregation.recompute({ apply: false })).mismatches).toEqual([]);
  });
});

describe('populations, sample adequacy, trend and suggestions', () => {
  it('records populations and shows respondents against the Krejcie & Morgan minimum', async () => {
    const { year, keys } = month();
    const semester = Number(keys[1]!.slice(-1));
    const set = await service.services.populations.set(adminOpd, {
      serviceId: ktp,
      period: { year, semester },
      population: 1000,
    });
    expect(set).toMatchObject({ serviceId: ktp, population: 1000, minimumSample: 278 });
    const index = await publicIndex('SERVICE', ktp, { year, semester });
    expect(index).toMatchObject({ population: 1000, minimumSample: 278, sampleAdequate: false });
    expect(index.sampleShortfall).toBe(278 - index.respondents);

    await expect(
      service.services.populations.set(otherAdminOpd, {
        serviceId: ktp,
        period: { year, semester },
        population: 10,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      service.services.populations.set(adminOpd, {
        serviceId: ktp,
        period: { year, semester },
        population: 10_000_001,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    const result = await service.services.populations.import(
      adminOpd,
      [
        'layanan_id;periode;populasi',
        `${kk};${year}-S${semester};100`,
        `${kk};${year}-S9;100`,
        `${kk},${year},1.500`,
        `tidak-ada;${year};10`,
        `${kk};${year};-3`,
        `${kk};${year}-S${semester};120`,
        'hanya-dua;kolom',
      ].join('\n'),
    );
    expect(result.imported).toBe(2);
    expect(result.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'INVALID_PERIOD'],
      [5, 'UNKNOWN_SERVICE'],
      [6, 'INVALID_POPULATION'],
      [7, 'DUPLICATE'],
      [8, 'MALFORMED_ROW'],
    ]);
    const listed = await service.services.populations.list(evaluator, kk, year);
    expect(listed.map((p) => [p.period.key, p.population, p.minimumSample])).toEqual([
      [`${year}`, 1500, 306],
      [`${year}-S${semester}`, 100, 80],
    ]);
    // The organization's population is the sum over its services: 1000 + 100.
    const org = await publicIndex('ORGANIZATION', ORG, { year, semester });
    expect(org.population).toBe(1100);
  });

  it('gives a trend of consecutive periods and the organizations ranking', async () => {
    const { year, month: m } = month();
    const trend = await service.services.index.trend(
      'SERVICE',
      ktp,
      'MONTH',
      { year, month: m },
      3,
    );
    expect(trend).toHaveLength(3);
    expect(trend.at(-1)!.period.key).toBe(month().keys[3]);
    expect(trend[0]!.respondents).toBe(0);
    expect(trend[0]!.ikm).toBeNull();
    expect(trend.at(-1)!.respondents).toBeGreaterThan(30);
    const ranking = await service.services.index.organizations({ year });
    expect(ranking.find((row) => row.scopeId === ORG)?.respondents).toBeGreaterThan(40);
  });

  it('lists suggestions to the organization and the overseers only', async () => {
    const { year, month: m } = month();
    const page = await service.services.responses.suggestions(adminOpd, {
      scope: 'ORGANIZATION',
      id: ORG,
      period: { year, month: m },
      first: 2,
    });
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await service.services.responses.suggestions(evaluator, {
      scope: 'SERVICE',
      id: ktp,
      period: { year, month: m },
      first: 50,
      after: page.edges[1]!.cursor,
    });
    const all = [...page.edges, ...rest.edges].map((edge) => edge.node.text);
    expect(all.some((text) => text.startsWith('Saran nomor'))).toBe(true);
    await expect(
      service.services.responses.suggestions(otherAdminOpd, {
        scope: 'ORGANIZATION',
        id: ORG,
        period: { year, month: m },
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      service.services.responses.suggestions(adminOpd, {
        scope: 'PEMDA',
        period: { year, month: m },
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
