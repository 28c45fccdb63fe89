// Memory footprint benchmark (issue 10, item 8): resident memory of the whole platform — FerretDB,
// NATS, Keycloak (java), Mailpit, every service, the gateway and the web portal, each as the
// process tree behind the port it listens on — idle, then its peak under the load mix of
// `npm run bench:load` (scripts/lib/load-mix.ts), against the minimum server of SIPD (Kemendagri):
// "2 CPU's (4 Core), 4 GB Memory RAM" (../shared/seeds/sipd-kemendagri.txt, Minimum Hardware
// Server Requirements). RSS = VmRSS of /proc/<pid>/status summed over each tree (shared pages are
// counted per process, so the sum is an upper bound). Exit code 0 = peak within 4 GB, 1 = over,
// 2 = could not run.
//
// Components already listening (the infrastructure the lead runs, or `npm start` with
// BENCH_USE_RUNNING=1) are measured where they are; missing ones are started like `npm start`
// does (services on databases `bench_<service>`; the web portal is built first when stale).
// Usage: tsx scripts/bench-footprint.ts
//   BENCH_SECONDS=30 BENCH_SCALE=1 BENCH_STREAMS=50 BENCH_IDLE_SECONDS=10 BENCH_USE_RUNNING=1
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { benchNumber, writeBenchResult } from './lib/bench.js';
import { COMPONENTS } from './lib/infra/components.js';
import { KEYCLOAK_REALM } from './lib/infra/index.js';
import { isPortOpen, stopProcess, type ManagedProcess } from './lib/infra/process.js';
import {
  gatewayTargets,
  loadMix,
  mixSettings,
  onBenchPlatform,
  printMixReport,
  runLoadMix,
  surveyServiceId,
} from './lib/load-mix.js';
import { GATEWAY_PORT, WEB_PORT, existingServices } from './lib/platform.js';
import { ensureWebBuild, startWeb, webEnvironment } from './lib/web.js';

/** SIPD's minimum server (seed sipd-kemendagri.txt): 4 GB RAM, taken as 4 GiB. */
const SIPD_MINIMUM_MIB = 4 * 1024;

interface Component {
  name: string;
  port: number;
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const localPort = parseInt(fields[1]?.split(':')[1] ?? '', 16);
      // st 0A = LISTEN; field 9 is the socket's inode.
      if (localPort === port && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

const pids = () =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);

/** The process holding one of `inodes` open (the listener), if this user can see it. */
function ownerOf(inodes: Set<string>): number | undefined {
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (link.startsWith('socket:[') && inodes.has(link.slice(8, -1))) return pid;
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return undefined;
}

/** Parent and process group of `pid` (/proc/<pid>/stat; the command may contain spaces). */
function stat(pid: number): { ppid: number; pgid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Parent → children of every process, read once per sample. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const parent = stat(pid)?.ppid;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  return children;
}

/** `root` and every descendant. */
function tree(root: number, children: Map<number, number[]>): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * The root of a component's process tree: the listener's highest ancestor in the same process
 * group (the tsx wrapper of a service, kc.sh around Keycloak's java).
 */
function componentRoot(listener: number): number {
  const group = stat(listener)?.pgid;
  let root = listener;
  for (;;) {
    const parent = stat(root)?.ppid;
    if (!parent || parent <= 1 || stat(parent)?.pgid !== group) return root;
    root = parent;
  }
}

interface Measured {
  name: string;
  port: number;
  /** Root of its process tree; undefined when nothing listens on the port. */
  root: number | undefined;
}

function locate(components: Component[]): Measured[] {
  return components.map((component) => {
    const listener = ownerOf(listeningInodes(component.port));
    return { ...component, root: listener === undefined ? undefined : componentRoot(listener) };
  });
}

/** RSS (MiB) and process count per component; the trees are re-read (children come and go). */
function sample(measured: Measured[]): { mib: number; processes: number }[] {
  const children = childrenByParent();
  return measured.map((component) => {
    if (component.root === undefined) return { mib: 0, processes: 0 };
    const pidsOfTree = tree(component.root, children);
    return {
      mib: pidsOfTree.reduce((total, pid) => total + rssMiB(pid), 0),
      processes: pidsOfTree.length,
    };
  });
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

async function main(): Promise<number> {
  const { seconds, streams, scale } = mixSettings();
  const idleSeconds = benchNumber('BENCH_IDLE_SECONDS', 10);

  return onBenchPlatform('bench-footprint', async (platform, log) => {
    let web: ManagedProcess | undefined;
    try {
      if (await isPortOpen(WEB_PORT))
        log(`portal web sudah berjalan di :${WEB_PORT}, diukur di sana`);
      else {
        const keycloakUrl = process.env.KEYCLOAK_URL ?? 'http://localhost:8080';
        const env = webEnvironment({ keycloakUrl, gatewayUrl: platform.gatewayUrl });
        log('membangun (bila perlu) dan menjalankan portal web…');
        await ensureWebBuild({ env });
        web = await startWeb(env);
      }

      const offset = new URL(platform.gatewayUrl).port
        ? Number(new URL(platform.gatewayUrl).port) - GATEWAY_PORT
        : 0;
      const components: Component[] = [
        ...COMPONENTS.map((component) => ({ name: component.name, port: component.ports[0]! })),
        ...existingServices().map((unit) => ({ name: unit.name, port: unit.port + offset })),
        { name: 'gateway', port: GATEWAY_PORT + offset },
        { name: 'web', port: WEB_PORT },
      ];
      const measured = locate(components);
      const missing = measured.filter((component) => component.root === undefined);
      if (missing.length) {
        console.error(
          `Tidak menemukan proses untuk: ${missing.map((c) => `${c.name} (:${c.port})`).join(', ')}`,
        );
        return 2;
      }

      log(`menunggu ${idleSeconds} detik agar diam (idle)…`);
      await delay(idleSeconds * 1_000);
      const idleSamples: number[][] = [];
      let processes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const taken = sample(measured);
        idleSamples.push(taken.map((entry) => entry.mib));
        processes = taken.map((entry) => entry.processes);
        await delay(1_000);
      }
      // Median of five per component: a GC or timer in one sample does not decide the idle figure.
      const idle = measured.map((_, index) => {
        const values = idleSamples.map((row) => row[index]!).sort((a, b) => a - b);
        return values[2]!;
      });

      log(`campuran beban bench:load melalui gateway selama ${seconds} detik…`);
      const samples: number[][] = [];
      const mix = loadMix(await surveyServiceId(platform.gatewayUrl), scale);
      const result = await runLoadMix({
        mix,
        targets: gatewayTargets(platform),
        seconds,
        streams,
        onTick: () => samples.push(sample(measured).map((entry) => entry.mib)),
      });
      samples.push(sample(measured).map((entry) => entry.mib));
      const peak = measured.map((_, index) => Math.max(...samples.map((row) => row[index]!)));
      const idleTotal = sum(idle);
      const peakTotal = Math.max(...samples.map(sum));

      printMixReport(result, 'Campuran beban selama pengukuran');
      console.log(
        '\nkomponen          port   proses   idle MiB  puncak MiB\n' +
          measured
            .map(
              (component, index) =>
                `${component.name.padEnd(16)} ${String(component.port).padStart(5)} ${String(processes[index]).padStart(8)}` +
                ` ${idle[index]!.toFixed(0).padStart(10)} ${peak[index]!.toFixed(0).padStart(11)}`,
            )
            .join('\n'),
      );
      console.log(
        `${'total'.padEnd(31)} ${idleTotal.toFixed(0).padStart(10)} ${peakTotal.toFixed(0).padStart(11)}`,
      );
      const ratioIdle = idleTotal / SIPD_MINIMUM_MIB;
      const ratioPeak = peakTotal / SIPD_MINIMUM_MIB;
      console.log(
        `\nServer minimum SIPD (Kemendagri): 4 GB RAM = ${SIPD_MINIMUM_MIB} MiB.` +
          ` Rasio idle ${(ratioIdle * 100).toFixed(1)} %, puncak ${(ratioPeak * 100).toFixed(1)} %` +
          ` (puncak total = jumlah terbesar pada satu sampel, tiap 500 ms).`,
      );
      const pass = peakTotal <= SIPD_MINIMUM_MIB;
      console.log(
        `${pass ? 'PASS' : 'FAIL'}: memori residen puncak seluruh platform ${pass ? '≤' : '>'} 4 GB.`,
      );
      const file = writeBenchResult('footprint', {
        seconds,
        scale,
        streams,
        realm: KEYCLOAK_REALM,
        components: measured.map((component, index) => ({
          name: component.name,
          port: component.port,
          processes: processes[index],
          idleMiB: idle[index],
          peakMiB: peak[index],
        })),
        idleTotalMiB: idleTotal,
        peakTotalMiB: peakTotal,
        sipdMinimumMiB: SIPD_MINIMUM_MIB,
        ratioIdle,
        ratioPeak,
        load: result,
        pass,
      });
      console.log(`Hasil: ${file}`);
      return pass ? 0 : 1;
    } finally {
      if (web) await stopProcess(web, 10_000);
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
