'use client';
import { cacheExchange, createClient, fetchExchange, ssrExchange, UrqlProvider } from '@urql/next';
import { useMemo, type ReactNode } from 'react';

/**
 * urql for client components. The client and its SSR exchange are created per request (per
 * mounted provider), never at module scope, so no user's data can leak into another's render.
 * Requests go to the same-origin BFF, which adds the user's token on the server.
 */
export function GraphQLProvider({ children }: { children: ReactNode }) {
  const [client, ssr] = useMemo(() => {
    const ssr = ssrExchange({ isClient: typeof window !== 'undefined' });
    const client = createClient({
      url: '/api/graphql',
      exchanges: [cacheExchange, ssr, fetchExchange],
      fetchOptions: { credentials: 'same-origin' },
      // The BFF route accepts POST with a JSON body only.
      preferGetMethod: false,
      suspense: true,
    });
    return [client, ssr] as const;
  }, []);
  return (
    <UrqlProvider client={client} ssr={ssr}>
      {children}
    </UrqlProvider>
  );
}
