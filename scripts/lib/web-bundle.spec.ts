// The first-load computation of bench:web on a small build directory laid out like Turbopack's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { appRouteChunks, measureRoutes, routeOfAppPath } from './web-bundle.js';

const dist = mkdtempSync(path.join(tmpdir(), 'sipadu-web-bundle-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(dist, relative)), { recursive: true });
  writeFileSync(path.join(dist, relative), content);
}

function clientManifest(appPath: string, entryJSFiles: Record<string, string[]>): string {
  return (
    'globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n' +
    `globalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify({
      moduleLoading: { prefix: '/_next/' },
      clientModules: {},
      entryJSFiles,
    })};`
  );
}

// Distinct, poorly compressible contents so every chunk has its own gzip size.
const chunk = (seed: number, length: number) =>
  Array.from({ length }, (_, i) => ((i * 7919 + seed * 104729) % 65_521).toString(36)).join(',');
const chunks: Record<string, string> = {
  'static/chunks/runtime.js': chunk(1, 4_000),
  'static/chunks/framework.js': chunk(2, 9_000),
  'static/chunks/layout.js': chunk(3, 3_000),
  'static/chunks/landing.js': chunk(4, 500),
  'static/chunks/directory.js': chunk(5, 1_500),
};
for (const [file, content] of Object.entries(chunks)) write(file, content);
write('static/chunks/layout.css', 'body{margin:0}');
write('static/chunks/polyfills.js', chunk(6, 8_000));
write(
  'build-manifest.json',
  JSON.stringify({
    polyfillFiles: ['static/chunks/polyfills.js'],
    rootMainFiles: ['static/chunks/runtime.js', 'static/chunks/framework.js'],
  }),
);
write(
  'server/app-paths-manifest.json',
  JSON.stringify({
    '/page': 'app/page.js',
    '/(publik)/direktori/[code]/page': 'app/(publik)/direktori/[code]/page.js',
    '/api/graphql/route': 'app/api/graphql/route.js',
  }),
);
write(
  'server/app/page_client-reference-manifest.js',
  clientManifest('/page', {
    '[project]/web/src/app/layout': ['static/chunks/layout.js', 'static/chunks/layout.css'],
    '[project]/web/src/app/page': ['static/chunks/landing.js'],
  }),
);
write(
  'server/app/(publik)/direktori/[code]/page_client-reference-manifest.js',
  clientManifest('/(publik)/direktori/[code]/page', {
    '[project]/web/src/app/layout': ['static/chunks/layout.js'],
    '[project]/web/src/app/(publik)/direktori/[code]/page': [
      'static/chunks/directory.js',
      'static/chunks/runtime.js',
    ],
  }),
);

const gz = (file: string) => gzipSync(chunks[file] ?? '', { level: 9 }).length;

describe('first-load JavaScript of web routes', () => {
  it('maps app paths to URL patterns without groups, slots or the page suffix', () => {
    expect(routeOfAppPath('/page')).toBe('/');
    expect(routeOfAppPath('/(publik)/direktori/[code]/page')).toBe('/direktori/[code]');
    expect(routeOfAppPath('/(internal)/@modal/admin/pengguna/page')).toBe('/admin/pengguna');
  });

  it('counts root chunks and every segment chunk once, JavaScript only, pages only', () => {
    const routes = appRouteChunks(dist);
    expect(routes.map((route) => route.route).sort()).toEqual(['/', '/direktori/[code]']);
    const weights = measureRoutes(dist, routes);
    const landing = weights.find((w) => w.route === '/');
    const detail = weights.find((w) => w.route === '/direktori/[code]');
    const root = gz('static/chunks/runtime.js') + gz('static/chunks/framework.js');
    expect(landing).toEqual({
      route: '/',
      chunks: 4,
      gzipBytes: root + gz('static/chunks/layout.js') + gz('static/chunks/landing.js'),
    });
    expect(detail).toEqual({
      route: '/direktori/[code]',
      chunks: 4,
      gzipBytes: root + gz('static/chunks/layout.js') + gz('static/chunks/directory.js'),
    });
  });

  it('refuses a build whose manifests lack entry chunks instead of reporting zero', () => {
    write(
      'server/app/page_client-reference-manifest.js',
      clientManifest('/page', {}).replace(',"entryJSFiles":{}', ''),
    );
    expect(() => appRouteChunks(dist)).toThrow(/entryJSFiles/);
  });
});
