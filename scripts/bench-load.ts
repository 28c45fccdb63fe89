// Load benchmark (issue 10, item 7): the realistic mix of scripts/lib/load-mix.ts — public
// directory and survey submission (anonymous), project list (bpkad), leader dashboard (pimpinan),
// BENCH_STREAMS notification streams held open — first through the gateway alone (the thresholds),
// then through the gateway and straight to each operation's owning subgraph at the same time (the
// ratio; both see the same background load, as in bench:gateway).
// Prints requests, rps, p50/p95/p99 and errors per operation, and the gateway-over-direct p95 and
// p99 ratios (the foundation's target of `npm run bench:gateway`, reported, not enforced).
// PASS when, through the gateway, every operation has an error rate < 1 % and a p95 within its
// limit, and every stream opened. Exit code 0 = PASS, 1 = FAIL, 2 = could not run.
//
// Starts the platform (infrastructure reused when it runs; services and gateway as separate
// processes on databases `bench_<service>`), or reuses `npm start`'s with BENCH_USE_RUNNING=1.
// Usage: tsx scripts/bench-load.ts
//   BENCH_SECONDS=30 BENCH_WARMUP=5 BENCH_SCALE=1 (rate multiplier) BENCH_STREAMS=50
//   BENCH_USE_RUNNING=1 BENCH_PORT_OFFSET=0
import {
  GATEWAY_DIFFERENCE_TARGET_MS,
  GATEWAY_RATIO_TARGET,
  benchNumber,
  writeBenchResult,
} from './lib/bench.js';
import {
  gatewayTargets,
  loadMix,
  mixSettings,
  onBenchPlatform,
  printMixReport,
  runLoadMix,
  surveyServiceId,
  type MixResult,
} from './lib/load-mix.js';

function printRatios(gateway: MixResult, direct: MixResult): Record<string, unknown>[] {
  console.log('\nRasio gateway / langsung ke subgraph pemilik (campuran yang sama)');
  console.log(
    'operasi                                        p95 gw   p95 lgs  rasio p95   p99 gw   p99 lgs  rasio p99',
  );
  const rows = gateway.operations.map((row, index) => {
    const other = direct.operations[index]!;
    const ratio95 = row.p95 / other.p95;
    const ratio99 = row.p99 / other.p99;
    const within =
      ratio99 <= GATEWAY_RATIO_TARGET || row.p99 - other.p99 <= GATEWAY_DIFFERENCE_TARGET_MS;
    console.log(
      `${row.name.padEnd(45)} ${row.p95.toFixed(1).padStart(8)} ${other.p95.toFixed(1).padStart(9)}` +
        ` ${ratio95.toFixed(2).padStart(10)} ${row.p99.toFixed(1).padStart(8)} ${other.p99.toFixed(1).padStart(9)}` +
        ` ${ratio99.toFixed(2).padStart(10)}${within ? '' : '  (di atas target fondasi)'}`,
    );
    return { name: row.name, ratio95, ratio99, withinFoundationTarget: within };
  });
  console.log(
    `Target fondasi (bench:gateway, tanpa beban campuran): p99 gateway ≤ ${GATEWAY_RATIO_TARGET} × langsung` +
      ` atau ≤ langsung + ${GATEWAY_DIFFERENCE_TARGET_MS} ms — di sini dilaporkan, bukan syarat lulus.`,
  );
  return rows;
}

async function main(): Promise<number> {
  const { seconds, streams, scale } = mixSettings();
  const warmup = benchNumber('BENCH_WARMUP', 5);

  return onBenchPlatform('bench-load', async (platform, log) => {
    const mix = loadMix(await surveyServiceId(platform.gatewayUrl), scale);
    const viaGateway = gatewayTargets(platform);
    const direct = {
      urlFor: (operation: (typeof mix)[number]) => platform.serviceUrls[operation.owner] ?? '',
      eventsUrl: `${platform.notificationsOrigin}/events`,
    };
    console.log(
      `Campuran (permintaan/detik): ${mix.map((op) => `${op.name} ${op.rate}`).join('; ')};` +
        ` ${streams} aliran notifikasi terbuka.`,
    );
    if (warmup > 0) {
      log(`pemanasan ${warmup} detik…`);
      await runLoadMix({ mix, targets: viaGateway, seconds: warmup, streams: 0 });
      await runLoadMix({ mix, targets: direct, seconds: warmup, streams: 0 });
    }
    log(`melalui gateway ${seconds} detik…`);
    const gateway = await runLoadMix({ mix, targets: viaGateway, seconds, streams });
    // As bench:gateway does: both at once, so both see the same background load (the subgraphs
    // then serve the mix twice).
    log(`gateway dan langsung ke subgraph pemilik bersamaan ${seconds} detik…`);
    const [paired, straight] = await Promise.all([
      runLoadMix({ mix, targets: viaGateway, seconds, streams }),
      runLoadMix({ mix, targets: direct, seconds, streams: 0 }),
    ]);

    const failures = printMixReport(gateway, 'Melalui gateway');
    printMixReport(paired, 'Melalui gateway, bersamaan dengan jalur langsung');
    printMixReport(straight, 'Langsung ke subgraph pemilik, bersamaan');
    const ratios = printRatios(paired, straight);
    console.log('');
    for (const failure of failures) console.log(`✗ ${failure}`);
    const pass = failures.length === 0;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}: melalui gateway, galat < 1 % dan p95 dalam batas untuk tiap operasi.`,
    );
    const file = writeBenchResult('load', {
      seconds,
      scale,
      streams,
      platformStarted: platform.started,
      mix: mix.map(({ name, owner, rate, connections, p95Ms }) => ({
        name,
        owner,
        rate,
        connections,
        p95Ms,
      })),
      gateway,
      paired: { gateway: paired, direct: straight },
      ratios,
      failures,
      pass,
    });
    console.log(`Hasil: ${file}`);
    return pass ? 0 : 1;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
