import { NextResponse, type NextRequest } from 'next/server';
import { freshSession, writeSessionCookies } from '@/auth/session-refresh';
import { dataUpstreamUrl, isDataFileName } from '@/components/open-data/data-links';
import { environment } from '@/config/environment';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '@/documents/file-proxy';

type Params = Promise<{ file: string }>;

function refusal(status: number, message: string) {
  return NextResponse.json(
    { errors: [{ message }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * Open data downloads (CSV, JSON, the DCAT catalog) from the gateway's /open-data, streamed. With
 * a session the user's token goes along, so internal data sets the user may read download too;
 * without one the request goes on anonymously and only open data sets answer.
 */
async function forward(request: NextRequest, { params }: { params: Params }): Promise<Response> {
  const { file } = await params;
  if (!isDataFileName(file)) return refusal(404, 'Berkas data tidak ditemukan.');
  const session = await freshSession(request.cookies.getAll());
  const headers = forwardedRequestHeaders(request.headers);
  if (session.token) headers.set('authorization', `Bearer ${session.token.accessToken}`);

  let upstream: Response;
  try {
    const period = request.nextUrl.searchParams.get('period');
    upstream = await fetch(dataUpstreamUrl(environment().GATEWAY_URL, file, period), {
      method: request.method,
      headers,
      redirect: 'manual',
      cache: 'no-store',
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`gateway /open-data tidak dapat dihubungi: ${(error as Error).message}`);
    return refusal(502, 'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.');
  }
  const bodyless = request.method === 'HEAD' || [204, 304].includes(upstream.status);
  const response = new NextResponse(bodyless ? null : upstream.body, {
    status: upstream.status,
    headers: forwardedResponseHeaders(upstream.headers),
  });
  writeSessionCookies(response, session);
  return response;
}

export const GET = forward;
export const HEAD = forward;
