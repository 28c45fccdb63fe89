import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
  /**
   * Prefix of the durable JetStream consumers (`<prefix>-identity`, `<prefix>-responses`); keep it
   * stable in a deployment. Tests give each stack its own, since JetStream is shared.
   */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('surveys'),
  /** Where a newly created consumer starts: every event the stream holds, or only new ones. */
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
  /**
   * Survey submissions one client address may make in `SURVEY_RATE_WINDOW_S` (all services), and
   * for one service. Generous on purpose: a whole office or a mobile carrier can share an address.
   */
  SURVEY_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  SURVEY_RATE_LIMIT_PER_SERVICE: z.coerce.number().int().positive().default(20),
  SURVEY_RATE_WINDOW_S: z.coerce.number().int().positive().default(600),
});

export type SurveysEnvironment = z.infer<typeof schema>;

export function surveysEnvironment(
  source: Record<string, string | undefined> = process.env,
): SurveysEnvironment {
  return loadEnvironment(schema, source);
}
