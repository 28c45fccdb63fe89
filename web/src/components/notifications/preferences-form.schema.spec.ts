import { describe, expect, it } from 'vitest';
import {
  hourText,
  normalizePhone,
  phoneSchema,
  preferencesSchema,
} from './preferences-form.schema';

describe('notification preferences form', () => {
  const phone = phoneSchema('Nomor ponsel tidak valid.');
  const valid = (value: string) => phone.safeParse(value).success;

  it('accepts Indonesian mobile numbers with +62 or 08, and an empty field', () => {
    expect(valid('+6281234567890')).toBe(true);
    expect(valid('081234567890')).toBe(true);
    expect(valid('0812-3456-7890')).toBe(true);
    expect(valid('+62 812 3456 789')).toBe(true);
    expect(valid('')).toBe(true);
    expect(valid('   ')).toBe(true);
  });

  it('refuses other numbers', () => {
    expect(valid('0211234567')).toBe(false);
    expect(valid('+6521234567')).toBe(false);
    expect(valid('0812')).toBe(false);
    expect(valid('08123456789012345')).toBe(false);
    expect(valid('08abc4567890')).toBe(false);
    expect(phone.safeParse('0812').error?.issues[0]?.message).toBe('Nomor ponsel tidak valid.');
  });

  it('needs a number before SMS is switched on', () => {
    const schema = preferencesSchema({ phone: 'tidak valid', phoneForSms: 'isi nomor' });
    const values = (sms: boolean, phone: string) => ({
      categories: { AKUN: { inApp: true, email: true, sms } },
      dailyDigest: false,
      phone,
    });
    expect(schema.safeParse(values(false, '')).success).toBe(true);
    expect(schema.safeParse(values(true, '081234567890')).success).toBe(true);
    const refused = schema.safeParse(values(true, ''));
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['phone', 'isi nomor'],
    ]);
  });

  it('sends the number without separators and shows the digest hour', () => {
    expect(normalizePhone('+62 812-3456 (789)')).toBe('+628123456789');
    expect(hourText(7)).toBe('07.00');
    expect(hourText(18)).toBe('18.00');
  });
});
