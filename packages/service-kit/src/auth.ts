import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Role } from './roles.js';
import { unauthenticated } from './errors.js';

/** Who is calling: a person signed in through Keycloak, or a partner system (client credentials). */
export interface Principal {
  kind: 'user' | 'client';
  /** Keycloak subject: the user id, or the service-account id of a client. */
  id: string;
  username: string;
  name: string | null;
  email: string | null;
  /** Organization code from the `org` claim; null for users not attached to an agency. */
  organizationCode: string | null;
  roles: readonly Role[];
  /** The client that obtained the token (`azp`). */
  clientId: string | null;
  /**
   * SIPADU OAuth scopes of the token (`sipadu:sipd`, `sipadu:pemberi-pinjaman`, `sipadu:statistik`,
   * `sipadu:internal`): what a partner system may read. Users' tokens carry none.
   */
  scopes: readonly string[];
  expiresAt: number;
}

/** Prefix of the OAuth scopes SIPADU grants partner systems (Keycloak client scopes). */
export const SCOPE_PREFIX = 'sipadu:';

/** The partner scopes of the realm (`keycloak/`), checked by `AccessRule.clientScopes`. */
export const PARTNER_SCOPES = [
  /** SIPD Kemendagri: planning codes, loan projects with their codes and realisation. */
  'sipadu:sipd',
  /** A lender's system: only the projects it finances (token `org`) and their documents' status. */
  'sipadu:pemberi-pinjaman',
  /** Statistics (IKM, complaints, service times, performance assessment), e.g. a province. */
  'sipadu:statistik',
  /** The platform's own services reading records behind statistics (insights' drill-down). */
  'sipadu:internal',
] as const;

export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/**
 * Accounts whose tokens stop being accepted before they expire: tokens are verified offline, so
 * a deactivated account would otherwise keep working until its token's `exp` (SECURITY.md §2.4).
 */
export interface TokenRevocations {
  /** True when a token of `subject` issued at `issuedAt` (seconds since the epoch) is refused. */
  isRevoked(subject: string, issuedAt: number): boolean;
}

/** What a deactivated account's still-unexpired token gets back (subgraphs and gateway). */
export const DEACTIVATED_ACCOUNT_MESSAGE =
  'Akun Anda telah dinonaktifkan. Hubungi admin OPD Anda bila ini keliru.';

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** Deactivated accounts (followed from identity's events); none checked when absent. */
  revocations?: TokenRevocations;
}

/** Asymmetric algorithms only: `none` and HMAC tokens are refused whatever their content. */
const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

interface KeycloakClaims extends JWTPayload {
  preferred_username?: string;
  name?: string;
  email?: string;
  org?: string;
  azp?: string;
  client_id?: string;
  scope?: string;
  realm_access?: { roles?: string[] };
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * Verifies Keycloak access tokens with the realm's JWKS (fetched once, cached and refreshed by
 * jose when an unknown key id appears, so key rotation needs no restart).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: 5_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 5_000,
  });
  return async (token) => {
    let payload: KeycloakClaims;
    try {
      ({ payload } = await jwtVerify<KeycloakClaims>(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      }));
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw unauthenticated(
        expired
          ? 'Sesi Anda telah berakhir. Silakan masuk kembali.'
          : 'Token akses tidak valid. Silakan masuk kembali.',
      );
    }
    // `sub` and `iat` are required claims above.
    if (options.revocations?.isRevoked(payload.sub ?? '', payload.iat ?? 0))
      throw unauthenticated(DEACTIVATED_ACCOUNT_MESSAGE);
    return principalFromClaims(payload);
  };
}

function principalFromClaims(claims: KeycloakClaims): Principal {
  const username = claims.preferred_username ?? claims.sub ?? '';
  const isClient = Boolean(claims.client_id) || username.startsWith('service-account-');
  return {
    kind: isClient ? 'client' : 'user',
    id: claims.sub ?? '',
    username,
    name: claims.name ?? null,
    email: claims.email ?? null,
    organizationCode: claims.org ?? null,
    roles: (claims.realm_access?.roles ?? []).filter(isRole),
    clientId: claims.azp ?? claims.client_id ?? null,
    scopes: (claims.scope ?? '').split(' ').filter((scope) => scope.startsWith(SCOPE_PREFIX)),
    expiresAt: claims.exp ?? 0,
  };
}

/** Bearer token from an Authorization header; a malformed header is an error, absence is not. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('Header Authorization harus berbentuk "Bearer <token>".');
  return match[1];
}

/** The actor recorded on events and audit entries for a caller. */
export function actorOf(principal: Principal | null): {
  type: 'user' | 'client' | 'system';
  id: string | null;
  org: string | null;
} {
  if (!principal) return { type: 'system', id: null, org: null };
  return {
    type: principal.kind,
    id: principal.kind === 'client' ? (principal.clientId ?? principal.id) : principal.id,
    org: principal.organizationCode,
  };
}
