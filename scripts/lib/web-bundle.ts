// First-load JavaScript per App Router route, from the manifests of a Turbopack `next build`:
// the framework's root chunks (build-manifest.json rootMainFiles) plus every entry chunk of the
// route's segments (page, layouts, templates) from its client reference manifest — the same set
// Next's own route-bundle statistics use — each chunk gzipped and counted once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface RouteChunks {
  /** URL pattern, e.g. `/direktori/[code]`. */
  route: string;
  /** Chunk paths relative to the build directory (`.next`). */
  chunks: string[];
}

export interface RouteWeight {
  route: string;
  gzipBytes: number;
  chunks: number;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** `/(publik)/direktori/[code]/page` → `/direktori/[code]`: groups and parallel slots vanish. */
export function routeOfAppPath(appPath: string): string {
  const segments = appPath
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith('@'))
    .filter((segment) => !(segment.startsWith('(') && segment.endsWith(')')));
  if (segments.at(-1) === 'page') segments.pop();
  return `/${segments.join('/')}`;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Evaluates a `*_client-reference-manifest.js` (it assigns to globalThis.__RSC_MANIFEST). */
function readClientReferenceManifest(
  file: string,
  appPath: string,
): ClientReferenceManifest | undefined {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file, timeout: 5_000 });
  return sandbox.__RSC_MANIFEST?.[appPath];
}

/** The first-load chunks of every App Router page in a build directory. */
export function appRouteChunks(distDir: string): RouteChunks[] {
  const buildManifest = readJson<{ rootMainFiles?: string[] }>(
    path.join(distDir, 'build-manifest.json'),
  );
  const appPaths = readJson<Record<string, string>>(
    path.join(distDir, 'server', 'app-paths-manifest.json'),
  );
  const shared = (buildManifest.rootMainFiles ?? []).filter((file) => file.endsWith('.js'));
  const routes = new Map<string, Set<string>>();
  for (const appPath of Object.keys(appPaths)
    .filter((key) => key.endsWith('/page'))
    .sort()) {
    const manifestFile = path.join(
      distDir,
      'server',
      'app',
      `${appPath}_client-reference-manifest.js`,
    );
    const manifest = readClientReferenceManifest(manifestFile, appPath);
    if (!manifest?.entryJSFiles) {
      throw new Error(
        `${path.relative(process.cwd(), manifestFile)} tidak memuat entryJSFiles: ukur build ` +
          'Turbopack (bawaan `next build`), bukan webpack (no entryJSFiles: not a Turbopack build)',
      );
    }
    const own = Object.values(manifest.entryJSFiles)
      .flat()
      .filter((file) => file.endsWith('.js'));
    // Parallel slots of one URL load together: their chunks join the same route.
    const route = routeOfAppPath(appPath);
    const chunks = routes.get(route) ?? new Set(shared);
    for (const file of own) chunks.add(file);
    routes.set(route, chunks);
  }
  return [...routes].map(([route, chunks]) => ({ route, chunks: [...chunks] }));
}

/** Gzip size (zlib, level 9 as a CDN would serve it) of each route's chunks, each counted once. */
export function measureRoutes(distDir: string, routes: RouteChunks[]): RouteWeight[] {
  const cache = new Map<string, number>();
  const gzipSize = (chunk: string): number => {
    let size = cache.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, chunk)), { level: 9 }).length;
      cache.set(chunk, size);
    }
    return size;
  };
  return routes.map(({ route, chunks }) => ({
    route,
    chunks: chunks.length,
    gzipBytes: chunks.reduce((sum, chunk) => sum + gzipSize(chunk), 0),
  }));
}
