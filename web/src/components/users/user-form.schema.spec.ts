import { describe, expect, it } from 'vitest';
import { createUserSchema } from './user-form.schema';

const schema = createUserSchema((key) => key);
const valid = {
  username: 'budi.santoso',
  name: 'Budi Santoso',
  email: 'budi@dinkes.go.id',
  nip: '',
  position: '',
  phone: '',
  organizationCode: 'DINKES',
  roles: ['pelaksana'],
  password: 'Rahasia!2026',
  temporaryPassword: true,
};

describe('create-user form', () => {
  it('accepts a complete entry', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it('flags every field the identity service would refuse', () => {
    const result = schema.safeParse({
      ...valid,
      username: 'Budi',
      email: 'budi',
      nip: '123',
      roles: [],
      password: 'lemah',
    });
    const fields = new Set(result.error?.issues.map((issue) => issue.path.join('.')));
    expect([...fields].sort()).toEqual(['email', 'nip', 'password', 'roles', 'username']);
  });
});
