import { describe, expect, it } from 'vitest';
import {
  deriveTrackingCode,
  normalizeTrackingCode,
  randomTrackingCode,
  trackingHash,
} from './tracking-code.js';

const secret = Buffer.from('rahasia-pelacakan-uji-coba-32-byte!');
const CODE = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('tracking codes', () => {
  it('derives the same code for the same form and case, another for anything else', () => {
    const code = deriveTrackingCode(secret, 'form-1', 'case-1');
    expect(code).toMatch(CODE);
    expect(deriveTrackingCode(secret, 'form-1', 'case-1')).toBe(code);
    expect(deriveTrackingCode(secret, 'form-2', 'case-1')).not.toBe(code);
    expect(deriveTrackingCode(secret, 'form-1', 'case-2')).not.toBe(code);
    expect(deriveTrackingCode(Buffer.from('lain'), 'form-1', 'case-1')).not.toBe(code);
    expect(randomTrackingCode()).toMatch(CODE);
  });

  it('reads codes as people type them, and refuses what cannot be one', () => {
    const code = 'ADU-7K2M-9QXT-4D1Z';
    expect(normalizeTrackingCode(code)).toBe(code);
    expect(normalizeTrackingCode(' adu 7k2m 9qxt 4d1z ')).toBe(code);
    expect(normalizeTrackingCode('7K2M9QXT4DIZ')).toBe(code);
    expect(normalizeTrackingCode('ADU-7K2M-9QXT-4DLZ')).toBe(code);
    expect(normalizeTrackingCode('ADU-7K2M-9QXT-4D0Z')).toBe('ADU-7K2M-9QXT-4D0Z');
    expect(normalizeTrackingCode('ADU-7K2M-9QXT-4DOZ')).toBe('ADU-7K2M-9QXT-4D0Z');
    for (const wrong of [
      '',
      'ADU',
      'ADU-7K2M-9QXT-4D1',
      'ADU-7K2M-9QXT-4D1ZZ',
      'ADU-7K2M-9QXT-4DUZ',
    ]) {
      expect(normalizeTrackingCode(wrong)).toBeNull();
    }
    expect(normalizeTrackingCode('x'.repeat(100))).toBeNull();
  });

  it('hashes the canonical form only', () => {
    expect(trackingHash('ADU-7K2M-9QXT-4D1Z')).toMatch(/^[0-9a-f]{64}$/);
    expect(trackingHash(normalizeTrackingCode('adu7k2m9qxt4d1z')!)).toBe(
      trackingHash('ADU-7K2M-9QXT-4D1Z'),
    );
  });
});
