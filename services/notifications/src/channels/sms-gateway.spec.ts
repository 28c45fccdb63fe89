import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@sipadu/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSmsGateway,
  HttpSmsGateway,
  normalizeIndonesianPhone,
  RecordingSmsGateway,
  SMS_MAX_LENGTH,
  SmsGatewayError,
  smsText,
} from './sms-gateway.js';

const logger = createLogger('sms-spec', 'silent');

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-789', '+628123456789'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 345.678.90', '+6281234567890'],
    ['0812345678901', '+62812345678901'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    '',
    '021345678',
    '0212345678901',
    '+6221345678',
    '0812345',
    '081234567890123',
    '+6581234567',
    '0812abc45678',
    '62-0812345678',
  ])('rejects %j', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });
});

describe('smsText', () => {
  const inbox = 'https://sipadu.example.go.id/notifikasi';

  it('sends title and link as they are when they fit', () => {
    expect(smsText('Pesan baru', 'https://sipadu.example.go.id/x', inbox)).toBe(
      'SIPADU: Pesan baru https://sipadu.example.go.id/x',
    );
  });

  it('shortens a long title to one segment and keeps the link whole', () => {
    const url = 'https://sipadu.example.go.id/dokumen/subjek/LoanProject/7f3c2b9e';
    const text = smsText('Permintaan revisi '.repeat(20), url, inbox);
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(text.endsWith(` ${url}`)).toBe(true);
    expect(text).toContain('... ');
    expect(text).not.toContain('…');
  });

  it('falls back to the inbox when the link leaves no room for the title', () => {
    const url = `https://sipadu.example.go.id/${'a'.repeat(120)}`;
    const text = smsText('Dokumen disetujui', url, inbox);
    expect(text).toBe(`SIPADU: Dokumen disetujui ${inbox}`);
  });
});

describe('RecordingSmsGateway', () => {
  it('sends nothing and says so', async () => {
    const gateway = createSmsGateway({}, logger);
    expect(gateway).toBeInstanceOf(RecordingSmsGateway);
    expect(gateway.delivering).toBe(false);
    expect(gateway.description).toBe(
      'SMS belum tersambung ke gerbang SMS; pesan hanya dicatat di server.',
    );
    await expect(gateway.send('+6281234567890', 'halo')).resolves.toEqual({
      provider: 'recording',
      reference: null,
    });
  });
});

describe('HttpSmsGateway', () => {
  let server: Server | undefined;
  const received: Array<{ headers: IncomingMessage['headers']; body: unknown }> = [];

  async function gatewayAnswering(
    answer: (res: ServerResponse) => void,
    timeoutMs?: number,
  ): Promise<HttpSmsGateway> {
    received.length = 0;
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(raw) as unknown });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const gateway = createSmsGateway(
      { url: `http://127.0.0.1:${port}/sms`, token: 'rahasia', timeoutMs },
      logger,
    );
    expect(gateway).toBeInstanceOf(HttpSmsGateway);
    return gateway as HttpSmsGateway;
  }

  afterEach(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
  });

  it('posts {to, text} with the bearer token and keeps the reference', async () => {
    const gateway = await gatewayAnswering((res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'msg-42' }));
    });
    expect(gateway.delivering).toBe(true);
    await expect(gateway.send('+6281234567890', 'SIPADU: halo')).resolves.toEqual({
      provider: 'sms-http',
      reference: 'msg-42',
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe('Bearer rahasia');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.body).toEqual({ to: '+6281234567890', text: 'SIPADU: halo' });
  });

  it('accepts a 2xx without a JSON body', async () => {
    const gateway = await gatewayAnswering((res) => res.writeHead(204).end());
    await expect(gateway.send('+6281234567890', 'x')).resolves.toEqual({
      provider: 'sms-http',
      reference: null,
    });
  });

  it('turns a non-2xx answer into an error carrying the status', async () => {
    const gateway = await gatewayAnswering((res) => res.writeHead(503).end('sibuk'));
    const error = await gateway.send('+6281234567890', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsGatewayError);
    expect((error as SmsGatewayError).status).toBe(503);
    expect((error as SmsGatewayError).message).toBe('Gerbang SMS menolak pesan (HTTP 503).');
  });

  it('gives up on a gateway that does not answer in time', async () => {
    const gateway = await gatewayAnswering(() => undefined, 200);
    const error = await gateway.send('+6281234567890', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsGatewayError);
    expect((error as SmsGatewayError).status).toBeNull();
  });

  it('refuses a gateway URL without a token', () => {
    expect(() => createSmsGateway({ url: 'http://127.0.0.1:1/sms' }, logger)).toThrow(
      'SMS_GATEWAY_URL memerlukan SMS_GATEWAY_TOKEN.',
    );
  });
});
