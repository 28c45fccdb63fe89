import type { Role } from './roles';

/** What the browser may see of a session: no tokens. */
export interface SessionUser {
  /** Keycloak user id (`sub`). */
  id: string;
  name: string;
  username: string;
  /** Organization code (the `org` claim). */
  organization: string | null;
  roles: Role[];
}

declare module 'next-auth' {
  interface Session {
    user: SessionUser;
    error?: 'RefreshAccessTokenError';
  }
}

declare module 'next-auth/jwt' {
  /** The encrypted session cookie's content; never sent to browser JavaScript. */
  interface JWT {
    accessToken?: string;
    refreshToken?: string;
    idToken?: string;
    /** Access-token expiry, seconds since the epoch. */
    expiresAt?: number;
    /** Refresh-token expiry, seconds since the epoch (0: does not expire, offline token). */
    refreshExpiresAt?: number;
    username?: string;
    organization?: string | null;
    roles?: Role[];
    error?: 'RefreshAccessTokenError';
  }
}
