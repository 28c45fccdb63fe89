import type { AddressInfo } from 'node:net';
import { createLogger, unauthenticated, type Principal, type Role } from '@sipadu/service-kit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderDashboard } from '../generated/graphql.js';
import { DashboardHub } from '../live/dashboard-hub.js';
import type { DashboardService } from '../services/dashboard.service.js';
import { dashboardRoutes } from './dashboard.routes.js';

const logger = createLogger('insights-test', 'silent');

const principal = (role: Role): Principal => ({
  kind: 'user',
  id: `u-${role}`,
  username: role,
  name: role,
  email: null,
  organizationCode: 'SETDA',
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: Math.floor(Date.now() / 1000) + 300,
});

const dashboardData: LeaderDashboard = {
  period: { key: '2026-Q3', label: 'Triwulan III 2026', from: '2026-07-01', to: '2026-09-30' },
  generatedAt: '2026-07-20T03:00:00.000Z',
  portfolio: {
    projects: 0,
    totalAmount: 0,
    disbursedAmount: 0,
    behindPlan: 0,
    byStage: [],
    behindPlanProjects: [],
  },
  ranking: [],
  map: [],
  complaintTrend: [],
  overdueByOrganization: [],
  alerts: [],
  activity: [],
  unavailable: [],
};

let server: ReturnType<express.Express['listen']>;
let base: string;
const hub = new DashboardHub({ logger, debounceMs: 10 });
const periods: (string | null)[] = [];

beforeAll(async () => {
  const app = express();
  const dashboard = {
    pemdaName: 'Pemerintah Kota Jambi',
    timeZone: 'Asia/Jakarta',
    get: async (period: string | null) => {
      periods.push(period);
      return dashboardData;
    },
  } as unknown as DashboardService;
  dashboardRoutes(app, {
    dashboard,
    hub,
    logger,
    // The token names the role; anything else is invalid.
    verifyToken: async (token) => {
      if (token === 'invalid') throw unauthenticated();
      return principal(token as Role);
    },
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  hub.close();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, token?: string) =>
  fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('dashboard routes', () => {
  it('refuse callers without a valid token or a leader’s role, in Indonesian', async () => {
    for (const path of ['/insights/stream', '/insights/brief.pdf']) {
      for (const [token, status, code] of [
        [undefined, 401, 'UNAUTHENTICATED'],
        ['invalid', 401, 'UNAUTHENTICATED'],
        ['admin-opd', 403, 'FORBIDDEN'],
      ] as const) {
        const response = await get(path, token);
        expect(response.status, `${path} ${token}`).toBe(status);
        const body = (await response.json()) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors[0]?.extensions.code).toBe(code);
        expect(body.errors[0]?.message).toMatch(/Silakan masuk|tidak berwenang/);
      }
    }
  });

  it('stream refresh signals to pimpinan without buffering', async () => {
    const response = await get('/insights/stream', 'pimpinan');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain('retry: 3000');
    expect(hub.connections).toBe(1);
    hub.signal('documents.requirement.approved');
    while (!text.includes('event: dashboard')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(/"reason":"documents.requirement.approved"/);
    await reader.cancel();
    await expect.poll(() => hub.connections).toBe(0);
  });

  it('print the brief of the asked period as a PDF', async () => {
    const response = await get('/insights/brief.pdf?period=2026-Q3', 'super-admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ringkasan-pimpinan-2026-q3.pdf"',
    );
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(periods).toEqual(['2026-Q3']);
  });
});
