// `npm start`: the whole platform on this machine — infrastructure, every service with demo data,
// the gateway, the web portal (built first when its sources changed) — then the URLs and demo
// logins. Ctrl-C stops everything this run started.
import path from 'node:path';
import { composeSupergraphFile } from './compose-supergraph.js';
import {
  KEYCLOAK_DEV_ADMIN,
  KEYCLOAK_REALM,
  ensureInfra,
  type InfraUrls,
} from './lib/infra/index.js';
import { logFile } from './lib/infra/paths.js';
import { stopProcess, type ManagedProcess } from './lib/infra/process.js';
import { DEV_PASSWORD, GATEWAY_PORT, existingServices, serviceUrl } from './lib/platform.js';
import { platformEnvironment, startPlatformProcesses } from './lib/platform-processes.js';
import { WEB_URL, ensureWebBuild, startWeb, webEnvironment } from './lib/web.js';
import { seedDemoProjects } from './seed-demo-projects.js';

async function main(): Promise<void> {
  const started = Date.now();
  const infra = await ensureInfra();
  const env = platformEnvironment(infra.urls);
  const children: ManagedProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[sipadu] menghentikan semua layanan… (stopping)');
    for (const child of children.reverse()) await stopProcess(child, 10_000);
    await infra.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stopAll(0));

  try {
    const composed = composeSupergraphFile();
    if (!composed.ok) throw new Error(`komposisi supergraph gagal:\n${composed.errors.join('\n')}`);

    const platform = await startPlatformProcesses({
      env,
      log: (line) => console.log(`[sipadu] ${line}`),
    });
    children.push(...platform.units);
    const services = existingServices();
    console.log(`[sipadu] gateway siap di http://localhost:${GATEWAY_PORT}/graphql`);

    // The SIPOPI demo story, told through the gateway once (skipped when projects exist). Demo
    // data is a convenience: a failure is reported and the platform keeps running.
    if (services.some((unit) => unit.name === 'projects')) {
      try {
        await seedDemoProjects({
          gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
          keycloakUrl: infra.urls.keycloakUrl,
          log: (line) => console.log(`[sipadu] demo proyek: ${line}`),
        });
      } catch (error) {
        console.warn(
          `[sipadu] peringatan: data demo proyek pinjaman gagal dibuat: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }

    const webEnv = webEnvironment({
      keycloakUrl: infra.urls.keycloakUrl,
      gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
      base: env,
    });
    if ((await ensureWebBuild({ env: webEnv })) === 'fresh')
      console.log('[sipadu] build portal web masih terbaru (web build is current)');
    children.push(await startWeb(webEnv));

    setInterval(() => undefined, 1 << 30); // children are unref'd: hold the event loop while serving
    printBanner(
      infra.urls,
      services.map((unit) => `${unit.name.padEnd(14)} ${serviceUrl(unit)}`),
      started,
    );
    // Any unit dying stops the platform, so a newcomer never works against half of it.
    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        console.error(
          `[sipadu] ${child.name} berhenti tak terduga (kode ${code}); lihat ${logFile(child.name)}`,
        );
        void stopAll(1);
      });
    }
  } catch (error) {
    console.error(
      `[sipadu] gagal menjalankan platform: ${error instanceof Error ? error.message : String(error)}`,
    );
    await stopAll(1);
  }
}

const DEV_USERS: [string, string][] = [
  ['super-admin', 'DISKOMINFO'],
  ['admin-opd', 'DINKES'],
  ['pimpinan', 'SETDA'],
  ['bpkad', 'BPKAD'],
  ['pelaksana', 'DPUPR'],
  ['pelaksana-rsud', 'RSUD'],
  ['pemberi-pinjaman', 'PTSMI'],
  ['evaluator', 'INSPEKTORAT'],
  ['unit-kerja', 'DPUPR'],
  ['petugas-konsultasi', 'DPUPR'],
  ['kasubdit', 'DPUPR'],
  ['direktur', 'DPUPR'],
  ['pengelola-tik', 'DISKOMINFO'],
  ['petugas-tik', 'DISKOMINFO'],
  ['pemberi-tugas', 'DPUPR'],
];

/** Partner clients of the Keycloak dev realm (keycloak/dev-overlay.json): id, dev secret, scope. */
const PARTNER_CLIENTS: [string, string, string][] = [
  ['sipadu-partner', 'sipadu-partner-dev-secret', 'SIPD: kode perencanaan, proyek dan realisasi'],
  ['mitra-ptsmi', 'mitra-ptsmi-dev-secret', 'PT SMI: proyeknya dan status dokumennya'],
  ['mitra-provinsi', 'mitra-provinsi-dev-secret', 'provinsi: IKM, statistik pengaduan, penilaian'],
];

function printBanner(urls: InfraUrls, services: string[], started: number): void {
  const lines = [
    '',
    `SIPADU siap dalam ${Math.round((Date.now() - started) / 1000)} detik (Ctrl-C untuk berhenti)`,
    '',
    `  Portal web       ${WEB_URL}  ← buka di peramban, masuk dengan akun demo di bawah`,
    `  Tanpa akun       ${WEB_URL}/layanan (standar pelayanan, survei kepuasan), ${WEB_URL}/hasil-survei (IKM)`,
    `                   ${WEB_URL}/lapor (pengaduan masyarakat), ${WEB_URL}/lacak (lacak dengan kode)`,
    `                   ${WEB_URL}/data-terbuka (katalog data terbuka, unduh CSV/JSON)`,
    `  Pimpinan         ${WEB_URL}/dasbor-pimpinan (masuk sebagai pimpinan), ${WEB_URL}/penilaian-kinerja`,
    `  Gateway GraphQL  http://localhost:${GATEWAY_PORT}/graphql`,
    `  Open311          http://localhost:${GATEWAY_PORT}/open311/v2/services.json  (pengaduan, GeoReport v2)`,
    `  Data terbuka     http://localhost:${GATEWAY_PORT}/open-data/catalog.json  (katalog DCAT)`,
    ...services.map((line) => `  ${line}`),
    `  Keycloak         ${urls.keycloakUrl}  (konsol admin ${urls.keycloakUrl}/admin — ${KEYCLOAK_DEV_ADMIN.username} / ${KEYCLOAK_DEV_ADMIN.password})`,
    // The API, not the web UI: the Mailpit built from its Go module has no UI assets.
    urls.mailpitApiUrl
      ? `  Mailpit          ${urls.mailpitApiUrl}/api/v1/messages  (email terkirim)  SMTP ${urls.smtpUrl}`
      : `  SMTP             ${urls.smtpUrl}  (server eksternal)`,
    `  MongoDB          ${urls.mongoUrl}`,
    `  NATS             ${urls.natsUrl}`,
    '',
    `Akun demo (kata sandi ${DEV_PASSWORD}); nama pengguna = peran:`,
    ...DEV_USERS.map(([user, org]) => `  ${user.padEnd(20)} ${org}`),
    '',
    'Token untuk skrip (klien sipadu-test, password grant):',
    `  curl -s -d grant_type=password -d client_id=sipadu-test -d username=admin-opd -d 'password=${DEV_PASSWORD}' \\`,
    `    ${urls.keycloakUrl}/realms/${KEYCLOAK_REALM}/protocol/openid-connect/token`,
    'Klien mitra (client credentials; docs/partner-guide.md, contoh: npm run partner:example):',
    ...PARTNER_CLIENTS.map(
      ([client, secret, what]) => `  ${client.padEnd(15)} ${secret.padEnd(27)} ${what}`,
    ),
    `Log tiap layanan: ${path.relative(process.cwd(), logFile('<nama>'))}`,
    '',
  ];
  console.log(lines.join('\n'));
}

await main();
