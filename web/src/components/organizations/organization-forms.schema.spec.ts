import { describe, expect, it } from 'vitest';
import {
  organizationProfileSchema,
  type OrganizationProfileValues,
} from './organization-forms.schema';

const schema = organizationProfileSchema((key) => key);
const profile = (extra: Partial<OrganizationProfileValues> = {}): OrganizationProfileValues => ({
  address: '',
  phone: '',
  email: '',
  website: '',
  headName: '',
  headPosition: '',
  legalBasis: '',
  tasksAndFunctions: '',
  openingHours: [],
  latitude: '',
  longitude: '',
  ...extra,
});

describe('organizationProfileSchema office coordinates', () => {
  it('accepts both coordinates or neither', () => {
    expect(schema.safeParse(profile()).success).toBe(true);
    expect(schema.safeParse(profile({ latitude: '-1.6101', longitude: '103.6131' })).success).toBe(
      true,
    );
  });

  it('refuses one coordinate alone, text and out-of-range values', () => {
    for (const values of [
      { latitude: '-1.61', longitude: '' },
      { latitude: 'utara', longitude: '103.6' },
      { latitude: '-91', longitude: '103.6' },
      { latitude: '-1.61', longitude: '181' },
    ]) {
      const result = schema.safeParse(profile(values));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('coordinates');
    }
  });
});
