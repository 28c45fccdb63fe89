import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSealProvider } from './local-seal.provider.js';
import { mountSigningRoutes, SIGNING_KEYS_PATH } from './signing-routes.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('GET /.well-known/sipadu-signing-keys.json', () => {
  it('publishes the public seal key as a cacheable JWKS', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sipadu-jwks-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const { provider } = await LocalSealProvider.load({
      algorithm: 'ES256',
      keyFile: path.join(dir, 'key.pem'),
      production: false,
    });
    const app = express();
    mountSigningRoutes(app, { provider });
    const server: Server = await new Promise((done) => {
      const s = app.listen(0, '127.0.0.1', () => done(s));
    });
    cleanup.push(() => new Promise((done) => server.close(done)));

    const response = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}${SIGNING_KEYS_PATH}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await response.json()) as { keys: Record<string, string>[] };
    expect(body.keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: provider.keyId,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
  });
});
