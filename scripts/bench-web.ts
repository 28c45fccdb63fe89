// `npm run bench:web`: builds the web portal (when its sources changed; `--rebuild` always) and
// prints each route's first-load JavaScript, gzip, against the budget for 2 Mbps links. Exits 1
// when a public route is over budget or missing from the build.
import path from 'node:path';
import { KEYCLOAK_PUBLIC_URL } from './lib/infra/versions.js';
import { GATEWAY_PORT } from './lib/platform.js';
import { appRouteChunks, measureRoutes } from './lib/web-bundle.js';
import { WEB_DIR, ensureWebBuild, webEnvironment } from './lib/web.js';

/** 150 kB gzip (1 kB = 1000 bytes, as Next.js reports sizes). */
const BUDGET_BYTES = 150_000;
/** Routes anyone may open without signing in: these must stay within the budget. */
const PUBLIC_ROUTES = [
  '/',
  '/direktori',
  '/direktori/[code]',
  '/verifikasi',
  '/verifikasi/[code]',
  '/layanan',
  '/layanan/[id]',
  '/layanan/[id]/qr',
  '/survei/[id]',
  '/hasil-survei',
  '/hasil-survei/[organizationCode]',
  '/lapor',
  '/lacak',
  '/data-terbuka',
  '/data-terbuka/[id]',
];

const env = webEnvironment({
  keycloakUrl: process.env.KEYCLOAK_URL ?? KEYCLOAK_PUBLIC_URL,
  gatewayUrl: process.env.GATEWAY_URL ?? `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
});
const state = await ensureWebBuild({ env, force: process.argv.includes('--rebuild') });
if (state === 'fresh')
  console.log('[web] build masih sesuai sumber; dipakai ulang (--rebuild untuk membangun ulang)');

const distDir = path.join(WEB_DIR, '.next');
// Public routes first (in budget order), then the internal area alphabetically.
const rank = (route: string) => {
  const index = PUBLIC_ROUTES.indexOf(route);
  return index === -1 ? PUBLIC_ROUTES.length : index;
};
const weights = measureRoutes(distDir, appRouteChunks(distDir)).sort(
  (a, b) => rank(a.route) - rank(b.route) || a.route.localeCompare(b.route),
);
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const width = Math.max(5, ...weights.map((w) => w.route.length)) + 2;
console.log('');
console.log(`${'Rute'.padEnd(width)}${'kB gzip'.padStart(9)}${'anggaran'.padStart(10)}  status`);
let failed = false;
for (const weight of weights) {
  const isPublic = PUBLIC_ROUTES.includes(weight.route);
  const within = weight.gzipBytes <= BUDGET_BYTES;
  if (isPublic && !within) failed = true;
  const status = within ? 'OK' : isPublic ? 'MELEBIHI ANGGARAN' : 'di atas anggaran (internal)';
  console.log(
    `${weight.route.padEnd(width)}${kb(weight.gzipBytes).padStart(9)}${kb(BUDGET_BYTES).padStart(10)}  ${status}${isPublic ? ' · publik' : ''}`,
  );
}
const missing = PUBLIC_ROUTES.filter((route) => !weights.some((w) => w.route === route));
for (const route of missing) console.log(`${route.padEnd(width)}  tidak ada di build (missing)`);
console.log('');
if (failed || missing.length > 0) {
  console.error('Rute publik melebihi anggaran atau hilang (public route over budget or missing).');
  process.exit(1);
}
console.log(`Semua rute publik di bawah ${kb(BUDGET_BYTES)} kB gzip.`);
