'use client';
import { signIn } from 'next-auth/react';
import { useCallback, useEffect, useRef, useState } from 'react';

interface Props {
  callbackUrl: string;
  /** Keycloak or next-auth reported a failure: ask before trying again, so nothing loops. */
  failed: boolean;
  texts: { redirecting: string; failed: string; retry: string };
}

export function SignInRedirect({ callbackUrl, failed, texts }: Props) {
  const started = useRef(false);
  const [pending, setPending] = useState(!failed);
  const start = useCallback(() => {
    setPending(true);
    void signIn('keycloak', { callbackUrl });
  }, [callbackUrl]);

  useEffect(() => {
    if (failed || started.current) return;
    started.current = true;
    start();
  }, [failed, start]);

  if (pending) {
    return (
      <p role="status" aria-live="polite">
        {texts.redirecting}
      </p>
    );
  }
  return (
    <>
      <p role="alert">{texts.failed}</p>
      <button type="button" onClick={start}>
        {texts.retry}
      </button>
    </>
  );
}
