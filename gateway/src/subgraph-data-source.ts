import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import type { GatewayTracing } from './tracing.js';

export const DOWNSTREAM_SERVICE_ERROR = 'DOWNSTREAM_SERVICE_ERROR';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetcher {
  fetch: Fetcher;
  /** Closes the pooled connections (shutdown). */
  destroy(): void;
}

/** The answer of a subgraph, fully read: a lean stand-in for a WHATWG Response. */
class SubgraphResponse implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;
  private headerMap?: Headers;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get headers(): Headers {
    if (!this.headerMap) {
      this.headerMap = new Headers();
      for (const [name, value] of Object.entries(this.rawHeaders)) {
        if (Array.isArray(value)) value.forEach((v) => this.headerMap?.append(name, v));
        else if (value !== undefined) this.headerMap.set(name, value);
      }
    }
    return this.headerMap;
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return new Uint8Array(this.body).buffer;
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.rawHeaders, this.body);
  }
}

function timeoutError(ms: number): Error {
  const error = new Error(`subgraph did not answer within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

/**
 * A fetcher for subgraph calls on node:http with keep-alive pools (no TCP set-up per call,
 * Nagle off so small GraphQL requests are not held back by delayed ACKs) and a hard deadline of
 * `timeoutMs` per call covering connection, headers and body.
 */
export function createSubgraphFetcher(timeoutMs: number): SubgraphFetcher {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256, noDelay: true }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256, noDelay: true }),
  };
  const fetch: Fetcher = (url: string, init: FetcherRequestInit = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const request = (secure ? https : http).request(target, {
        method: init.method ?? 'POST',
        headers: {
          ...init.headers,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
        agent: secure ? agents['https:'] : agents['http:'],
      });
      // One cleared timer per call: cheaper than an AbortSignal.timeout that lives on.
      const timer = setTimeout(() => request.destroy(timeoutError(timeoutMs)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          resolve(
            new SubgraphResponse(
              url,
              response.statusCode ?? 502,
              response.statusMessage ?? '',
              response.headers,
              Buffer.concat(chunks),
            ),
          );
        });
      });
      request.end(body);
    });
  return {
    fetch,
    destroy() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** Header carrying the caller's address to the subgraphs (set only by the gateway). */
export const CLIENT_ADDRESS_HEADER = 'x-sipadu-client';

/**
 * Subgraph calls from the gateway: forwards the verified `Authorization` header, the request id
 * and the W3C trace context; turns transport failures (refused connection, timeout) into a typed
 * `DOWNSTREAM_SERVICE_ERROR` so the rest of the plan still answers with partial data.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: Fetcher,
    private readonly tracing: GatewayTracing,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.requestId) return;
    headers.set('x-request-id', context.requestId);
    if (context.caller) headers.set('authorization', context.caller.authorization);
    if (context.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    for (const [name, value] of Object.entries(this.tracing.headersFor(context.traceContext))) {
      headers.set(name, value);
    }
  }

  override didEncounterError(error: Error): void {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    // A 401/403 HTTP answer from the subgraph keeps its meaning; the response body (which names
    // internal URLs) is not passed on.
    if (code === 'UNAUTHENTICATED') {
      throw new GraphQLError('Silakan masuk terlebih dahulu.', { extensions: { code } });
    }
    if (code === 'FORBIDDEN') {
      throw new GraphQLError('Anda tidak berwenang melakukan tindakan ini.', {
        extensions: { code },
      });
    }
    const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
    const unreachable = !(error instanceof GraphQLError) && !timedOut;
    const message = timedOut
      ? `Layanan ${this.serviceName} tidak menjawab tepat waktu.`
      : unreachable &&
          /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|socket hang up/.test(
            `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`,
          )
        ? `Layanan ${this.serviceName} sedang tidak dapat dihubungi.`
        : `Layanan ${this.serviceName} sedang bermasalah.`;
    throw new GraphQLError(message, {
      extensions: { code: DOWNSTREAM_SERVICE_ERROR, serviceName: this.serviceName },
      originalError: error,
    });
  }
}
