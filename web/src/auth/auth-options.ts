import 'server-only';
import type { AuthOptions } from 'next-auth';
import KeycloakProvider from 'next-auth/providers/keycloak';
import { environment, realmBackchannelUrl, sessionSecret } from '@/config/environment';
import { ensureFreshToken, userFieldsFrom } from './keycloak-token';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';

/** next-auth configuration, built on first use so `next build` runs without runtime settings. */
export function authOptions(): AuthOptions {
  const env = environment();
  // next-auth reads its public origin from the process environment.
  process.env.NEXTAUTH_URL ??= env.NEXTAUTH_URL;
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [
      KeycloakProvider({
        issuer: env.KEYCLOAK_ISSUER,
        // Discovery over the server's own route to Keycloak; tokens still name the public issuer.
        wellKnown: `${realmBackchannelUrl()}/.well-known/openid-configuration`,
        clientId: env.KEYCLOAK_CLIENT_ID,
        // Public client (authorization code + PKCE S256): no secret.
        clientSecret: '',
        client: { token_endpoint_auth_method: 'none' },
        checks: ['pkce', 'state'],
        authorization: { params: { scope: 'openid profile email' } },
      }),
    ],
    // Our own page forwards straight to Keycloak; next-auth's provider chooser is never shown.
    pages: { signIn: '/masuk', error: '/masuk' },
    callbacks: {
      async jwt({ token, account }) {
        if (account?.access_token) {
          const now = Math.floor(Date.now() / 1000);
          const refreshExpiresIn = Number(account.refresh_expires_in ?? 0);
          return {
            ...userFieldsFrom(account.access_token),
            accessToken: account.access_token,
            refreshToken: account.refresh_token,
            idToken: account.id_token,
            expiresAt: account.expires_at ?? now + 300,
            refreshExpiresAt: refreshExpiresIn ? now + refreshExpiresIn : 0,
          };
        }
        return ensureFreshToken(token);
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: {
            id: token.sub ?? '',
            name: token.name ?? token.username ?? '',
            username: token.username ?? '',
            organization: token.organization ?? null,
            roles: token.roles ?? [],
          },
          ...(token.error ? { error: token.error } : {}),
        };
      },
    },
  };
}
