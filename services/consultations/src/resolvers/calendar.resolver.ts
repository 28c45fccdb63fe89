import { badInput, forbidden, type Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import type { CaseFlow, Resolvers, StaffMember } from '../generated/graphql.js';
import type { ServiceContext } from '../context.js';
import { personView } from '../services/case-views.js';

type StaffRecord = Awaited<ReturnType<ServiceContext['services']['staff']['withRole']>>[number];

const holds = (principal: Principal, role: string) =>
  (principal.roles as readonly string[]).includes(role);

/**
 * Who the caller may pick on a flow: consultation officers for super-admin's routing, ICT
 * officers for pengelola-tik, staff of the assigner's own organization for work items (super-admin
 * any organization), and the target agency's admin-opd of a public complaint (super-admin).
 */
async function assignableStaff(
  caller: Principal,
  flow: CaseFlow,
  organizationCode: string | null,
  { services }: ServiceContext,
): Promise<StaffRecord[]> {
  const superAdmin = holds(caller, 'super-admin');
  switch (flow) {
    case 'CONSULTATION':
      if (!superAdmin) break;
      return services.staff.withRole('petugas-konsultasi', organizationCode);
    case 'ICT_COMPLAINT':
      if (!superAdmin && !holds(caller, 'pengelola-tik')) break;
      return services.staff.withRole('petugas-tik', organizationCode);
    case 'WORK_ITEM': {
      if (!superAdmin && !holds(caller, 'pemberi-tugas')) break;
      const own = caller.organizationCode;
      if (!superAdmin && organizationCode && organizationCode !== own) {
        throw forbidden('Pekerjaan hanya dapat ditugaskan kepada pegawai organisasi Anda sendiri.');
      }
      const code = (superAdmin ? organizationCode : null) ?? own;
      if (!code) throw badInput('Organisasi wajib dipilih.', { fields: ['organizationCode'] });
      const members = await services.staff.ofOrganization(code);
      return members.filter((member) => member.active);
    }
    case 'PUBLIC_COMPLAINT':
      if (!superAdmin) break;
      return services.staff.withRole('admin-opd', organizationCode);
  }
  throw forbidden('Anda tidak berwenang melihat daftar petugas untuk alur ini.');
}

/** assignableStaff, the working calendar and the holiday import (thin: the services decide). */
export const calendarResolvers: Resolvers = {
  Query: {
    assignableStaff: async (_root, { flow, organizationCode }, context) => {
      const caller = access.require(context.principal, 'Query.assignableStaff');
      const staff = await assignableStaff(caller, flow, organizationCode?.trim() || null, context);
      const codes = [
        ...new Set(
          staff.flatMap((member) => (member.organizationCode ? [member.organizationCode] : [])),
        ),
      ];
      const names = await context.services.organizations.names(codes);
      return staff.map((member): StaffMember => ({
        ...personView(member, member.organizationCode ? names.get(member.organizationCode) : null),
        username: member.username,
      }));
    },
    workingCalendar: (_root, { year }, { principal, services }) => {
      access.require(principal, 'Query.workingCalendar');
      return services.calendar.year(year);
    },
  },
  Mutation: {
    importHolidays: (_root, { year, csv }, { principal, services }) =>
      services.calendar.importCsv(principal, year, csv),
  },
};
