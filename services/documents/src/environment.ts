import os from 'node:os';
import path from 'node:path';
import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /** tus disk store: partial uploads live here until they finish or expire. */
  UPLOAD_DIR: z
    .string()
    .min(1)
    .default(path.join(os.tmpdir(), 'sipadu-documents', 'uploads')),
  /** Where finished files go: MongoDB GridFS, or a directory (FILE_STORAGE_DIR). */
  STORAGE_DRIVER: z.enum(['gridfs', 'filesystem']).default('gridfs'),
  FILE_STORAGE_DIR: z
    .string()
    .min(1)
    .default(path.join(os.tmpdir(), 'sipadu-documents', 'files')),
  /** An upload nobody touched for this long is abandoned: its partial bytes are deleted. */
  UPLOAD_EXPIRY_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 60),
  UPLOAD_CLEANUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /**
   * Overrides of the upload purposes as JSON, e.g.
   * `{"photo":{"maxBytes":10485760}}`; unknown purposes are added, see uploads/purposes.ts.
   */
  UPLOAD_PURPOSES: z.string().optional(),
  /**
   * Uploads without signing in (complaint evidence) one client address may start per window;
   * the address is the one the gateway saw (`x-sipadu-client`).
   */
  ANONYMOUS_UPLOAD_LIMIT: z.coerce.number().int().positive().default(20),
  ANONYMOUS_UPLOAD_WINDOW_S: z.coerce.number().int().positive().default(3600),
  /**
   * clamd (ClamAV) that scans every finished upload over TCP (INSTREAM); unset: only the built-in
   * check of known signatures (EICAR) runs. Once set, an unreachable clamd refuses uploads
   * (fail-closed). Its StreamMaxLength must cover the largest upload purpose.
   */
  CLAMAV_HOST: z.string().min(1).optional(),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Seal algorithm of the local signer. */
  SIGNING_ALGORITHM: z.enum(['ES256', 'EdDSA']).default('ES256'),
  /** PKCS#8 PEM private key of the seal; required in production, generated in development. */
  SIGNING_PRIVATE_KEY: z.string().optional(),
  /** Development only: where the generated seal key is kept so signatures survive restarts. */
  SIGNING_KEY_FILE: z
    .string()
    .default(path.join(os.tmpdir(), 'sipadu-documents', 'signing-key.pem')),
  /** `local` seals with the key above; `bsre` signs through BSrE (BSSN) — see signing/bsre. */
  SIGNATURE_PROVIDER: z.enum(['local', 'bsre']).default('local'),
  BSRE_URL: z.url().optional(),
  BSRE_CLIENT_ID: z.string().optional(),
  BSRE_CLIENT_SECRET: z.string().optional(),
  /** Public portal address printed in QR codes: `<PUBLIC_WEB_URL>/verifikasi/<code>`. */
  PUBLIC_WEB_URL: z.url().default('http://localhost:3000'),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
  /**
   * Prefix of the durable JetStream consumers (`<prefix>-notifications`,
   * `<prefix>-consultations-cases`, `<prefix>-consultations-recaps`); keep it stable in a
   * deployment. Tests give each stack its own, since JetStream is shared.
   */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('documents'),
  /**
   * Where a newly created consumer starts: `all` processes every event the stream still holds (a
   * new deployment catches up), `new` only later ones (throwaway test stacks).
   */
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
});

export type DocumentsEnvironment = z.infer<typeof schema>;

export function documentsEnvironment(
  source: Record<string, string | undefined> = process.env,
): DocumentsEnvironment {
  const env = loadEnvironment(schema, source);
  if (
    env.NODE_ENV === 'production' &&
    env.SIGNATURE_PROVIDER === 'local' &&
    !env.SIGNING_PRIVATE_KEY
  ) {
    throw new Error('SIGNING_PRIVATE_KEY wajib diisi di produksi (kunci segel elektronik).');
  }
  if (env.SIGNATURE_PROVIDER === 'bsre' && (!env.BSRE_URL || !env.BSRE_CLIENT_ID)) {
    throw new Error('SIGNATURE_PROVIDER=bsre memerlukan BSRE_URL dan BSRE_CLIENT_ID.');
  }
  return env;
}
