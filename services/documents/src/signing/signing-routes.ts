import type express from 'express';
import type { SignatureProvider } from './signature-provider.js';

export const SIGNING_KEYS_PATH = '/.well-known/sipadu-signing-keys.json';

/** Publishes the seal's public keys (JWKS) so anyone can check a signature without asking us. */
export function mountSigningRoutes(
  app: express.Express,
  deps: { provider: SignatureProvider },
): void {
  app.get(SIGNING_KEYS_PATH, async (_req, res) => {
    const keys = await deps.provider.publicJwks();
    res
      .set('Cache-Control', 'public, max-age=3600')
      .set('Access-Control-Allow-Origin', '*')
      .json({ keys });
  });
}
