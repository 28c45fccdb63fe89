import 'server-only';
import { cacheExchange, createClient, fetchExchange, type Client } from '@urql/core';
import { registerUrql } from '@urql/next/rsc';
import { readAccessToken } from '@/auth/session';
import { environment } from '@/config/environment';

function makeClient(withUser: boolean): Client {
  return createClient({
    url: environment().GATEWAY_URL,
    exchanges: [cacheExchange, fetchExchange],
    // POST with a JSON body: the gateway's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    // The token is attached here, on the server; it never reaches the browser.
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      if (withUser) {
        const token = await readAccessToken();
        if (token) headers.set('authorization', `Bearer ${token}`);
      }
      return fetch(input, { ...init, headers, cache: 'no-store' });
    },
  });
}

/** Per-request client for server components acting as the signed-in user. */
export const { getClient } = registerUrql(() => makeClient(true));

/** Per-request client for public pages: anonymous, so it works whatever the cookie holds. */
export const { getClient: getPublicClient } = registerUrql(() => makeClient(false));
