import { PDF_CONTENT_TYPE } from '@sipadu/reports';
import { bearerToken, type Logger, type Principal, type TokenVerifier } from '@sipadu/service-kit';
import type { Express, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { access } from '../access.js';
import type { DashboardHub } from '../live/dashboard-hub.js';
import { briefFilename, briefPdf } from '../services/brief-report.js';
import type { DashboardService } from '../services/dashboard.service.js';

export interface DashboardRoutesOptions {
  dashboard: DashboardService;
  hub: DashboardHub;
  verifyToken: TokenVerifier;
  logger: Logger;
}

const HTTP_STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Answers a typed error (GraphQL extensions.code) with its HTTP status; false for other errors. */
function refuseTyped(res: Response, error: unknown): boolean {
  const code = (error as GraphQLError).extensions?.code;
  const status = typeof code === 'string' ? HTTP_STATUS[code] : undefined;
  if (!status) return false;
  refuse(res, status, code as string, (error as Error).message);
  return true;
}

/** The caller of a request with a bearer token; null without one or with an invalid one. */
async function authenticate(req: Request, verify: TokenVerifier): Promise<Principal | null> {
  try {
    const token = bearerToken(req.header('authorization'));
    return token ? await verify(token) : null;
  } catch {
    return null;
  }
}

/**
 * `GET /insights/stream`: server-sent "refresh" signals for open leaders' dashboards (the page
 * reads the dashboard again on each). `GET /insights/brief.pdf?period=`: the one-page brief.
 * Both for pimpinan and super-admin (access rules `Route.dashboardStream`, `Route.dashboardBrief`).
 */
export function dashboardRoutes(app: Express, options: DashboardRoutesOptions): void {
  const { dashboard, hub, verifyToken, logger } = options;

  app.get('/insights/stream', async (req, res) => {
    const principal = await authenticate(req, verifyToken);
    try {
      access.require(principal, 'Route.dashboardStream');
    } catch (error) {
      if (refuseTyped(res, error)) return;
      throw error;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    if (!hub.attach(res)) {
      // Full: the browser's EventSource retries after the delay given here.
      res.end('retry: 30000\n\n');
      return;
    }
    res.write('retry: 3000\n\n');
    // Never stream past the token's life: the client comes back with a fresh one.
    const lifetime = Math.max(1_000, principal!.expiresAt * 1000 - Date.now());
    const expiry = setTimeout(() => res.end(), lifetime);
    const close = () => {
      clearTimeout(expiry);
      hub.detach(res);
    };
    req.on('close', close);
    res.on('close', close);
  });

  app.get('/insights/brief.pdf', async (req, res) => {
    const principal = await authenticate(req, verifyToken);
    const period = typeof req.query.period === 'string' ? req.query.period : null;
    try {
      access.require(principal, 'Route.dashboardBrief');
      const data = await dashboard.get(period, principal);
      const pdf = await briefPdf(data, dashboard.pemdaName, dashboard.timeZone);
      res
        .status(200)
        .set({
          'content-type': PDF_CONTENT_TYPE,
          'content-length': String(pdf.length),
          'content-disposition': `attachment; filename="${briefFilename(data)}"`,
          'cache-control': 'no-store',
        })
        .end(pdf);
    } catch (error) {
      if (refuseTyped(res, error)) return;
      logger.error({ err: error }, 'ringkasan pimpinan gagal disusun');
      refuse(
        res,
        500,
        'INTERNAL_SERVER_ERROR',
        'Ringkasan pimpinan tidak dapat disusun. Silakan coba lagi.',
      );
    }
  });
}
