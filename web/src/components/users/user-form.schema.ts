import { z } from 'zod';

type Translate = (key: string) => string;

/** Password rules of the realm's policy, checked before sending. */
const strongPassword = (t: Translate) =>
  z
    .string()
    .min(10, t('password'))
    .max(128, t('tooLong'))
    .regex(/[A-Z]/, t('password'))
    .regex(/[a-z]/, t('password'))
    .regex(/\d/, t('password'))
    .regex(/[^A-Za-z0-9]/, t('password'));

/** The same rules the identity service applies, so most mistakes are caught in the browser. */
export function createUserSchema(t: Translate) {
  return z.object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, t('username')),
    name: z.string().trim().min(3, t('name')).max(200, t('tooLong')),
    email: z.email(t('email')),
    nip: z
      .string()
      .trim()
      .regex(/^(\d{18})?$/, t('nip')),
    position: z.string().trim().max(200, t('tooLong')),
    phone: z
      .string()
      .trim()
      .regex(/^([0-9+()\-\s]{5,40})?$/, t('phone')),
    organizationCode: z.string().min(1, t('organization')),
    roles: z.array(z.string()).min(1, t('roles')),
    password: strongPassword(t),
    temporaryPassword: z.boolean(),
  });
}

export type CreateUserValues = z.infer<ReturnType<typeof createUserSchema>>;

export function rolesSchema(t: Translate) {
  return z.object({ roles: z.array(z.string()).min(1, t('roles')) });
}
