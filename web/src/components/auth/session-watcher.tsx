'use client';
import { signIn, useSession } from 'next-auth/react';
import { useEffect } from 'react';

let signingOut = false;

/** Called by the sign-out button so the watcher does not sign the user straight back in. */
export function markSigningOut(): void {
  signingOut = true;
}

/**
 * When Keycloak refuses to refresh the session (expired, revoked, signed out elsewhere) the
 * user is sent through a clean sign-in instead of seeing failing pages.
 */
export function SessionWatcher() {
  const { data, status } = useSession();
  const expired = status === 'unauthenticated' || data?.error === 'RefreshAccessTokenError';
  useEffect(() => {
    if (expired && !signingOut) void signIn('keycloak', { callbackUrl: window.location.href });
  }, [expired]);
  return null;
}
