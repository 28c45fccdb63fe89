import { defineRule } from './rule.js';

const ROLE_LABELS: Record<string, string> = {
  'super-admin': 'Super Admin',
  'admin-opd': 'Admin OPD',
  bpkad: 'BPKAD',
  pelaksana: 'Pelaksana',
  'pemberi-pinjaman': 'Pemberi Pinjaman',
  pimpinan: 'Pimpinan',
  evaluator: 'Evaluator',
};
const roleList = (roles: readonly string[]) =>
  roles.length ? roles.map((role) => ROLE_LABELS[role] ?? role).join(', ') : '(tanpa peran)';

/** Account and organization notifications (identity events). */
export const identityRules = [
  defineRule({
    id: 'user-created',
    on: 'identity.user.created',
    recipients: (event) => [{ kind: 'user', id: event.data.userId }],
    content: (event) => ({
      category: 'AKUN',
      title: 'Selamat datang di SIPADU',
      body: `Akun ${event.data.username} dibuat untuk organisasi ${event.data.organizationCode} dengan peran ${roleList(event.data.roles)}.`,
      link: '/profil',
      subject: { type: 'User', id: event.data.userId },
      threadId: null,
    }),
  }),
  defineRule({
    id: 'user-roles-changed',
    on: 'identity.user.rolesChanged',
    recipients: (event) => [{ kind: 'user', id: event.data.userId }],
    content: (event) => ({
      category: 'AKUN',
      title: 'Peran Anda diubah',
      body: `Peran Anda sekarang: ${roleList(event.data.roles)} (sebelumnya ${roleList(event.data.previousRoles)}).`,
      link: '/profil',
      subject: { type: 'User', id: event.data.userId },
      threadId: null,
    }),
  }),
  defineRule({
    id: 'user-reactivated',
    on: 'identity.user.activationChanged',
    // A deactivated account cannot sign in to read it; its reactivation is worth telling.
    when: (event) => event.data.active,
    recipients: (event) => [{ kind: 'user', id: event.data.userId }],
    content: (event) => ({
      category: 'AKUN',
      title: 'Akun Anda diaktifkan kembali',
      body: 'Anda dapat masuk kembali ke SIPADU.',
      link: '/profil',
      subject: { type: 'User', id: event.data.userId },
      threadId: null,
    }),
  }),
  defineRule({
    id: 'organization-profile-updated',
    on: 'identity.organization.profileUpdated',
    recipients: (event) => [
      { kind: 'organization', code: event.data.organizationCode, roles: ['admin-opd'] },
    ],
    content: (event) => ({
      category: 'AKUN',
      title: 'Profil organisasi diperbarui',
      body: `Profil ${event.data.organizationCode} diubah (${event.data.fields.join(', ')}).`,
      link: '/organisasi/profil',
      subject: { type: 'Organization', id: event.data.organizationCode },
      threadId: null,
    }),
  }),
];
