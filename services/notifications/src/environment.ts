import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4006),
  /** Outgoing mail: Mailpit on this machine, the Pemda's relay in production. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'harus URL smtp:// atau smtps://')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('SIPADU <no-reply@sipadu.local>'),
  /** Portal address used in e-mail links: `<PUBLIC_WEB_URL><notification link>`. */
  PUBLIC_WEB_URL: z.url().default('http://localhost:3000'),
  /** HTTP SMS gateway of the deployment; without it SMS are only recorded. */
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** Local hour (TZ_PEMDA) at which daily digests go out. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Local hour at which date-based reminders fire (a due date has no time of day). */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** "Due soon" reminders fire this many days before a due date. */
  REMINDER_DUE_SOON_DAYS: positiveInt(3),
  REMINDER_POLL_MS: positiveInt(30_000),
  DELIVERY_POLL_MS: positiveInt(5_000),
  DIGEST_POLL_MS: positiveInt(60_000),
  OUTBOX_SWEEP_MS: positiveInt(1_000),
  /**
   * Prefix of the durable JetStream consumer names. One deployment keeps the default; test stacks
   * sharing one NATS server set their own so they never take each other's events.
   */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('notifications'),
  /**
   * Where newly created consumers start: `all` processes every event the streams still hold (a
   * new deployment catches up), `new` only later ones (throwaway test stacks).
   */
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
  /** Events each consumer handles at once (in order per subject). */
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** An SSE stream is closed after this long (and at token expiry); the client reconnects. */
  SSE_MAX_CONNECTION_MS: positiveInt(15 * 60_000),
  SSE_HEARTBEAT_MS: positiveInt(20_000),
});

export type NotificationsEnvironment = z.infer<typeof schema>;

export function notificationsEnvironment(
  source: Record<string, string | undefined> = process.env,
): NotificationsEnvironment {
  const env = loadEnvironment(schema, source);
  if (env.SMS_GATEWAY_URL && !env.SMS_GATEWAY_TOKEN) {
    throw new Error('SMS_GATEWAY_URL memerlukan SMS_GATEWAY_TOKEN.');
  }
  return env;
}
