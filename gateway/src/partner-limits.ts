import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { PartnerIdentity, VerifiedCaller } from './context.js';

const partnerOf = (res: Response): PartnerIdentity | undefined =>
  (res.locals.caller as VerifiedCaller | null | undefined)?.partner;

/**
 * GraphQL requests per minute per partner system (client id), on top of the shared per-caller
 * limit: a partner's batch job must not crowd out the portal. Counted per gateway replica.
 * Mount on /graphql after authentication and body parsing; `onLimited` runs for every refusal
 * (the partner audit records it).
 */
export function partnerRateLimit(
  perMinute: number,
  onLimited: (partner: PartnerIdentity, req: Request, res: Response) => void,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'mitra',
    skip: (_req, res) => !partnerOf(res),
    keyGenerator: (_req, res) => `partner:${partnerOf(res)?.clientId ?? ''}`,
    handler: (req, res) => {
      const partner = partnerOf(res);
      if (partner) onLimited(partner, req, res);
      res.status(429).json({
        errors: [
          {
            message: `Batas permintaan sistem mitra terlampaui (maksimal ${perMinute} permintaan per menit). Silakan coba lagi dalam beberapa saat.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    },
  });
}
