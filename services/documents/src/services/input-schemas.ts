import { z } from 'zod';

/** Input shapes shared by the documents, requirement and template services. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const organizationCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'Kode organisasi tidak valid.');

/** A record of another service a document or requirement belongs to, e.g. a loan project. */
export const subjectSchema = z.object({
  type: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'Jenis subjek tidak valid.'),
  id: text(128),
});
