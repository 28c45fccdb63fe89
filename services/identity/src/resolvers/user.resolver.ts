import type { UserResolvers } from '../generated/graphql.js';
import { access } from '../access.js';
import type { ServiceContext } from '../context.js';
import type { UserRecord } from '../models/user.model.js';

/** Private fields show only to the user, colleagues of the same agency and overseers. */
function mayReadPrivate(user: UserRecord, { principal }: ServiceContext): boolean {
  if (!principal) return false;
  return (
    principal.id === user._id ||
    access.allows(principal, 'User.privateFields', { organizationCode: user.organizationCode })
  );
}

export const userResolvers: UserResolvers = {
  __resolveReference: (reference, { services, loaders }) =>
    services.users.byId(loaders, reference.id),
  id: (user) => user._id,
  nip: (user, _args, ctx) => (mayReadPrivate(user, ctx) ? user.nip : null),
  email: (user, _args, ctx) => (mayReadPrivate(user, ctx) ? user.email : null),
  phone: (user, _args, ctx) => (mayReadPrivate(user, ctx) ? user.phone : null),
  // Mirrored records may lack the field: FerretDB v1 drops an empty array from $setOnInsert.
  activationHistory: (user, _args, ctx) =>
    mayReadPrivate(user, ctx)
      ? (user.activationHistory ?? []).map((change) => ({
          active: change.active,
          at: change.at.toISOString(),
          byUserId: change.byUserId,
          reason: change.reason,
        }))
      : [],
  organization: (user, _args, { services, loaders }) =>
    user.organizationCode
      ? services.organizations.byCodeBatched(loaders, user.organizationCode)
      : null,
  createdAt: (user) => user.createdAt.toISOString(),
};
