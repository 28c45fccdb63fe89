import { NextResponse, type NextRequest } from 'next/server';
import { decodeSession, joinSessionCookie } from '@/auth/session-cookie';
import { environment } from '@/config/environment';

/**
 * Where to send the browser so the Keycloak session ends too (RP-initiated logout with
 * `id_token_hint`); the client clears next-auth's cookie first, then navigates there.
 */
export async function GET(request: NextRequest) {
  const env = environment();
  const token = await decodeSession(joinSessionCookie(request.cookies.getAll()));
  const url = new URL(`${env.KEYCLOAK_ISSUER}/protocol/openid-connect/logout`);
  url.searchParams.set('post_logout_redirect_uri', `${env.NEXTAUTH_URL}/`);
  url.searchParams.set('client_id', env.KEYCLOAK_CLIENT_ID);
  if (token?.idToken) url.searchParams.set('id_token_hint', token.idToken);
  return NextResponse.json({ url: url.toString() }, { headers: { 'cache-control': 'no-store' } });
}
