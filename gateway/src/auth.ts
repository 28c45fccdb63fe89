import type { RequestHandler, Response } from 'express';
import { decodeProtectedHeader } from 'jose';
import {
  DEACTIVATED_ACCOUNT_MESSAGE,
  SCOPE_PREFIX,
  type TokenRevocations,
} from '@sipadu/service-kit';
import Keycloak from 'keycloak-connect';
import type { PartnerIdentity, VerifiedCaller } from './context.js';

export interface TokenVerifierOptions {
  /** Keycloak base URL used to fetch the realm's keys (may be cluster-internal). */
  keycloakUrl: string;
  realm: string;
  /** Issuer as it appears in tokens (the URL the browser sees). */
  issuer: string;
  /** Required token audience (`sipadu-api`). */
  audience: string;
  /** Deactivated accounts (followed from identity's events); none checked when absent. */
  revocations?: TokenRevocations;
}

/** Verifies a raw access token; rejects with a reason (for logs) when it is not acceptable. */
export type TokenVerifier = (token: string) => Promise<VerifiedCaller>;

interface AccessTokenContent {
  sub?: string;
  iat?: number;
  azp?: string;
  client_id?: string;
  preferred_username?: string;
  org?: string;
  scope?: string;
}

/**
 * The partner behind a client-credentials token (Keycloak names its service account
 * `service-account-<client>` and adds `client_id`), null for a person's token. Same rule as
 * service-kit's Principal.kind.
 */
function partnerOf(content: AccessTokenContent): PartnerIdentity | null {
  const clientId = content.azp ?? content.client_id;
  const serviceAccount =
    Boolean(content.client_id) || (content.preferred_username ?? '').startsWith('service-account-');
  if (!serviceAccount || !clientId) return null;
  return {
    clientId,
    organizationCode: content.org ?? null,
    scopes: (content.scope ?? '').split(' ').filter((scope) => scope.startsWith(SCOPE_PREFIX)),
  };
}

/** keycloak-connect fetches the realm keys without a timeout: a hung Keycloak must not hang requests. */
const KEY_LOOKUP_TIMEOUT_MS = 5_000;

function withinKeyLookup<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error('invalid token (key lookup timed out)')),
      KEY_LOOKUP_TIMEOUT_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Offline bearer-token verification with keycloak-connect (bearer-only, audience checked): the
 * signature is checked against the realm's JWKS, plus expiry, `typ: Bearer`, issuer and audience.
 * keycloak-connect derives both the issuer and the key URL from `auth-server-url`; we point that
 * at the internal Keycloak URL (keys) and set the expected issuer to the public one.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keycloakConfig = {
    realm: options.realm,
    'auth-server-url': options.keycloakUrl,
    resource: options.audience,
    'bearer-only': true,
    'verify-token-audience': true,
    'ssl-required': 'external',
    'confidential-port': 0,
    // A token signed with a key the gateway has not fetched yet (Keycloak key rotation) refetches
    // the JWKS at most this often (seconds). The default 10 s refused new tokens for up to 10 s
    // after a rotation; 5 s matches the subgraphs' jose cooldown (service-kit auth.ts).
    'min-time-between-jwks-requests': 5,
  };
  const keycloak = new Keycloak({}, keycloakConfig);
  // Only the issuer comparison uses grantManager.realmUrl; key fetching keeps the internal URL.
  (keycloak.grantManager as unknown as { realmUrl: string }).realmUrl = options.issuer;

  return async (token) => {
    // keycloak-connect ignores the header's `alg` and always checks RSA-SHA256, so `none`/HS256
    // tokens already fail; refusing them here, before any key lookup, keeps them off the
    // JWKS-refresh path (which logs and throttles on unknown key ids).
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new Error('invalid token (malformed header)');
    }
    if (header.alg !== 'RS256')
      throw new Error(`invalid token (algorithm ${header.alg} not allowed)`);
    if (typeof header.kid !== 'string') throw new Error('invalid token (no key id)');
    const grant = await withinKeyLookup(
      keycloak.grantManager.createGrant(JSON.stringify({ access_token: token })),
    );
    const content = (grant.access_token as unknown as { content: AccessTokenContent }).content;
    const subject = content.sub ?? content.azp;
    if (!subject) throw new Error('invalid token (no subject)');
    if (options.revocations?.isRevoked(subject, content.iat ?? 0))
      throw new DeactivatedAccountError();
    const partner = partnerOf(content);
    return {
      subject,
      clientId: content.azp ?? null,
      authorization: `Bearer ${token}`,
      ...(partner ? { partner } : {}),
    };
  };
}

/** A valid token of an account deactivated after it was issued; the client is told so. */
class DeactivatedAccountError extends Error {
  constructor() {
    super('invalid token (account deactivated after issue)');
  }
}

export const invalidTokenMessage =
  'Token akses tidak valid atau sudah kedaluwarsa. Silakan masuk kembali.';

/** The GraphQL-shaped refusal sent before any execution when a presented token is not valid. */
export function sendUnauthenticated(res: Response, message = invalidTokenMessage): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="sipadu", error="invalid_token"')
    .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * No `Authorization` header: the request continues anonymously (`res.locals.caller = null`) and
 * may reach public operations only. A header that is not a valid bearer token is refused with
 * 401 UNAUTHENTICATED, never downgraded to anonymous.
 */
export function authenticate(
  verify: TokenVerifier,
  onRejected?: (reason: string) => void,
): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      res.locals.caller = null;
      next();
      return;
    }
    const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header);
    if (!match?.[1]) {
      onRejected?.('malformed Authorization header');
      sendUnauthenticated(res);
      return;
    }
    verify(match[1]).then(
      (caller) => {
        res.locals.caller = caller;
        next();
      },
      (error: unknown) => {
        onRejected?.(error instanceof Error ? error.message : String(error));
        sendUnauthenticated(
          res,
          error instanceof DeactivatedAccountError ? DEACTIVATED_ACCOUNT_MESSAGE : undefined,
        );
      },
    );
  };
}

/**
 * After `authenticate`: refuses anonymous requests to routes that only exist per person (the
 * `/events` notification stream), so they never reach the upstream service.
 */
export function requireCaller(): RequestHandler {
  return (_req, res, next) => {
    if (res.locals.caller) {
      next();
      return;
    }
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="sipadu"')
      .json({
        errors: [
          { message: 'Silakan masuk terlebih dahulu.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
  };
}
