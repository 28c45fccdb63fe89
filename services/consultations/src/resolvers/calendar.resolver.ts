import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';
import { assignableStaff } from '../services/assignable-staff.js';

/** assignableStaff, the working calendar and the holiday import (thin: the services decide). */
export const calendarResolvers: Resolvers = {
  Query: {
    assignableStaff: (_root, { flow, organizationCode }, { principal, services }) =>
      assignableStaff(
        access.require(principal, 'Query.assignableStaff'),
        flow,
        organizationCode?.trim() || null,
        services,
      ),
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
