import type { NextRequest } from 'next/server';
import { normalizePeriodKey } from '@/components/survey-admin/survey-period';
import { proxyGatewayFile } from '../../gateway-proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The leaders' one-page brief (PDF) of a period, made by the insights service: the gateway's
 * /insights/brief.pdf with the user's access token. Without a readable `periode` the service's
 * current period is printed.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const period = normalizePeriodKey(request.nextUrl.searchParams.get('periode'));
  const query = period ? `?period=${encodeURIComponent(period)}` : '';
  return proxyGatewayFile(request, {
    path: `/insights/brief.pdf${query}`,
    accept: 'application/pdf',
    unavailable: 'Ringkasan dasbor sedang tidak dapat dibuat. Silakan coba lagi nanti.',
  });
}
