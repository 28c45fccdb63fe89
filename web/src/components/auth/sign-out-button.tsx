'use client';
import { Button } from '@mantine/core';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { markSigningOut } from './session-watcher';

/** Federated logout: clears the portal session, then ends the Keycloak session too. */
export function SignOutButton() {
  const t = useTranslations('common');
  const [busy, setBusy] = useState(false);
  async function signOutEverywhere() {
    setBusy(true);
    markSigningOut();
    let target = '/';
    try {
      // Asked first: the answer needs the id token, which signOut() deletes.
      const response = await fetch('/api/auth/federated-logout', { cache: 'no-store' });
      if (response.ok) target = ((await response.json()) as { url: string }).url;
    } catch {
      // Keycloak's session then simply times out; the portal session is still cleared below.
    }
    await signOut({ redirect: false });
    window.location.assign(target);
  }
  return (
    <Button variant="default" onClick={() => void signOutEverywhere()} loading={busy}>
      {t('signOut')}
    </Button>
  );
}
