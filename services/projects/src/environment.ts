import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  /** Organization managing the projects a super-admin creates (a bpkad user's own otherwise). */
  MANAGER_ORGANIZATION_CODE: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/)
    .default('BPKAD'),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
  /**
   * Prefix of the durable JetStream consumers (`<prefix>-identity`, `<prefix>-documents`); keep it
   * stable in a deployment. Tests give each stack its own, since JetStream is shared.
   */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('projects'),
  /**
   * Where a newly created consumer starts: `all` processes every event the stream still holds (a
   * new deployment catches up), `new` only later ones (throwaway test stacks).
   */
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
});

export type ProjectsEnvironment = z.infer<typeof schema>;

export function projectsEnvironment(
  source: Record<string, string | undefined> = process.env,
): ProjectsEnvironment {
  return loadEnvironment(schema, source);
}
