import type { OrganizationDirectory, StaffDirectory, StaffMemberRecord } from '@sipadu/directory';
import { badInput, forbidden, type Principal } from '@sipadu/service-kit';
import type { CaseFlow } from '../models/case.model.js';
import { holds } from '../flows/read-grants.js';
import type { StaffMember } from '../generated/graphql.js';
import { personView } from './case-views.js';

/**
 * Who the caller may pick on a flow: consultation officers for super-admin's routing, ICT
 * officers for pengelola-tik, staff of the assigner's own organization for work items (super-admin
 * any organization), and the target agency's admin-opd of a public complaint (super-admin).
 */
async function candidates(
  caller: Principal,
  flow: CaseFlow,
  organizationCode: string | null,
  staff: StaffDirectory,
): Promise<StaffMemberRecord[]> {
  const superAdmin = holds(caller, 'super-admin');
  switch (flow) {
    case 'CONSULTATION':
      if (!superAdmin) break;
      return staff.withRole('petugas-konsultasi', organizationCode);
    case 'ICT_COMPLAINT':
      if (!superAdmin && !holds(caller, 'pengelola-tik')) break;
      return staff.withRole('petugas-tik', organizationCode);
    case 'WORK_ITEM': {
      if (!superAdmin && !holds(caller, 'pemberi-tugas')) break;
      const own = caller.organizationCode;
      if (!superAdmin && organizationCode && organizationCode !== own) {
        throw forbidden('Pekerjaan hanya dapat ditugaskan kepada pegawai organisasi Anda sendiri.');
      }
      const code = (superAdmin ? organizationCode : null) ?? own;
      if (!code) throw badInput('Organisasi wajib dipilih.', { fields: ['organizationCode'] });
      const members = await staff.ofOrganization(code);
      return members.filter((member) => member.active);
    }
    case 'PUBLIC_COMPLAINT':
      if (!superAdmin) break;
      return staff.withRole('admin-opd', organizationCode);
  }
  throw forbidden('Anda tidak berwenang melihat daftar petugas untuk alur ini.');
}

/** `assignableStaff`: the people the caller may route or assign a case of `flow` to. */
export async function assignableStaff(
  caller: Principal,
  flow: CaseFlow,
  organizationCode: string | null,
  directories: { staff: StaffDirectory; organizations: OrganizationDirectory },
): Promise<StaffMember[]> {
  const members = await candidates(caller, flow, organizationCode, directories.staff);
  const codes = [
    ...new Set(
      members.flatMap((member) => (member.organizationCode ? [member.organizationCode] : [])),
    ),
  ];
  const names = await directories.organizations.names(codes);
  return members.map((member) => ({
    ...personView(member, member.organizationCode ? names.get(member.organizationCode) : null),
    username: member.username,
  }));
}
