// Gateway overhead benchmark: the same public identity query at a fixed request rate (open loop:
// requests leave on schedule whatever the answers do), straight to the identity subgraph and
// through the gateway. The two streams are interleaved (direct, gateway, direct, … half an
// interval apart) so both see the same background load on a shared machine; a warm-up runs
// first. Prints p50/p99 of both and checks the target: gateway p99 ≤ 1.25 × direct p99, or
// ≤ direct p99 + 5 ms. Assumes `npm start` is running. Exit code 0 = PASS, 1 = FAIL,
// 2 = endpoints not answering.
//
// Usage: tsx scripts/bench-gateway.ts [--rate 25] [--seconds 30] [--warmup 3]
//                                     [--direct URL] [--gateway URL]
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  FOUNDATION_QUERY as QUERY,
  GATEWAY_DIFFERENCE_TARGET_MS as DIFFERENCE_TARGET_MS,
  GATEWAY_RATIO_TARGET as RATIO_TARGET,
  percentile,
  writeBenchResult,
} from './lib/bench.js';

interface Target {
  label: string;
  url: URL;
}

interface Sample {
  latencies: number[];
  errors: number;
  statuses: Record<string, number>;
}

const { values: args } = parseArgs({
  options: {
    // Per target; the direct subgraph then serves 2 × rate (its own stream plus the gateway's).
    rate: { type: 'string', default: '25' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    direct: { type: 'string', default: 'http://127.0.0.1:4001/graphql' },
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
  },
});
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const targets: Target[] = [
  { label: 'langsung ke identity', url: new URL(args.direct) },
  { label: 'melalui gateway', url: new URL(args.gateway) },
];

const body = Buffer.from(JSON.stringify({ query: QUERY }));
// One keep-alive pool per target, as a browser or the web server would hold.
const agents = new Map(
  targets.map((t) => [t, new http.Agent({ keepAlive: true, maxSockets: 64, noDelay: true })]),
);

/** One request; resolves with the latency in ms, or an error label. */
function send(target: Target): Promise<{ ms: number } | { error: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.request(
      target.url,
      {
        method: 'POST',
        agent: agents.get(target),
        headers: { 'content-type': 'application/json', 'content-length': body.length },
        signal: AbortSignal.timeout(10_000),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ms = performance.now() - started;
          if (response.statusCode !== 200) {
            resolve({ error: `HTTP ${response.statusCode}` });
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(text.includes('"errors"') ? { error: 'GraphQL errors' } : { ms });
        });
        response.on('error', (error) => resolve({ error: error.message }));
      },
    );
    request.on('error', (error) =>
      resolve({ error: error.name === 'AbortError' ? 'timeout' : error.message }),
    );
    request.end(body);
  });
}

/**
 * Open loop on an absolute schedule (no drift, never waits for answers): `perTarget` requests to
 * each target at `rate` per second, the targets taking turns half an interval apart.
 */
async function interleaved(perTarget: number, samples?: Map<Target, Sample>): Promise<void> {
  const interval = 1_000 / (rate * targets.length);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < perTarget * targets.length; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = targets[i % targets.length] as Target;
    const sample = samples?.get(target);
    pending.push(
      send(target).then((result) => {
        if (!sample) return;
        if ('ms' in result) sample.latencies.push(result.ms);
        else {
          sample.errors += 1;
          sample.statuses[result.error] = (sample.statuses[result.error] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(pending);
}

async function preflight(): Promise<boolean> {
  let ok = true;
  for (const target of targets) {
    const result = await send(target);
    if ('error' in result) {
      ok = false;
      console.error(
        `✗ ${target.label} (${target.url.href}) tidak menjawab dengan benar: ${result.error}`,
      );
    }
  }
  if (!ok) {
    console.error(
      '\nJalankan dulu `npm start` (infrastruktur, identity di :4001 dan gateway di :4000),\n' +
        'atau arahkan ke alamat lain dengan --direct URL --gateway URL.',
    );
  }
  return ok;
}

async function main(): Promise<number> {
  if (!(rate > 0 && seconds > 0)) throw new Error('--rate dan --seconds harus positif');
  if (!(await preflight())) return 2;

  console.log(`Kueri: ${QUERY}`);
  console.log(
    `Laju tetap ${rate} permintaan/detik per target selama ${seconds} detik, kedua target bergiliran` +
      ` (pemanasan ${warmupSeconds} detik).`,
  );
  await interleaved(Math.round(rate * warmupSeconds));
  const samples = new Map<Target, Sample>(
    targets.map((t) => [t, { latencies: [], errors: 0, statuses: {} }]),
  );
  await interleaved(Math.round(rate * seconds), samples);

  const rows = targets.map((target) => {
    const sample = samples.get(target) as Sample;
    const sorted = [...sample.latencies].sort((a, b) => a - b);
    return {
      target: target.label,
      url: target.url.href,
      requests: sorted.length + sample.errors,
      errors: sample.errors,
      errorKinds: sample.statuses,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  });
  const [direct, gateway] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const ratio = gateway.p99 / direct.p99;
  const difference = gateway.p99 - direct.p99;
  // Near saturation the comparison measures queueing in the subgraph, not the gateway.
  const utilisation = (direct.p50 * rate * targets.length) / 1_000;
  const pass =
    direct.errors === 0 &&
    gateway.errors === 0 &&
    (ratio <= RATIO_TARGET || difference <= DIFFERENCE_TARGET_MS);

  console.log('');
  console.log('target                   permintaan  galat   p50 ms   p99 ms   maks ms');
  for (const row of rows) {
    console.log(
      `${row.target.padEnd(24)} ${String(row.requests).padStart(10)} ${String(row.errors).padStart(6)}` +
        ` ${row.p50.toFixed(2).padStart(8)} ${row.p99.toFixed(2).padStart(8)} ${row.max.toFixed(2).padStart(9)}`,
    );
    if (row.errors > 0) console.log(`  galat: ${JSON.stringify(row.errorKinds)}`);
  }
  console.log('');
  console.log(`p99 gateway / langsung : ${ratio.toFixed(3)} (target ≤ ${RATIO_TARGET})`);
  console.log(
    `p99 gateway − langsung : ${difference >= 0 ? '+' : ''}${difference.toFixed(2)} ms (target ≤ +${DIFFERENCE_TARGET_MS} ms)`,
  );
  if (utilisation > 0.6) {
    console.log(
      `Peringatan: identity sibuk ±${Math.round(utilisation * 100)}% pada laju ini; turunkan --rate agar antrean tidak mendominasi.`,
    );
  }
  console.log(
    `${pass ? 'PASS' : 'FAIL'}: p99 gateway harus ≤ ${RATIO_TARGET} × p99 langsung atau ≤ p99 langsung + ${DIFFERENCE_TARGET_MS} ms, tanpa galat.`,
  );

  const file = writeBenchResult('gateway', {
    query: QUERY,
    rate,
    seconds,
    warmupSeconds,
    rows,
    ratio,
    difference,
    pass,
  });
  console.log(`Hasil: ${file}`);
  return pass ? 0 : 1;
}

main().then(
  (code) => {
    for (const agent of agents.values()) agent.destroy();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
