// The SIPADU API as the demo users meet it: password-grant tokens from the dev realm (client
// `sipadu-test`), GraphQL through the gateway, tus uploads to the gateway's /files.
import { tusUpload } from '@sipadu/test-kit';

export const DEMO_PASSWORD = 'Sipadu!2026';
const REALM = 'sipadu';
const CLIENT_ID = 'sipadu-test';

/** A GraphQL error answer, with each error's `extensions.code`. */
export class DemoApiError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: { message: string; extensions?: { code?: string } }[],
  ) {
    super(
      `${operation}: ${errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join('; ')}`,
    );
    this.name = 'DemoApiError';
  }

  get codes(): (string | undefined)[] {
    return this.errors.map((error) => error.extensions?.code);
  }
}

export interface DemoApiOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** Keycloak base URL, e.g. http://localhost:8080. */
  keycloakUrl: string;
}

export class DemoApi {
  readonly gatewayOrigin: string;
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly options: DemoApiOptions) {
    this.gatewayOrigin = new URL(options.gatewayUrl).origin;
  }

  /** A fresh enough access token of a dev user (username = role name). */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached && cached.expiresAt - Date.now() > 30_000) return cached.token;
    const base = this.options.keycloakUrl.replace(/\/$/, '');
    const response = await fetch(`${base}/realms/${REALM}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: CLIENT_ID,
        username,
        password: DEMO_PASSWORD,
        scope: 'openid',
      }),
    });
    if (!response.ok) {
      throw new Error(`login ${username} gagal: HTTP ${response.status} ${await response.text()}`);
    }
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.tokens.set(username, {
      token: body.access_token,
      expiresAt: Date.now() + body.expires_in * 1000,
    });
    return body.access_token;
  }

  /** Runs one operation as `username`; throws DemoApiError when the answer carries errors. */
  async gql<T>(
    username: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await fetch(this.options.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.token(username)}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    // The first field of the operation names it in error messages.
    const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'graphql';
    let body: { data?: T | null; errors?: DemoApiError['errors'] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new Error(`${operation}: HTTP ${response.status} tanpa JSON`);
    }
    if (body.errors?.length) throw new DemoApiError(operation, body.errors);
    if (!body.data) throw new Error(`${operation}: HTTP ${response.status} tanpa data`);
    return body.data;
  }

  /** A tus upload as `username`; returns the stored file id. */
  async upload(
    username: string,
    bytes: Uint8Array,
    filename: string,
    purpose: 'document' | 'photo' | 'video' = 'document',
  ): Promise<string> {
    const result = await tusUpload({
      origin: this.gatewayOrigin,
      token: await this.token(username),
      bytes,
      filename,
      purpose,
    });
    if (result.status !== 204 || !result.fileId) {
      throw new Error(`unggah ${filename} gagal: HTTP ${result.status} ${result.message ?? ''}`);
    }
    return result.fileId;
  }
}

/**
 * Polls `probe` until it returns a truthy value (events travel between services through NATS, so
 * what one service did shows in another a moment later). Errors of the probe count as "not yet"
 * while time remains; the last one is reported on timeout.
 */
export async function waitFor<T>(
  label: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`menunggu ${label} melewati ${timeoutMs / 1000} detik${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
