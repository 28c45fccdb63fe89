import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProducedSignature, SignatureProvider } from './signature-provider.js';

export type LocalSealAlgorithm = 'ES256' | 'EdDSA';

export interface LocalSealOptions {
  algorithm: LocalSealAlgorithm;
  /** PKCS#8 PEM; `\n` escapes (as env files often carry them) are accepted. */
  privateKeyPem?: string | undefined;
  /** Outside production: where a generated key is kept so signatures survive restarts. */
  keyFile: string;
  production: boolean;
}

/** Where the key came from, for the start-up log. */
export type KeySource = 'environment' | 'file' | 'generated';

const expectedKey: Record<LocalSealAlgorithm, { type: string; curve?: string; label: string }> = {
  ES256: { type: 'ec', curve: 'prime256v1', label: 'EC P-256' },
  EdDSA: { type: 'ed25519', label: 'Ed25519' },
};

/** The service's own electronic seal: ECDSA P-256 (signature as r‖s, as JWS) or Ed25519. */
export class LocalSealProvider implements SignatureProvider {
  readonly name = 'local' as const;

  private constructor(
    readonly algorithm: LocalSealAlgorithm,
    readonly keyId: string,
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
  ) {}

  static async load(
    options: LocalSealOptions,
  ): Promise<{ provider: LocalSealProvider; source: KeySource }> {
    let pem: string;
    let source: KeySource;
    let origin: string;
    if (options.privateKeyPem?.trim()) {
      pem = options.privateKeyPem.replace(/\\n/g, '\n');
      source = 'environment';
      origin = 'SIGNING_PRIVATE_KEY';
    } else if (options.production) {
      throw new Error('SIGNING_PRIVATE_KEY wajib diisi di produksi (kunci segel elektronik).');
    } else {
      ({ pem, source } = await readOrGenerate(options.keyFile, options.algorithm));
      origin = `berkas kunci ${options.keyFile}`;
    }
    const privateKey = parsePrivateKey(pem, origin);
    assertKeyType(privateKey, options.algorithm, origin);
    const publicKey = createPublicKey(privateKey);
    const provider = new LocalSealProvider(
      options.algorithm,
      jwkThumbprint(publicKey.export({ format: 'jwk' })),
      privateKey,
      publicKey,
    );
    return { provider, source };
  }

  async sign(payload: Uint8Array): Promise<ProducedSignature> {
    const bytes =
      this.algorithm === 'ES256'
        ? sign('sha256', payload, { key: this.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign(null, payload, this.privateKey);
    return { signature: bytes.toString('base64url'), algorithm: this.algorithm, keyId: this.keyId };
  }

  async verify(payload: Uint8Array, signature: string, keyId: string): Promise<boolean> {
    // Only the current key is known; a rotated-out key would need its public half kept here.
    if (keyId !== this.keyId || !/^[A-Za-z0-9_-]+$/.test(signature)) return false;
    const bytes = Buffer.from(signature, 'base64url');
    try {
      return this.algorithm === 'ES256'
        ? verify('sha256', payload, { key: this.publicKey, dsaEncoding: 'ieee-p1363' }, bytes)
        : verify(null, payload, this.publicKey, bytes);
    } catch {
      // A signature of the wrong length is simply not a valid signature.
      return false;
    }
  }

  async publicJwks(): Promise<JsonWebKey[]> {
    return [
      {
        ...this.publicKey.export({ format: 'jwk' }),
        kid: this.keyId,
        alg: this.algorithm,
        use: 'sig',
      },
    ];
  }
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) over the required public members, in order. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  let members: Record<string, unknown>;
  if (jwk.kty === 'EC') members = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  else if (jwk.kty === 'OKP') members = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  else throw new Error(`Jenis kunci ${String(jwk.kty)} tidak didukung untuk thumbprint JWK.`);
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

async function readOrGenerate(
  file: string,
  algorithm: LocalSealAlgorithm,
): Promise<{ pem: string; source: KeySource }> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return { pem: existing, source: 'file' };

  const { privateKey } =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: when two processes start together, the first key written wins and both use it.
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { pem: await readFile(file, 'utf8'), source: 'file' };
  }
  return { pem, source: 'generated' };
}

function parsePrivateKey(pem: string, origin: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`${origin} bukan kunci privat PEM (PKCS#8) yang dapat dibaca.`);
  }
}

function assertKeyType(key: KeyObject, algorithm: LocalSealAlgorithm, origin: string): void {
  const expected = expectedKey[algorithm];
  const matches =
    key.asymmetricKeyType === expected.type &&
    (!expected.curve || key.asymmetricKeyDetails?.namedCurve === expected.curve);
  if (!matches) {
    const actual = [key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve]
      .filter(Boolean)
      .join(' ');
    throw new Error(
      `${origin} berisi kunci ${actual || 'tidak dikenal'}, padahal SIGNING_ALGORITHM=${algorithm} ` +
        `memerlukan kunci ${expected.label}. Samakan algoritme dengan kuncinya.`,
    );
  }
}
