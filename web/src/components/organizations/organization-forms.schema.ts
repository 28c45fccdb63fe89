import { z } from 'zod';
import { ORGANIZATION_KINDS } from '@/components/directory/organization-kinds';

type Translate = (key: string) => string;

const optional = (max: number, t: Translate) => z.string().trim().max(max, t('tooLong'));

/** Mirrors the identity service's rules for a new organization. */
export function createOrganizationSchema(t: Translate) {
  return z.object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, t('code')),
    name: z.string().trim().min(3, t('name')).max(200, t('tooLong')),
    kind: z.enum(ORGANIZATION_KINDS as [string, ...string[]], t('required')),
    parentCode: z.string().nullable(),
  });
}

export type CreateOrganizationValues = z.infer<ReturnType<typeof createOrganizationSchema>>;

/** Mirrors the identity service's rules for the service-provider profile. */
export function organizationProfileSchema(t: Translate) {
  const coordinate = (limit: number) =>
    z
      .string()
      .trim()
      .refine((v) => !v || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= limit), {
        message: t('coordinates'),
      });
  return z
    .object({
      address: optional(500, t),
      phone: optional(40, t).regex(/^([0-9+()\-\s]{5,40})?$/, t('phone')),
      email: optional(200, t).refine((v) => !v || z.email().safeParse(v).success, t('email')),
      website: optional(300, t).regex(/^(https?:\/\/\S+)?$/, t('url')),
      headName: optional(200, t),
      headPosition: optional(200, t),
      legalBasis: optional(25_000, t),
      tasksAndFunctions: optional(10_000, t),
      openingHours: z
        .array(
          z.object({
            days: z.string().trim().min(1, t('required')).max(100, t('tooLong')),
            hours: z.string().trim().min(1, t('required')).max(100, t('tooLong')),
          }),
        )
        .max(14, t('tooLong')),
      latitude: coordinate(90),
      longitude: coordinate(180),
    })
    .refine((v) => !v.latitude === !v.longitude, {
      message: t('coordinates'),
      path: ['longitude'],
    });
}

export type OrganizationProfileValues = z.infer<ReturnType<typeof organizationProfileSchema>>;

/** Mirrors the identity service's rules for a public officer profile. */
export function officerSchema(t: Translate) {
  return z.object({
    name: z.string().trim().min(3, t('name')).max(200, t('tooLong')),
    position: z.string().trim().min(2, t('required')).max(200, t('tooLong')),
    competence: optional(2000, t),
    published: z.boolean(),
  });
}

export type OfficerValues = z.infer<ReturnType<typeof officerSchema>>;
