import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@sipadu/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsEnvironment } from '../environment.js';
import {
  jwkThumbprint,
  LocalSealProvider,
  type LocalSealAlgorithm,
} from './local-seal.provider.js';
import { createSignatureProvider } from './signature-provider.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sipadu-seal-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const payload = new TextEncoder().encode('{"v":1,"code":"ABCD-EFGH-JKMN"}');
const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
  key.export({ format: 'pem', type: 'pkcs8' }).toString();

describe.each<LocalSealAlgorithm>(['ES256', 'EdDSA'])('local seal %s', (algorithm) => {
  const load = (keyFile: string) =>
    LocalSealProvider.load({ algorithm, keyFile, production: false });

  it('signs and verifies; a changed payload, signature or key id does not verify', async () => {
    const { provider, source } = await load(path.join(dir, algorithm, 'a', 'key.pem'));
    expect(source).toBe('generated');
    const produced = await provider.sign(payload);
    expect(produced).toMatchObject({ algorithm, keyId: provider.keyId });
    expect(produced.signature).toMatch(/^[A-Za-z0-9_-]+$/);
    // ES256 as JWS: r‖s (64 bytes), not DER; Ed25519 is always 64 bytes.
    expect(Buffer.from(produced.signature, 'base64url')).toHaveLength(64);

    expect(await provider.verify(payload, produced.signature, provider.keyId)).toBe(true);
    const changed = Uint8Array.from(payload);
    changed[5] = changed[5]! ^ 1;
    expect(await provider.verify(changed, produced.signature, provider.keyId)).toBe(false);
    const flipped = Buffer.from(produced.signature, 'base64url');
    flipped[10] = flipped[10]! ^ 1;
    expect(await provider.verify(payload, flipped.toString('base64url'), provider.keyId)).toBe(
      false,
    );
    expect(await provider.verify(payload, 'AAAA', provider.keyId)).toBe(false);
    expect(await provider.verify(payload, 'not base64url!', provider.keyId)).toBe(false);
    expect(await provider.verify(payload, produced.signature, 'another-key')).toBe(false);
  });

  it('publishes only the public key, identified by its RFC 7638 thumbprint', async () => {
    const { provider } = await load(path.join(dir, algorithm, 'b', 'key.pem'));
    const [jwk, ...rest] = await provider.publicJwks();
    expect(rest).toEqual([]);
    expect(jwk).toMatchObject({ kid: provider.keyId, alg: algorithm, use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    expect(jwkThumbprint(jwk!)).toBe(provider.keyId);
    // Anyone can check a seal with the published key alone.
    const { signature } = await provider.sign(payload);
    const publicKey = createPublicKey({ key: jwk!, format: 'jwk' });
    const bytes = Buffer.from(signature, 'base64url');
    expect(
      algorithm === 'ES256'
        ? verify('sha256', payload, { key: publicKey, dsaEncoding: 'ieee-p1363' }, bytes)
        : verify(null, payload, publicKey, bytes),
    ).toBe(true);
  });

  it('keeps a generated key in SIGNING_KEY_FILE (0600) so seals survive a restart', async () => {
    const keyFile = path.join(dir, algorithm, 'restart', 'nested', 'key.pem');
    const first = await load(keyFile);
    const { signature } = await first.provider.sign(payload);
    const second = await load(keyFile);
    expect(second.source).toBe('file');
    expect(second.provider.keyId).toBe(first.provider.keyId);
    expect(await second.provider.verify(payload, signature, first.provider.keyId)).toBe(true);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });

  it('refuses a key of the other type with a clear message', async () => {
    const other =
      algorithm === 'ES256'
        ? generateKeyPairSync('ed25519').privateKey
        : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await expect(
      LocalSealProvider.load({
        algorithm,
        privateKeyPem: pem(other),
        keyFile: '',
        production: true,
      }),
    ).rejects.toThrow(
      new RegExp(`SIGNING_PRIVATE_KEY berisi kunci .*SIGNING_ALGORITHM=${algorithm}`),
    );
    const keyFile = path.join(dir, algorithm, 'wrong', 'key.pem');
    await load(path.join(dir, algorithm, 'wrong', 'key.pem'));
    await writeFile(keyFile, pem(other));
    await expect(load(keyFile)).rejects.toThrow(/berkas kunci .* berisi kunci/);
  });
});

describe('local seal keys', () => {
  it('signs with SIGNING_PRIVATE_KEY, also when its newlines arrive escaped', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const escaped = pem(privateKey).replace(/\n/g, '\\n');
    const { provider, source } = await LocalSealProvider.load({
      algorithm: 'ES256',
      privateKeyPem: escaped,
      keyFile: path.join(dir, 'unused.pem'),
      production: true,
    });
    expect(source).toBe('environment');
    expect(provider.keyId).toBe(
      jwkThumbprint(createPublicKey(privateKey).export({ format: 'jwk' })),
    );
  });

  it('matches the Ed25519 known answers of RFC 8037 (signature and thumbprint)', async () => {
    const key = createPrivateKey({
      format: 'jwk',
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
        x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      },
    });
    const { provider } = await LocalSealProvider.load({
      algorithm: 'EdDSA',
      privateKeyPem: pem(key),
      keyFile: '',
      production: true,
    });
    expect(provider.keyId).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    const input = new TextEncoder().encode(
      'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
    );
    expect((await provider.sign(input)).signature).toBe(
      'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
    );
  });

  it('refuses a P-384 key for ES256, an unreadable key, and a missing key in production', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    await expect(
      LocalSealProvider.load({
        algorithm: 'ES256',
        privateKeyPem: pem(p384),
        keyFile: '',
        production: true,
      }),
    ).rejects.toThrow(/ec secp384r1.*EC P-256/);
    await expect(
      LocalSealProvider.load({
        algorithm: 'ES256',
        privateKeyPem: 'bukan kunci',
        keyFile: '',
        production: true,
      }),
    ).rejects.toThrow('SIGNING_PRIVATE_KEY bukan kunci privat PEM (PKCS#8) yang dapat dibaca.');
    await expect(
      LocalSealProvider.load({
        algorithm: 'ES256',
        keyFile: path.join(dir, 'x.pem'),
        production: true,
      }),
    ).rejects.toThrow(/wajib diisi di produksi/);
  });

  it('is what createSignatureProvider builds by default', async () => {
    const env = documentsEnvironment({
      SIGNING_ALGORITHM: 'EdDSA',
      SIGNING_KEY_FILE: path.join(dir, 'factory', 'key.pem'),
    });
    const provider = await createSignatureProvider(env, createLogger('test', 'silent'));
    expect(provider).toBeInstanceOf(LocalSealProvider);
    expect(provider).toMatchObject({ name: 'local', algorithm: 'EdDSA' });
  });
});
