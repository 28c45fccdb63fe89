import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const flowPoints = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return {};
    try {
      return z
        .partialRecord(
          z.enum(['CONSULTATION', 'WORK_ITEM', 'ICT_COMPLAINT', 'PUBLIC_COMPLAINT']),
          z.number().int().min(0).max(1000),
        )
        .parse(JSON.parse(value));
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'POINT_RULES harus JSON, mis. {"CONSULTATION":10,"WORK_ITEM":8}',
      });
      return z.NEVER;
    }
  });

/** Development default of TRACKING_SECRET; refused in production. */
const DEVELOPMENT_TRACKING_SECRET = 'sipadu-pengembangan-kode-lacak-ganti-di-produksi';

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
  /** Durable JetStream consumer prefix (`<prefix>-identity`, `<prefix>-surveys`); tests give their own. */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('consultations'),
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
  /** Points an officer earns per completed case, per flow (overrides the flows' defaults). */
  POINT_RULES: flowPoints,
  /** How often the service-time sweeper looks for overdue steps and due system transitions. */
  SLA_SWEEP_MS: z.coerce.number().int().positive().default(60_000),
  /** How often the recap scheduler checks whether the first working day's recaps are due. */
  RECAP_CHECK_MS: z.coerce.number().int().positive().default(3_600_000),
  /** Public complaints one client address may file per `COMPLAINT_RATE_WINDOW_S`. */
  COMPLAINT_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  COMPLAINT_RATE_WINDOW_S: z.coerce.number().int().positive().default(3_600),
  /** Tracking-code lookups (and replies/ratings) per client address per window (guessing guard). */
  TRACKING_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  /**
   * Key of the HMAC that derives a complaint's tracking code from its filing, so a resent form gets
   * the same code while the database keeps only the code's hash. Same value in every replica; set
   * a random secret (≥ 32 characters) per deployment.
   */
  TRACKING_SECRET: z.string().min(32).default(DEVELOPMENT_TRACKING_SECRET),
});

export type ConsultationsEnvironment = z.infer<typeof schema>;

export function consultationsEnvironment(
  source: Record<string, string | undefined> = process.env,
): ConsultationsEnvironment {
  const env = loadEnvironment(schema, source);
  if (env.NODE_ENV === 'production' && env.TRACKING_SECRET === DEVELOPMENT_TRACKING_SECRET) {
    throw new Error('TRACKING_SECRET wajib diisi di produksi (rahasia kode pelacakan pengaduan).');
  }
  return env;
}
