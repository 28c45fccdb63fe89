// Local infrastructure for development and tests: FerretDB, NATS JetStream, Keycloak, Mailpit.
//   npx tsx scripts/infra.ts up       start (or reuse) everything, print URLs, stop on Ctrl-C
//   npx tsx scripts/infra.ts install  only install what is missing under .infra/
//   npx tsx scripts/infra.ts status   health of each component
// Keycloak dev admin console: http://localhost:8080/admin (admin / admin).
import {
  KEYCLOAK_DEV_ADMIN,
  PrerequisiteError,
  ensureInfra,
  infraStatus,
  installInfra,
} from './lib/infra/index.js';

async function up(): Promise<void> {
  const startedAt = Date.now();
  const handle = await ensureInfra({
    onState: (name, state) => {
      const label = {
        external: 'eksternal (external)',
        reused: 'dipakai ulang (reused)',
        started: 'dijalankan (started)',
      }[state];
      console.log(`[infra] ${name}: ${label}`);
    },
  });
  const { urls } = handle;
  console.log(`[infra] siap dalam ${((Date.now() - startedAt) / 1000).toFixed(1)} detik (ready)`);
  console.log(`MONGO_URL=${urls.mongoUrl}`);
  console.log(`NATS_URL=${urls.natsUrl}`);
  console.log(`KEYCLOAK_URL=${urls.keycloakUrl}`);
  console.log(`SMTP_URL=${urls.smtpUrl}`);
  console.log(`MAILPIT_API_URL=${urls.mailpitApiUrl}`);
  console.log(
    `[infra] konsol admin Keycloak: ${urls.keycloakUrl}/admin (${KEYCLOAK_DEV_ADMIN.username} / ${KEYCLOAK_DEV_ADMIN.password}); Ctrl-C untuk berhenti`,
  );

  // Keep the event loop alive until a signal arrives, then stop what this run started.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[infra] ${signal}: menghentikan layanan yang dijalankan sesi ini (stopping)…`);
    handle
      .stop()
      .then(() => {
        clearInterval(keepAlive);
        console.log('[infra] berhenti (stopped)');
        process.exit(0);
      })
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

async function status(): Promise<void> {
  const rows = await infraStatus();
  for (const row of rows)
    console.log(`${row.healthy ? 'OK   ' : 'MATI '} ${row.name.padEnd(9)} ${row.url}`);
  if (rows.some((r) => !r.healthy)) process.exitCode = 1;
}

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'up';
  if (command === 'up') return up();
  if (command === 'install') return installInfra();
  if (command === 'status') return status();
  console.error('Pemakaian (usage): tsx scripts/infra.ts [up|install|status]');
  process.exitCode = 2;
}

main().catch((err: unknown) => {
  // Prerequisite problems get their one clear sentence, not a stack trace.
  console.error(err instanceof PrerequisiteError ? `[infra] ${err.message}` : err);
  process.exit(1);
});
