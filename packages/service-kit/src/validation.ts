import type { z } from 'zod';
import { badInput } from './errors.js';

/**
 * Validates resolver input with a zod schema whose messages are written in Bahasa Indonesia;
 * a failure becomes one BAD_USER_INPUT error listing every invalid field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  const summary = fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ');
  throw badInput(`Data tidak valid — ${summary}`, { fields });
}

/** Escapes user text for a `$regex` filter (FerretDB v1 has no text index or collation). */
export function containsPattern(text: string): RegExp {
  return new RegExp(
    text
      .trim()
      .toLowerCase()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      // A BSON regex is a C string: a raw NUL makes the driver throw, its escape still matches.
      .replace(/\0/g, '\\x00'),
  );
}
