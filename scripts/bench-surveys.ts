// Surveys benchmark (issue 7, item 10). On the running infrastructure (started if needed) it starts
// the API stack in this process (identity seeded, documents, notifications, projects, surveys and
// the gateway composed from the real SDL, as the tests do: test/support/api-stack.ts) on throwaway
// databases `bench-surveys-<run>[-<service>]`, then:
//   1. creates and publishes three services through the API as super-admin: SMALL (DISDUKCAPIL),
//      BIG (DPMPTSP) and LOAD (RSUD);
//   2. inserts BENCH_SMALL (100) raw responses of SMALL and BENCH_BIG (100,000) of BIG straight into
//      the surveys database (the service's own model, insertMany in batches, dated this month),
//      and builds their aggregates with the service's recompute (`AggregationService.recompute`,
//      apply) — the same code `recomputeSatisfactionAggregates` runs — then checks that a second
//      recompute finds no mismatch;
//   3. sends `satisfactionIndex(SERVICE, …)` for SMALL and BIG, anonymously through the gateway,
//      alternating, one at a time, BENCH_REQUESTS of each after BENCH_WARMUP unmeasured ones, and
//      ORGANIZATION / PEMDA for comparison: p50, p95, mean and the MongoDB commands the surveys
//      service sent per request (driver command monitoring; nothing else runs meanwhile);
//   4. submits surveys to LOAD through the gateway for BENCH_SUBMIT_SECONDS from BENCH_CLIENTS
//      concurrent anonymous clients (the stack's per-client limits are raised: one address), then
//      waits until the single-writer consumer has aggregated every accepted one and checks that
//      LOAD's index counts exactly the accepted submissions.
// PASS when the p50 ratio BIG/SMALL is ≤ 1.2 (BENCH_RATIO), the command counts are equal, the
// recompute agrees, and the load's aggregate equals the accepted submissions. Exit code 0 = PASS,
// 1 = FAIL, 2 = could not run. The latencies include the in-process stack sharing one Node.js
// thread with the bench.
//
// Usage: tsx scripts/bench-surveys.ts
//   BENCH_SMALL=100 BENCH_BIG=100000 BENCH_REQUESTS=200 BENCH_WARMUP=10
//   BENCH_SUBMIT_SECONDS=30 BENCH_CLIENTS=16 BENCH_RATIO=1.2 BENCH_KEEP=1 (keep the databases)
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { monitorMongoCommands } from '@sipadu/service-kit';
import { getUserToken, graphqlRequest, type GraphQLResponse } from '@sipadu/test-kit';
import mongoose from 'mongoose';
import {
  surveyResponseModel,
  type SurveyResponseRecord,
} from '../services/surveys/src/models/survey-response.model.js';
import { AggregationService } from '../services/surveys/src/services/aggregation.service.js';
import { periodKeysOf } from '../services/surveys/src/services/period.js';
import { QuestionnaireService } from '../services/surveys/src/services/questionnaire.service.js';
import { startApiStack, type ApiStack } from '../test/support/api-stack.js';
import { ensureInfra, type InfraHandle } from './lib/infra/index.js';
import { REPO_ROOT } from './lib/infra/paths.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `bench-surveys-${RUN}`;
const SURVEYS_DATABASE = `${DATABASE}-surveys`;
const STACK_DATABASES = [
  '',
  '-documents',
  '-notifications',
  '-projects',
  '-surveys',
  '-consultations',
].map((suffix) => `${DATABASE}${suffix}`);
const TIME_ZONE = 'Asia/Jakarta';

function positiveEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} harus angka positif`);
  return value;
}

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

function data<T>(response: GraphQLResponse<T>, what: string): T {
  if (response.errors?.length || !response.data)
    throw new Error(`${what}: ${JSON.stringify(response.errors ?? 'tanpa data')}`);
  return response.data;
}

/** The current month in the Pemda's zone, where the service files responses. */
function currentMonth(): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return { year: year!, month: month! };
}

const COMPONENTS = {
  legalBasis: ['Peraturan Daerah tentang Penyelenggaraan Pelayanan Publik'],
  requirements: ['Formulir permohonan'],
  procedure: ['Pemohon mengisi formulir', 'Petugas memverifikasi', 'Produk diserahkan'],
  completionTime: '1 hari kerja',
  completionDays: 1,
  cost: 'Gratis',
  products: ['Dokumen layanan'],
  facilities: ['Ruang tunggu'],
  officerCompetence: ['Memahami prosedur layanan'],
  internalSupervision: 'Atasan langsung',
  complaintHandling: 'Kotak saran dan SIPADU',
  numberOfOfficers: 3,
  serviceGuarantee: 'Sesuai maklumat pelayanan',
  securityGuarantee: 'Data pemohon dijaga',
  performanceEvaluation: 'Evaluasi triwulanan',
};

/** Scores with a service-specific lean, deterministic (mulberry32). */
function scoresFor(seed: number): () => number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Array.from({ length: 9 }, () => 1 + Math.min(3, Math.floor(next() * 3.6 + 0.6)));
}

interface IndexAnswer {
  satisfactionIndex: { respondents: number; ikmConverted: number | null; grade: string | null };
}

async function main(): Promise<number> {
  const small = positiveEnv('BENCH_SMALL', 100);
  const big = positiveEnv('BENCH_BIG', 100_000);
  const requests = positiveEnv('BENCH_REQUESTS', 200);
  const warmup = positiveEnv('BENCH_WARMUP', 10);
  const submitSeconds = positiveEnv('BENCH_SUBMIT_SECONDS', 30);
  const clients = positiveEnv('BENCH_CLIENTS', 16);
  const ratioTarget = positiveEnv('BENCH_RATIO', 1.2);
  const keep = Boolean(process.env.BENCH_KEEP);

  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`pembersihan gagal: ${error instanceof Error ? error.message : error}`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: membersihkan…`);
      void cleanup().finally(() => process.exit(2));
    });
  }

  let infra: InfraHandle;
  try {
    infra = await ensureInfra({ log: (line) => console.log(`[infra] ${line}`) });
  } catch (error) {
    console.error(
      `Infrastruktur tidak tersedia: ${error instanceof Error ? error.message : error}`,
    );
    return 2;
  }
  cleanups.push(() => infra.stop());
  const { urls } = infra;
  process.env.MONGO_URL = urls.mongoUrl;
  process.env.NATS_URL = urls.natsUrl;
  process.env.KEYCLOAK_URL = urls.keycloakUrl;
  process.env.SMTP_URL = urls.smtpUrl;
  process.env.MAILPIT_API_URL = urls.mailpitApiUrl;
  process.env.OUTBOX_SWEEP_MS ??= '600000';
  process.env.DIGEST_POLL_MS ??= '3600000';
  process.env.SUBGRAPH_TIMEOUT_MS ??= '60000';
  // Every request of the bench comes from one address and one anonymous client.
  process.env.RATE_LIMIT_PER_MINUTE ??= '1000000';

  try {
    if (!keep) {
      cleanups.push(async () => {
        for (const name of STACK_DATABASES) {
          const connection = await mongoose
            .createConnection(urls.mongoUrl, { dbName: name })
            .asPromise();
          try {
            await connection.dropDatabase();
          } finally {
            await connection.close();
          }
        }
      });
    }
    // Commands of the surveys service only, counted while one measured request runs (the
    // connections the stack opens now keep this listener).
    let counting = false;
    let commands = 0;
    monitorMongoCommands((service) => {
      if (counting && service === 'surveys') commands += 1;
    });
    console.log(`Menyalakan API stack (${DATABASE})…`);
    const stack: ApiStack = await startApiStack(DATABASE, { notificationsPollMs: 3_600_000 });
    cleanups.push(() => stack.stop());
    monitorMongoCommands(null);
    const admin = await getUserToken('super-admin');
    const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
      graphqlRequest<T>(stack.gatewayUrl, query, { variables, ...(token ? { token } : {}) });

    // 1. Three published services (the organizations reach the surveys service through events).
    const services: Record<'SMALL' | 'BIG' | 'LOAD', { id: string; org: string }> = {
      SMALL: { id: '', org: 'DISDUKCAPIL' },
      BIG: { id: '', org: 'DPMPTSP' },
      LOAD: { id: '', org: 'RSUD' },
    };
    for (const [name, service] of Object.entries(services)) {
      const deadline = performance.now() + 60_000;
      for (;;) {
        const created = await gql<{ createServiceStandard: { id: string } }>(
          `mutation($input: ServiceStandardInput!) { createServiceStandard(input: $input) { id } }`,
          {
            input: {
              organizationCode: service.org,
              name: `Layanan uji beban ${name}`,
              category: 'Uji beban',
              components: COMPONENTS,
            },
          },
          admin,
        );
        if (created.data) {
          service.id = created.data.createServiceStandard.id;
          break;
        }
        if (performance.now() > deadline) data(created, `membuat layanan ${name}`);
        await delay(500);
      }
      data(
        await gql(
          `mutation($id: ID!) { publishServiceStandard(id: $id) { id } }`,
          { id: service.id },
          admin,
        ),
        `menerbitkan layanan ${name}`,
      );
    }

    // 2. Raw responses straight into the database, then the aggregates by the service's recompute.
    const connection = await mongoose
      .createConnection(urls.mongoUrl, { dbName: SURVEYS_DATABASE })
      .asPromise();
    cleanups.push(() => connection.close());
    const questionnaire = new QuestionnaireService(connection);
    const version = (await questionnaire.current()).version;
    const responses = surveyResponseModel(connection);
    const now = Date.now();
    const insert = async (which: 'SMALL' | 'BIG', count: number, seed: number) => {
      const scores = scoresFor(seed);
      const service = services[which];
      for (let offset = 0; offset < count; offset += 5_000) {
        const batch: SurveyResponseRecord[] = [];
        for (let i = offset; i < Math.min(count, offset + 5_000); i += 1) {
          // Within the last hour: the same month, whatever the clock says.
          const submittedAt = new Date(now - (i % 3_600) * 1_000);
          batch.push({
            _id: randomUUID(),
            // 0: below any stream sequence, so later live events still apply on top.
            seq: 0,
            serviceId: service.id,
            serviceName: `Layanan uji beban ${which}`,
            organizationCode: service.org,
            questionnaireVersion: version,
            scores: scores(),
            profile: { gender: null, ageGroup: null, education: null, occupation: null },
            suggestion: null,
            hasSuggestion: false,
            channel: 'ONLINE',
            submittedAt,
            periodKeys: periodKeysOf(submittedAt, TIME_ZONE),
            recordedAt: new Date(),
          });
        }
        await responses.insertMany(batch, { ordered: false });
        process.stdout.write(`\r  ${which}: ${Math.min(count, offset + 5_000)}/${count} jawaban`);
      }
      process.stdout.write('\n');
    };
    let started = performance.now();
    await insert('SMALL', small, 7);
    await insert('BIG', big, 11);
    const insertSeconds = (performance.now() - started) / 1000;
    const aggregation = new AggregationService({ connection, questionnaire, timeZone: TIME_ZONE });
    started = performance.now();
    const built = await aggregation.recompute({ apply: true });
    const buildSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const check = await aggregation.recompute({ apply: false });
    const checkSeconds = (performance.now() - started) / 1000;
    console.log(
      `Data: ${small + big} jawaban disisipkan dalam ${insertSeconds.toFixed(1)} s; agregat dibangun (${built.mismatches.length} ditulis) dalam ${buildSeconds.toFixed(1)} s; periksa ulang ${check.responses} jawaban, ${check.aggregates} agregat, ${check.mismatches.length} beda, ${checkSeconds.toFixed(1)} s`,
    );

    // 3. Index latency, SMALL and BIG alternating, through the gateway, anonymously.
    const period = currentMonth();
    const query = `query($scope: IndexScope!, $id: ID, $period: PeriodInput!) {
      satisfactionIndex(scope: $scope, id: $id, period: $period) {
        respondents ikm ikmConverted grade performance minimumSample sampleShortfall
        elements { element { code name labels } total answers nrr weightedNrr distribution }
        profile { gender { code label count } ageGroup { code count } education { code count } occupation { code count } }
        period { key label } } }`;
    const rows = [
      { label: `SERVICE kecil`, scope: 'SERVICE', id: services.SMALL.id },
      { label: `SERVICE besar`, scope: 'SERVICE', id: services.BIG.id },
      { label: 'ORGANIZATION besar', scope: 'ORGANIZATION', id: services.BIG.org },
      { label: 'PEMDA (semua)', scope: 'PEMDA', id: null },
    ] as const;
    const measured = rows.map(() => ({ times: [] as number[], commands: [] as number[] }));
    const respondents: number[] = [];
    for (let round = 0; round < warmup + requests; round += 1) {
      for (const [i, row] of rows.entries()) {
        commands = 0;
        counting = true;
        const t0 = performance.now();
        const answer = data(
          await gql<IndexAnswer>(query, { scope: row.scope, id: row.id, period }),
          'satisfactionIndex',
        );
        const elapsed = performance.now() - t0;
        counting = false;
        if (round === 0) respondents[i] = answer.satisfactionIndex.respondents;
        if (round >= warmup) {
          measured[i]!.times.push(elapsed);
          measured[i]!.commands.push(commands);
        }
      }
    }

    // 4. Sustained submissions through the gateway to LOAD.
    const mutation = `mutation($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { duplicate } }`;
    const loadScores = scoresFor(13);
    let accepted = 0;
    let refused = 0;
    const submitLatencies: number[] = [];
    const stopAt = performance.now() + submitSeconds * 1000;
    started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < stopAt) {
          const t0 = performance.now();
          const answer = await gql<{ submitSurveyResponse: { duplicate: boolean } }>(mutation, {
            input: {
              submissionId: randomUUID(),
              serviceId: services.LOAD.id,
              scores: loadScores(),
            },
          });
          submitLatencies.push(performance.now() - t0);
          if (answer.data && !answer.data.submitSurveyResponse.duplicate) accepted += 1;
          else refused += 1;
        }
      }),
    );
    const submitElapsed = (performance.now() - started) / 1000;
    let aggregated = 0;
    const drainDeadline = performance.now() + 15 * 60_000;
    while (performance.now() < drainDeadline) {
      aggregated = data(
        await gql<IndexAnswer>(
          `query($id: ID, $period: PeriodInput!) {
          satisfactionIndex(scope: SERVICE, id: $id, period: $period) { respondents } }`,
          { id: services.LOAD.id, period },
        ),
        'satisfactionIndex LOAD',
      ).satisfactionIndex.respondents;
      if (aggregated >= accepted) break;
      await delay(250);
    }
    const drainElapsed = (performance.now() - started) / 1000;

    // Report.
    const summaries = rows.map((row, i) => {
      const times = [...measured[i]!.times].sort((a, b) => a - b);
      const counts = [...new Set(measured[i]!.commands)].sort((a, b) => a - b);
      return {
        label: row.label,
        respondents: respondents[i] ?? 0,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        mean: mean(times),
        commands: counts.join('/'),
      };
    });
    const ratio = summaries[1]!.p50 / summaries[0]!.p50;
    const meanRatio = summaries[1]!.mean / summaries[0]!.mean;
    const sortedSubmit = [...submitLatencies].sort((a, b) => a - b);
    const lines = [
      `bench:surveys — ${new Date().toISOString()} — ${requests} permintaan per baris, ${warmup} pemanasan`,
      '',
      '| satisfactionIndex | jawaban | p50 ms | p95 ms | rata-rata ms | perintah MongoDB |',
      '|---|---|---|---|---|---|',
      ...summaries.map(
        (row) =>
          `| ${row.label} | ${row.respondents} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.mean.toFixed(1)} | ${row.commands} |`,
      ),
      '',
      `Rasio p50 besar/kecil: ${ratio.toFixed(3)} (target ≤ ${ratioTarget}); rasio rata-rata: ${meanRatio.toFixed(3)}`,
      `Pengiriman survei lewat gateway: ${accepted} diterima, ${refused} ditolak dalam ${submitElapsed.toFixed(1)} s dari ${clients} klien = ${(accepted / submitElapsed).toFixed(1)} kiriman/s (p50 ${percentile(sortedSubmit, 0.5).toFixed(0)} ms, p95 ${percentile(sortedSubmit, 0.95).toFixed(0)} ms)`,
      `Agregasi (satu penulis): ${aggregated}/${accepted} terhitung ${drainElapsed.toFixed(1)} s sejak mulai = ${(aggregated / drainElapsed).toFixed(1)} jawaban/s`,
      `Data: ${small + big} jawaban mentah, agregat dibangun ulang ${buildSeconds.toFixed(1)} s, pemeriksaan ulang ${check.mismatches.length} beda`,
    ];
    const failures: string[] = [];
    if (!(ratio <= ratioTarget)) failures.push(`rasio p50 ${ratio.toFixed(3)} > ${ratioTarget}`);
    if (summaries[0]!.commands !== summaries[1]!.commands)
      failures.push(
        `perintah MongoDB berbeda: ${summaries[0]!.commands} vs ${summaries[1]!.commands}`,
      );
    if (summaries[0]!.respondents !== small || summaries[1]!.respondents !== big)
      failures.push('jumlah responden indeks tidak sama dengan data');
    if (check.mismatches.length > 0) failures.push('hitung ulang tidak sama dengan agregat');
    if (aggregated !== accepted) failures.push(`agregat LOAD ${aggregated} ≠ ${accepted} diterima`);
    if (refused > 0) failures.push(`${refused} kiriman ditolak`);
    lines.push('', failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS');
    console.log(`\n${lines.join('\n')}`);
    const resultsDir = path.join(REPO_ROOT, 'bench-results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'surveys.md'), `${lines.join('\n')}\n`);
    return failures.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
