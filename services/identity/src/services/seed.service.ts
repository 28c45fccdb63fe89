import { randomUUID } from 'node:crypto';
import { createEvent, eventsForInsert, type Outbox } from '@sipadu/events';
import { organizationSearchText, type OrganizationModel } from '../models/organization.model.js';
import type { PublicOfficerModel } from '../models/public-officer.model.js';
import { ORGANIZATION_SEEDS, PUBLIC_OFFICER_SEEDS } from '../seed/organizations.seed.js';

/**
 * Demo data of the seeded Pemda. Idempotent: organizations are matched by code and their profile
 * is written only when first created, so edits made in the application survive a re-seed; office
 * coordinates (added later) are filled in only where the profile never had them. A newly
 * inserted organization publishes `identity.organization.created`, like one made in the
 * application, so other services (e.g. the projects service's organizations) learn of it.
 */
export async function seedDemoData(
  organizations: OrganizationModel,
  officers: PublicOfficerModel,
  outbox: Outbox,
) {
  for (const seed of ORGANIZATION_SEEDS) {
    const id = randomUUID();
    const event = createEvent(
      'identity.organization.created',
      {
        organizationCode: seed.code,
        name: seed.name,
        kind: seed.kind,
        parentCode: seed.parentCode,
      },
      {
        actor: { type: 'system', id: null },
        subject: { type: 'organization', id },
        org: seed.code,
      },
    );
    const result = await organizations
      .updateOne(
        { code: seed.code },
        {
          $set: {
            name: seed.name,
            kind: seed.kind,
            parentCode: seed.parentCode,
            searchText: organizationSearchText(seed.code, seed.name),
          },
          $setOnInsert: {
            _id: id,
            profile: { ...seed.profile, updatedAt: new Date() },
            version: 0,
            ...eventsForInsert([event]),
          },
        },
        { upsert: true },
      )
      .exec();
    if (result.upsertedCount > 0) {
      await outbox.flush(organizations, id);
      continue;
    }
    // Databases seeded before the coordinates existed: a profile never given them gets the
    // seed's; one an administrator set or cleared (null) keeps its own. No event: nothing was
    // edited by anyone, and a notification to every agency's admin would be noise.
    await organizations
      .updateOne(
        { code: seed.code, 'profile.latitude': { $exists: false } },
        {
          $set: {
            'profile.latitude': seed.profile.latitude,
            'profile.longitude': seed.profile.longitude,
          },
          // A profile form opened before the fill must not save over it unnoticed.
          $inc: { version: 1 },
        },
      )
      .exec();
  }
  for (const officer of PUBLIC_OFFICER_SEEDS) {
    await officers
      .updateOne(
        { organizationCode: officer.organizationCode, name: officer.name },
        { $setOnInsert: officer },
        { upsert: true },
      )
      .exec();
  }
  return { organizations: ORGANIZATION_SEEDS.length, officers: PUBLIC_OFFICER_SEEDS.length };
}
