import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@sipadu/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { documentsEnvironment } from '../environment.js';
import { BsreProvider, SigningProviderError } from './bsre.provider.js';
import { createSignatureProvider } from './signature-provider.js';

// No BSrE exists here: these specs cover only what the adapter can know on its own — that it
// gives up in bounded time and says why in Indonesian when BSrE is unreachable or refuses.
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const payload = new TextEncoder().encode('{}');
const provider = (url: string, timeoutMs?: number) =>
  new BsreProvider({ url, clientId: 'sipadu', clientSecret: 'rahasia', timeoutMs });

describe('BSrE adapter', () => {
  it('reports an unreachable BSrE as unavailable', async () => {
    const url = await listen(() => undefined);
    await new Promise((done) => servers.pop()!.close(done));
    const error = await provider(url)
      .sign(payload)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningProviderError);
    expect(error).toMatchObject({
      code: 'SIGNING_PROVIDER_UNAVAILABLE',
      message: 'Layanan BSrE tidak dapat dihubungi. Coba lagi nanti.',
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SIGNING_PROVIDER_UNAVAILABLE' },
    });
  });

  it('gives up after its timeout', async () => {
    const url = await listen(() => undefined); // never answers
    await expect(provider(url, 200).verify(payload, 'AAAA', 'k')).rejects.toMatchObject({
      code: 'SIGNING_PROVIDER_UNAVAILABLE',
      message: expect.stringContaining('tidak menjawab'),
    });
  });

  it('reports refused credentials, and sends them as Basic client authentication', async () => {
    let authorization: string | undefined;
    const url = await listen((req, res) => {
      authorization = req.headers.authorization;
      res.writeHead(401).end();
    });
    await expect(provider(url).sign(payload)).rejects.toMatchObject({
      code: 'SIGNING_PROVIDER_REFUSED',
      message: expect.stringContaining('kredensial'),
    });
    expect(authorization).toBe(`Basic ${Buffer.from('sipadu:rahasia').toString('base64')}`);
  });

  it('treats an unreadable answer as a failure, not as a signature', async () => {
    const url = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await expect(provider(url).sign(payload)).rejects.toBeInstanceOf(SigningProviderError);
  });

  it('publishes no JWKS and is chosen only by SIGNATURE_PROVIDER=bsre', async () => {
    const env = documentsEnvironment({
      SIGNATURE_PROVIDER: 'bsre',
      BSRE_URL: 'http://127.0.0.1:9/',
      BSRE_CLIENT_ID: 'sipadu',
    });
    const bsre = await createSignatureProvider(env, createLogger('test', 'silent'));
    expect(bsre).toBeInstanceOf(BsreProvider);
    expect(bsre.name).toBe('bsre');
    expect(await bsre.publicJwks()).toEqual([]);
  });
});
