import type { OrganizationDirectory } from '@sipadu/directory';
import { isDuplicateKey, type AnyEventEnvelope } from '@sipadu/events';
import { containsPattern } from '@sipadu/service-kit';
import type { Connection, QueryFilter } from 'mongoose';
import {
  complaintCategoryModel,
  publishedServiceModel,
  type ComplaintCategoryModel,
  type ComplaintCategoryRecord,
  type PublishedServiceModel,
  type PublishedServiceRecord,
} from '../models/complaint-catalog.model.js';
import categoryData from '../seed/complaint-categories.data.json' with { type: 'json' };

/** = GraphQL ComplaintCategory, plus what Open311's `services.json` lists. */
export interface ComplaintCategoryView {
  code: string;
  name: string;
  description: string;
  defaultOrganizationCode: string;
  group: string;
  keywords: string[];
}

/** = GraphQL ComplaintServiceOption. */
export interface ComplaintServiceView {
  id: string;
  name: string;
  organizationCode: string;
  organizationName: string;
}

/** Services listed at most in the form's picker (a search narrows it). */
const MAX_SERVICE_OPTIONS = 200;

const categoryView = (row: ComplaintCategoryRecord): ComplaintCategoryView => ({
  code: row._id,
  name: row.name,
  description: row.description,
  defaultOrganizationCode: row.defaultOrganizationCode,
  group: row.group,
  keywords: [...row.keywords],
});

const serviceView = (row: PublishedServiceRecord): ComplaintServiceView => ({
  id: row._id,
  name: row.name,
  organizationCode: row.organizationCode,
  organizationName: row.organizationName,
});

/**
 * What a citizen can complain about: the complaint categories (reference data shipped with the
 * service, also Open311's service list) and the public services published in SIPUTRI (kept from
 * `surveys.standard.published`), whose agency becomes the complaint's target.
 */
export class ComplaintCatalog {
  private readonly categoriesModel: ComplaintCategoryModel;
  private readonly services: PublishedServiceModel;
  private readonly organizations: OrganizationDirectory;
  private cached: Promise<ComplaintCategoryView[]> | undefined;

  constructor(options: { connection: Connection; organizations: OrganizationDirectory }) {
    this.categoriesModel = complaintCategoryModel(options.connection);
    this.services = publishedServiceModel(options.connection);
    this.organizations = options.organizations;
    // Identity renames an agency: the services it provides follow.
    this.organizations.onName(async (code, name) => {
      await this.services
        .updateMany(
          { organizationCode: code, organizationName: { $ne: name } },
          { $set: { organizationName: name } },
        )
        .exec();
    });
  }

  /** Stores the shipped categories the database does not have yet (edited ones are kept). */
  async init(): Promise<void> {
    await Promise.all([this.categoriesModel.init(), this.services.init()]);
    await Promise.all(
      categoryData.categories.map((category, order) =>
        this.categoriesModel
          .updateOne(
            { _id: category.code },
            {
              $setOnInsert: {
                name: category.name,
                description: category.description,
                defaultOrganizationCode: category.defaultOrganizationCode,
                group: category.group,
                keywords: category.keywords,
                order,
              },
            },
            { upsert: true },
          )
          .exec()
          .catch((err: unknown) => {
            // Another replica inserted it at the same moment.
            if (!isDuplicateKey(err)) throw err;
          }),
      ),
    );
    this.cached = undefined;
  }

  /** Every category in the form's order (reference data: read once per process). */
  categories(): Promise<ComplaintCategoryView[]> {
    this.cached ??= this.categoriesModel
      .find()
      .sort({ order: 1, _id: 1 })
      .lean<ComplaintCategoryRecord[]>()
      .exec()
      .then((rows) => rows.map(categoryView))
      .catch((err: unknown) => {
        this.cached = undefined;
        throw err;
      });
    return this.cached;
  }

  async category(code: string): Promise<ComplaintCategoryView | null> {
    return (await this.categories()).find((category) => category.code === code) ?? null;
  }

  /** Agencies a complaint may be addressed to (identity's Pemda agencies, lenders excluded). */
  async organizationOptions(): Promise<{ code: string; name: string }[]> {
    return (await this.organizations.list()).map(({ code, name }) => ({ code, name }));
  }

  /** Keeps the published-services projection (idempotent; an older version never wins). */
  async applySurveysEvent(event: AnyEventEnvelope): Promise<void> {
    if (event.type !== 'surveys.standard.published') return;
    const { standard, version } = event.data;
    try {
      await this.services
        .updateOne(
          { _id: standard.id, version: { $lte: version } },
          {
            $set: {
              name: standard.name,
              category: standard.category,
              organizationCode: standard.organizationCode,
              organizationName: standard.organizationName,
              version,
              searchText: `${standard.name} ${standard.category}`.toLowerCase(),
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        )
        .exec();
    } catch (err) {
      // A newer version is stored: the upsert's insert collides with it.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Published services for the complaint form, by name; optionally of one agency or matching a search. */
  async serviceOptions(args: {
    organizationCode?: string | null;
    search?: string | null;
  }): Promise<ComplaintServiceView[]> {
    const filter: QueryFilter<PublishedServiceRecord> = {};
    if (args.organizationCode) filter.organizationCode = args.organizationCode;
    const search = args.search?.trim().slice(0, 100);
    if (search) filter.searchText = { $regex: containsPattern(search) };
    const rows = await this.services
      .find(filter)
      .sort({ name: 1, _id: 1 })
      .limit(MAX_SERVICE_OPTIONS)
      .lean<PublishedServiceRecord[]>()
      .exec();
    return rows.map(serviceView);
  }

  async service(id: string): Promise<ComplaintServiceView | null> {
    const row = await this.services.findById(id).lean<PublishedServiceRecord>().exec();
    return row ? serviceView(row) : null;
  }
}
