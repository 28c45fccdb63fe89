import 'server-only';
import { z } from 'zod';

const url = z.url().transform((value) => value.replace(/\/+$/, ''));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The gateway's GraphQL endpoint as this server reaches it. */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** Issuer as it appears in tokens; also where the browser is sent to sign in. */
  KEYCLOAK_ISSUER: url.default('http://localhost:8080/realms/sipadu'),
  /**
   * Keycloak base URL as this server reaches it (e.g. http://keycloak:8080 in a cluster) for
   * discovery and token refresh; unset: the issuer's own host.
   */
  KEYCLOAK_URL: url.optional(),
  KEYCLOAK_CLIENT_ID: z.string().min(1).default('sipadu-web'),
  /** Public origin of this portal (redirect and post-logout URIs registered in Keycloak). */
  NEXTAUTH_URL: url.default('http://localhost:3000'),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** The Pemda's time zone; every time on screen is shown in it. */
  TIME_ZONE: z
    .string()
    .default('Asia/Jakarta')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('id', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'zona waktu IANA tidak dikenal'),
});

export type WebEnvironment = z.infer<typeof environmentSchema>;

let cached: WebEnvironment | undefined;

/** The only place the portal reads `process.env`; parsed on first use so `next build` needs no secrets. */
export function environment(): WebEnvironment {
  if (cached) return cached;
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Konfigurasi web tidak valid: ${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/** The realm's base URL for server-to-Keycloak calls (discovery, token endpoint). */
export function realmBackchannelUrl(): string {
  const env = environment();
  if (!env.KEYCLOAK_URL) return env.KEYCLOAK_ISSUER;
  return `${env.KEYCLOAK_URL}${new URL(env.KEYCLOAK_ISSUER).pathname}`;
}

// Fixed development key; production must set NEXTAUTH_SECRET (`openssl rand -base64 32`).
const DEVELOPMENT_SECRET = 'sipadu-dev-only-secret-change-me-0123456789';

/** Key that encrypts the session cookie. */
export function sessionSecret(): string {
  const env = environment();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET wajib diisi di produksi (minimal 32 karakter).');
  }
  return DEVELOPMENT_SECRET;
}
