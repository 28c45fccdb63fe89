import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyObject } from 'jose';

/** Base64url without padding, for hand-made JWT parts. */
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The RSA signing key an issuer publishes at `jwksUrl`, as a key-confusion attacker would use it
 * for an HS256 secret: PEM, and bare base64 DER (what Keycloak's realm endpoint shows).
 */
export async function publicSigningKeys(jwksUrl: string): Promise<[pem: string, der: string]> {
  const { keys } = (await (await fetch(jwksUrl)).json()) as {
    keys: (JsonWebKey & { use?: string })[];
  };
  const signing = keys.find((key) => key.use === 'sig' && key.kty === 'RSA');
  if (!signing) throw new Error(`no RSA signing key at ${jwksUrl}`);
  const key = createPublicKey({ key: signing, format: 'jwk' });
  return [
    key.export({ type: 'spki', format: 'pem' }).toString(),
    key.export({ type: 'spki', format: 'der' }).toString('base64'),
  ];
}

/** A token with `alg: none` and no signature, carrying the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

/** An HS256 token: the classic confusion attack signs with a public key used as HMAC secret. */
export async function hmacToken(
  claims: Record<string, unknown>,
  secret: string | Uint8Array,
): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

/** Changes the payload of a signed token while keeping its signature (which no longer matches). */
export function tamperedToken(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  return `${header}.${b64({ ...claims, ...change })}.${signature}`;
}

export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * A real RS256 issuer on loopback: it publishes its JWKS over HTTP like Keycloak does, so a
 * verifier can be tested against expiry, audience and issuer without waiting for real tokens to age.
 */
export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  sign(
    claims: Record<string, unknown>,
    options?: { expiresIn?: string | number; kid?: string },
  ): Promise<string>;
  /** Replaces the signing key (key rotation); the JWKS then lists only the new key. */
  rotate(): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let current: { privateKey: KeyObject; jwk: JWK; kid: string };
  let generation = 0;
  const newKey = async () => {
    generation += 1;
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `test-key-${generation}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    current = { privateKey: privateKey as KeyObject, jwk, kid };
  };
  await newKey();
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [current.jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/realms/test`;
  return {
    issuer,
    jwksUrl: `${base}/certs`,
    async sign(claims, options = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? current.kid, typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(current.privateKey);
    },
    rotate: newKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
