import { z } from 'zod';

/** Spaces, dashes, dots and brackets people type in phone numbers. */
const SEPARATORS = /[\s\-().]/g;

/** A mobile number as the service stores it: +62 or 0, then 8 and 8–11 more digits. */
const MOBILE = /^(?:\+62|0)8\d{8,11}$/;

export function normalizePhone(value: string): string {
  return value.replace(SEPARATORS, '');
}

/** The phone number for SMS: empty (removes it) or an Indonesian mobile number. */
export function phoneSchema(message: string) {
  return z
    .string()
    .trim()
    .max(40, message)
    .refine((value) => value === '' || MOBILE.test(normalizePhone(value)), message);
}

export function preferencesSchema(messages: { phone: string; phoneForSms: string }) {
  const channels = z.object({ inApp: z.boolean(), email: z.boolean(), sms: z.boolean() });
  return z
    .object({
      categories: z.record(z.string(), channels),
      dailyDigest: z.boolean(),
      phone: phoneSchema(messages.phone),
    })
    .refine(
      // The service refuses SMS without a number; say so at the field instead.
      (values) =>
        values.phone.trim() !== '' || !Object.values(values.categories).some((entry) => entry.sms),
      { message: messages.phoneForSms, path: ['phone'] },
    );
}

export type PreferencesValues = z.infer<ReturnType<typeof preferencesSchema>>;

/** The digest hour as people read it in Indonesia ("07.00"). */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}.00`;
}
