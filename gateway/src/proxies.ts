import http from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { CLIENT_ADDRESS_HEADER } from './subgraph-data-source.js';

export interface ServiceProxy {
  handler: RequestHandler;
  /** Closes pooled upstream connections (shutdown). */
  destroy(): void;
}

interface ProxyOptions {
  /** Path prefix served, kept as is upstream (`/files/abc` → `<target>/files/abc`). */
  prefix: string;
  target: string;
  service: string;
  /** Server-sent events: tell intermediaries not to buffer. */
  streaming?: boolean;
  /** Methods passed on (all when absent); others get 405 without reaching the service. */
  methods?: readonly string[];
  onError?: (error: Error, service: string) => void;
}

function isServerResponse(res: ServerResponse | Socket): res is ServerResponse {
  return typeof (res as ServerResponse).writeHead === 'function';
}

/**
 * Streams a path prefix to another service. Mounted at the root, before any body parser, so
 * request bodies (tus uploads) flow through unbuffered; no timeout is set because uploads over a
 * slow link and SSE streams legitimately last long. The upstream sees the gateway's Host plus
 * X-Forwarded-* headers, so tus builds upload URLs that point back at the gateway, and the
 * caller's address in `x-sipadu-client` (as subgraph calls do).
 */
export function createServiceProxy(options: ProxyOptions): ServiceProxy {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, noDelay: true });
  const matches = (path: string) =>
    path === options.prefix || path.startsWith(`${options.prefix}/`);
  const handler = createProxyMiddleware({
    target: options.target,
    pathFilter: (path) => matches(path),
    xfwd: true,
    changeOrigin: false,
    agent,
    on: {
      proxyReq: (proxyReq, req) => {
        // The caller's address as the gateway saw it (`trust proxy` applied), for the services'
        // per-client limits; a client's own header never gets through.
        const address = (req as { ip?: string }).ip;
        if (address) proxyReq.setHeader(CLIENT_ADDRESS_HEADER, address);
        else proxyReq.removeHeader(CLIENT_ADDRESS_HEADER);
      },
      proxyRes: (proxyRes) => {
        // The gateway's CORS allow-list is the only one browsers see.
        for (const name of Object.keys(proxyRes.headers)) {
          if (name.startsWith('access-control-')) delete proxyRes.headers[name];
        }
        if (options.streaming) proxyRes.headers['x-accel-buffering'] = 'no';
      },
      error: (error, _req, res) => {
        options.onError?.(error, options.service);
        if (!isServerResponse(res)) {
          res.destroy();
          return;
        }
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            errors: [
              {
                message: `Layanan ${options.service} sedang tidak dapat dihubungi.`,
                extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: options.service },
              },
            ],
          }),
        );
      },
    },
  });
  const proxy = handler as unknown as RequestHandler;
  const methods = options.methods;
  return {
    handler: methods
      ? (req, res, next) => {
          if (matches(req.path) && !methods.includes(req.method)) {
            res
              .status(405)
              .set('Allow', methods.join(', '))
              .json({
                errors: [
                  {
                    message: `Metode ${req.method} tidak didukung di alamat ini.`,
                    extensions: { code: 'BAD_REQUEST' },
                  },
                ],
              });
            return;
          }
          void proxy(req, res, next);
        }
      : proxy,
    destroy: () => agent.destroy(),
  };
}
