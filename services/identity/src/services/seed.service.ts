import { organizationSearchText, type OrganizationModel } from '../models/organization.model.js';
import type { PublicOfficerModel } from '../models/public-officer.model.js';
import { ORGANIZATION_SEEDS, PUBLIC_OFFICER_SEEDS } from '../seed/organizations.seed.js';

/**
 * Demo data of the seeded Pemda. Idempotent: organizations are matched by code and their profile
 * is written only when first created, so edits made in the application survive a re-seed.
 */
export async function seedDemoData(organizations: OrganizationModel, officers: PublicOfficerModel) {
  for (const seed of ORGANIZATION_SEEDS) {
    await organizations
      .updateOne(
        { code: seed.code },
        {
          $set: {
            name: seed.name,
            kind: seed.kind,
            parentCode: seed.parentCode,
            searchText: organizationSearchText(seed.code, seed.name),
          },
          $setOnInsert: { profile: { ...seed.profile, updatedAt: new Date() }, version: 0 },
        },
        { upsert: true },
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
