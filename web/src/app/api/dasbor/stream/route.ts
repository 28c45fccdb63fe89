import type { NextRequest } from 'next/server';
import { proxyEventStream } from '../../gateway-proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Live signals of the leaders' dashboard: the gateway's /insights/stream passed through with the
 * user's access token. The page refetches the dashboard on each signal, so a reconnect needs no
 * cursor: the page refetches once when the stream opens again.
 */
export async function GET(request: NextRequest): Promise<Response> {
  return proxyEventStream(request, {
    path: '/insights/stream',
    unavailable: 'Pembaruan langsung dasbor sedang tidak tersedia. Silakan coba lagi nanti.',
  });
}
