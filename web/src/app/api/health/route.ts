// Liveness/readiness for containers: answers from this process alone, so a slow gateway or Keycloak
// does not take the portal's pods out of service.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' });
}
