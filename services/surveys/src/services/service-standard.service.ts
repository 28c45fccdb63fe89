import { randomUUID } from 'node:crypto';
import { LENDER_KIND, type OrganizationDirectory, type OrganizationEntry } from '@sipadu/directory';
import { createEvent, type Actor, type EventEnvelope, type Outbox } from '@sipadu/events';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  MAX_PAGE_SIZE,
  badInput,
  conflict,
  containsPattern,
  forbidden,
  notFound,
  parseInput,
  type Principal,
} from '@sipadu/service-kit';
import type { Connection, QueryFilter } from 'mongoose';
import { access, canEditOrganization } from '../access.js';
import type {
  ServiceDirectoryFacets,
  ServiceStandard,
  ServiceStandardConnection,
  ServiceStandardVersion,
  ServiceStandardVersionState,
  SurveyActor,
  SurveyFacetOption,
} from '../generated/graphql.js';
import {
  directoryFields,
  serviceStandardModel,
  type ActorRecord,
  type ServiceStandardModel,
  type ServiceStandardRecord,
  type StandardVersionRecord,
} from '../models/service-standard.model.js';
import { commitAtRevision, retryAtRevision, updateAtRevision } from '@sipadu/events';
import { standardInputSchema, type StandardInput } from './standard-input.schema.js';
import type { ServiceRef } from './types.js';

export const STANDARD_CONFLICT_MESSAGE =
  'Standar pelayanan baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.';

/** Page size of the directory and of the editors' list. */
export const DIRECTORY_PAGE_SIZE = 20;

/**
 * The principal the demo seed acts as (a super-admin); its events carry the system as actor.
 * Never reaches a resolver: requests always bring their own principal or none.
 */
export const systemPrincipal: Principal = Object.freeze<Principal>({
  kind: 'user',
  id: 'sistem',
  username: 'sistem',
  name: 'Sistem SIPADU',
  email: null,
  organizationCode: null,
  roles: ['super-admin'],
  clientId: null,
  scopes: [],
  expiresAt: Number.MAX_SAFE_INTEGER,
});

/** The caller as recorded on a version (SurveyActor). */
export function actorOf(principal: Principal): ActorRecord {
  return {
    id: principal.id,
    name: principal.name ?? principal.username,
    organizationCode: principal.organizationCode,
  };
}

/** The caller as an event envelope's actor. */
export function eventActorOf(principal: Principal): Actor {
  if (principal === systemPrincipal) return { type: 'system', id: null };
  return {
    type: principal.kind === 'client' ? 'client' : 'user',
    id: principal.id,
    org: principal.organizationCode,
  };
}

/** An organization that may own standards and a pledge: known to identity, not a lender. */
export async function ownerOrganization(
  organizations: OrganizationDirectory,
  code: string,
): Promise<OrganizationEntry> {
  const organization = await organizations.get(code);
  if (!organization) throw badInput(`Organisasi ${code} tidak dikenal.`);
  if (organization.kind === LENDER_KIND) {
    throw badInput(`Organisasi ${code} bukan perangkat daerah penyelenggara pelayanan publik.`);
  }
  return organization;
}

export const iso = (date: Date | null | undefined): string | null =>
  date ? new Date(date).toISOString() : null;

const actorView = (actor: ActorRecord | null | undefined): SurveyActor | null =>
  actor ? { id: actor.id, name: actor.name, organizationCode: actor.organizationCode } : null;

export interface DirectoryArgs {
  search?: string | null;
  organizationCode?: string | null;
  category?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface ManagedArgs {
  organizationCode?: string | null;
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Directory rows carry neither the draft nor the history. */
const PUBLIC_PROJECTION = { draft: 0, history: 0, _pendingEvents: 0 } as const;
const EDITOR_PROJECTION = { _pendingEvents: 0 } as const;
const REF_PROJECTION = {
  name: 1,
  category: 1,
  organizationCode: 1,
  organizationName: 1,
  listed: 1,
  sortKey: 1,
} as const;

/**
 * Service standards (*Standar Pelayanan*, PermenPANRB 15/2014) and the public directory of them.
 * Every change after the creation is a claimed write at the record's revision
 * (write-claim.model.ts); publishing emits `surveys.standard.published` through the outbox.
 */
export class ServiceStandardService {
  readonly model: ServiceStandardModel;
  private readonly outbox: Outbox;
  private readonly organizations: OrganizationDirectory;

  constructor(deps: {
    connection: Connection;
    outbox: Outbox;
    organizations: OrganizationDirectory;
  }) {
    this.model = serviceStandardModel(deps.connection);
    this.outbox = deps.outbox;
    this.organizations = deps.organizations;
    this.organizations.onName((code, name) => this.renameOrganization(code, name));
  }

  /** Collections whose documents may carry pending events (for the relay's sweep). */
  get eventSources(): ServiceStandardModel[] {
    return [this.model];
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /** How many standards exist (published or not). */
  count(): Promise<number> {
    return this.model.countDocuments({}).exec();
  }

  // ── Reads ─────────────────────────────────────────────────────────────────────────────────

  /** The public directory: published standards only, in organization then service order. */
  async directory(args: DirectoryArgs): Promise<ServiceStandardConnection> {
    const filter: QueryFilter<ServiceStandardRecord> = { listed: true };
    if (args.organizationCode) filter.organizationCode = args.organizationCode;
    if (args.category) filter.category = args.category;
    if (args.search?.trim()) filter.searchText = { $regex: containsPattern(args.search) };
    return this.page(filter, PUBLIC_PROJECTION, args, false);
  }

  /** Standards the caller may edit, drafts and never-published ones included. */
  async managed(
    principal: Principal | null,
    args: ManagedArgs,
  ): Promise<ServiceStandardConnection> {
    const action = 'Query.managedServiceStandards';
    const caller = access.require(principal, action);
    const seesAll = access.seesAllOrganizations(caller, action);
    const code = args.organizationCode ?? (seesAll ? null : caller.organizationCode);
    if (!code && !seesAll) throw forbidden();
    if (code) access.assert(caller, action, { organizationCode: code });
    const filter: QueryFilter<ServiceStandardRecord> = code ? { organizationCode: code } : {};
    if (args.search?.trim()) filter.searchText = { $regex: containsPattern(args.search) };
    return this.page(filter, EDITOR_PROJECTION, args, true);
  }

  /** Categories and organizations of the published standards, with their counts. */
  async facets(): Promise<ServiceDirectoryFacets> {
    const rows = await this.model
      .find({ listed: true }, { organizationCode: 1, organizationName: 1, category: 1 })
      .lean<Pick<ServiceStandardRecord, 'organizationCode' | 'organizationName' | 'category'>[]>()
      .exec();
    const categories = new Map<string, SurveyFacetOption>();
    const organizations = new Map<string, SurveyFacetOption>();
    for (const row of rows) {
      const category = categories.get(row.category) ?? {
        value: row.category,
        label: row.category,
        count: 0,
      };
      category.count += 1;
      categories.set(row.category, category);
      const organization = organizations.get(row.organizationCode) ?? {
        value: row.organizationCode,
        label: row.organizationName,
        count: 0,
      };
      organization.count += 1;
      organizations.set(row.organizationCode, organization);
    }
    const byLabel = (a: SurveyFacetOption, b: SurveyFacetOption) =>
      a.label.localeCompare(b.label, 'id-ID') || a.value.localeCompare(b.value);
    return {
      categories: [...categories.values()].sort(byLabel),
      organizations: [...organizations.values()].sort(byLabel),
    };
  }

  /**
   * One standard: the public sees the published version only (null if never published); the
   * editors of its organization and super-admins also see the draft and the versions.
   */
  async get(principal: Principal | null, id: string): Promise<ServiceStandard | null> {
    const record = await this.model
      .findById(id, EDITOR_PROJECTION)
      .lean<ServiceStandardRecord>()
      .exec();
    if (!record) return null;
    const editor = canEditOrganization(principal, record.organizationCode);
    if (!editor && !record.listed) return null;
    return this.view(record, editor);
  }

  /** Name, category and owner of a standard (survey submission, index names); null if unknown. */
  async serviceRef(id: string): Promise<ServiceRef | null> {
    const row = await this.model
      .findById(id, REF_PROJECTION)
      .lean<Pick<ServiceStandardRecord, keyof typeof REF_PROJECTION | '_id'>>()
      .exec();
    return row ? refOf(row) : null;
  }

  /** Every standard (optionally of one organization, or published only), in directory order. */
  async serviceRefs(
    filter: { organizationCode?: string; publishedOnly?: boolean } = {},
  ): Promise<ServiceRef[]> {
    const query: QueryFilter<ServiceStandardRecord> = {};
    if (filter.organizationCode) query.organizationCode = filter.organizationCode;
    if (filter.publishedOnly) query.listed = true;
    const rows = await this.model
      .find(query, REF_PROJECTION)
      .sort({ sortKey: 1, _id: 1 })
      .lean<Pick<ServiceStandardRecord, keyof typeof REF_PROJECTION | '_id'>[]>()
      .exec();
    return rows.map(refOf);
  }

  // ── Writes ────────────────────────────────────────────────────────────────────────────────

  /** A new service with the first draft of its standard. */
  async create(principal: Principal | null, rawInput: unknown): Promise<ServiceStandard> {
    const action = 'Mutation.createServiceStandard';
    const caller = access.require(principal, action);
    const requested = requestedOrganization(rawInput);
    const code =
      requested ?? (access.seesAllOrganizations(caller, action) ? null : caller.organizationCode);
    if (!code) throw badInput('Organisasi pemilik layanan wajib dipilih (organizationCode).');
    access.assert(caller, action, { organizationCode: code });
    const input = parseInput(standardInputSchema, rawInput);
    const organization = await ownerOrganization(this.organizations, code);
    const now = new Date();
    const draft = versionOf(input, 1, actorOf(caller), now);
    const record = await this.model.create({
      _id: randomUUID(),
      organizationCode: organization.code,
      organizationName: organization.name,
      revision: 0,
      status: 'DRAFT',
      published: null,
      draft,
      history: [],
      listed: false,
      ...directoryFields(draft.name, draft.category, organization.code, organization.name),
      createdAt: now,
      updatedAt: now,
    });
    return this.view(record.toObject<ServiceStandardRecord>(), true);
  }

  /**
   * Saves the draft (made from the input; the published version stays in the directory until
   * the draft is published). With `revision`, the save happens only at that revision (CONFLICT
   * otherwise); without, it is written on the latest revision.
   */
  async saveDraft(
    principal: Principal | null,
    id: string,
    rawInput: unknown,
    revision?: number | null,
  ): Promise<ServiceStandard> {
    const { caller, record: first } = await this.editable(
      principal,
      'Mutation.saveServiceStandardDraft',
      id,
    );
    const input = parseInput(standardInputSchema, rawInput);
    if (input.organizationCode && input.organizationCode !== first.organizationCode) {
      throw badInput('Organisasi pemilik layanan tidak dapat diubah.');
    }
    let record: ServiceStandardRecord | null = first;
    const written = await retryAtRevision(async () => {
      record ??= await this.load(id);
      const current = record;
      record = null;
      if (revision !== null && revision !== undefined && current.revision !== revision) {
        throw conflict(STANDARD_CONFLICT_MESSAGE);
      }
      const now = new Date();
      const draft = versionOf(input, nextVersion(current), actorOf(caller), now);
      const set: Record<string, unknown> = {
        draft,
        status: current.published ? 'PUBLISHED_WITH_DRAFT' : 'DRAFT',
        updatedAt: now,
      };
      if (!current.published) {
        Object.assign(
          set,
          directoryFields(
            draft.name,
            draft.category,
            current.organizationCode,
            current.organizationName,
          ),
        );
      }
      const result = await updateAtRevision(this.model, current, { $set: set });
      if (!result && revision !== null && revision !== undefined) {
        throw conflict(STANDARD_CONFLICT_MESSAGE);
      }
      return result;
    }, STANDARD_CONFLICT_MESSAGE);
    return this.view(written, true);
  }

  /** The draft becomes the published version; the previous published one is superseded. */
  async publish(principal: Principal | null, id: string): Promise<ServiceStandard> {
    const { caller, record: first } = await this.editable(
      principal,
      'Mutation.publishServiceStandard',
      id,
    );
    let record: ServiceStandardRecord | null = first;
    const written = await retryAtRevision(async () => {
      record ??= await this.load(id);
      const current = record;
      record = null;
      const draft = current.draft;
      if (!draft) throw badInput('Tidak ada draf standar pelayanan untuk diterbitkan.');
      const now = new Date();
      const publishedBy = actorOf(caller);
      const published: StandardVersionRecord = {
        ...draft,
        version: nextVersion(current),
        publishedAt: now,
        publishedBy,
        supersededAt: null,
      };
      const update: Record<string, unknown> = {
        $set: {
          published,
          draft: null,
          status: 'PUBLISHED',
          listed: true,
          updatedAt: now,
          ...directoryFields(
            published.name,
            published.category,
            current.organizationCode,
            current.organizationName,
          ),
        },
      };
      if (current.published) {
        update.$push = { history: { ...current.published, supersededAt: now } };
      }
      const event = publishedEvent(current, published, caller);
      return commitAtRevision(this.model, this.outbox, current, [event], update);
    }, STANDARD_CONFLICT_MESSAGE);
    return this.view(written, true);
  }

  /** Drops the draft of a published standard; the published version does not change. */
  async discardDraft(principal: Principal | null, id: string): Promise<ServiceStandard> {
    const { record: first } = await this.editable(
      principal,
      'Mutation.discardServiceStandardDraft',
      id,
    );
    let record: ServiceStandardRecord | null = first;
    const written = await retryAtRevision(async () => {
      record ??= await this.load(id);
      const current = record;
      record = null;
      if (!current.draft) throw badInput('Tidak ada draf standar pelayanan untuk dibuang.');
      if (!current.published) {
        throw badInput(
          'Standar pelayanan ini belum pernah terbit, sehingga drafnya tidak dapat dibuang.',
        );
      }
      return updateAtRevision(this.model, current, {
        $set: { draft: null, status: 'PUBLISHED', updatedAt: new Date() },
      });
    }, STANDARD_CONFLICT_MESSAGE);
    return this.view(written, true);
  }

  /** Follows a (new) organization name on its standards; idempotent. */
  async renameOrganization(code: string, name: string): Promise<void> {
    const stale = await this.model
      .find({ organizationCode: code, organizationName: { $ne: name } }, { _id: 1 })
      .lean<Pick<ServiceStandardRecord, '_id'>[]>()
      .exec();
    for (const { _id } of stale) {
      await retryAtRevision(async () => {
        const current = await this.model
          .findById(_id, EDITOR_PROJECTION)
          .lean<ServiceStandardRecord>()
          .exec();
        if (!current || current.organizationName === name) return true;
        const written = await updateAtRevision(this.model, current, {
          $set: {
            organizationName: name,
            ...directoryFields(current.name, current.category, code, name),
          },
        });
        return written ? true : null;
      }, STANDARD_CONFLICT_MESSAGE);
    }
  }

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────

  private async load(id: string): Promise<ServiceStandardRecord> {
    const record = await this.model
      .findById(id, EDITOR_PROJECTION)
      .lean<ServiceStandardRecord>()
      .exec();
    if (!record) throw notFound('Standar pelayanan tidak ditemukan.');
    return record;
  }

  /** Role check, then the record, then its organization against the caller's. */
  private async editable(
    principal: Principal | null,
    action:
      | 'Mutation.saveServiceStandardDraft'
      | 'Mutation.publishServiceStandard'
      | 'Mutation.discardServiceStandardDraft',
    id: string,
  ): Promise<{ caller: Principal; record: ServiceStandardRecord }> {
    const caller = access.require(principal, action);
    const record = await this.load(id);
    access.assert(caller, action, { organizationCode: record.organizationCode });
    return { caller, record };
  }

  private async page(
    filter: QueryFilter<ServiceStandardRecord>,
    projection: Record<string, 0 | 1>,
    args: { first?: number | null; after?: string | null },
    editor: boolean,
  ): Promise<ServiceStandardConnection> {
    const first = args.first ?? DIRECTORY_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);
    }
    let pageFilter = filter;
    if (args.after) {
      const [sortKey, id] = decodeKeyCursor(args.after, 'string');
      pageFilter = {
        $and: [filter, { $or: [{ sortKey: { $gt: sortKey } }, { sortKey, _id: { $gt: id } }] }],
      } as QueryFilter<ServiceStandardRecord>;
    }
    const [rows, totalCount] = await Promise.all([
      this.model
        .find(pageFilter, projection)
        .sort({ sortKey: 1, _id: 1 })
        .limit(first + 1)
        .lean<ServiceStandardRecord[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeKeyCursor(row.sortKey, row._id),
      node: this.view(row, editor),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /** The GraphQL shape; `editor` adds the draft and the versions. */
  private view(record: ServiceStandardRecord, editor: boolean): ServiceStandard {
    const revision = record.revision;
    const published = record.published
      ? versionView(record.published, 'PUBLISHED', revision)
      : null;
    const draft = editor && record.draft ? versionView(record.draft, 'DRAFT', revision) : null;
    const versions: ServiceStandardVersion[] = [];
    if (editor) {
      if (draft) versions.push(draft);
      if (published) versions.push(published);
      for (const old of [...(record.history ?? [])].reverse()) {
        versions.push(versionView(old, 'SUPERSEDED', revision));
      }
    }
    const updatedAt = editor
      ? record.updatedAt
      : (record.published?.publishedAt ?? record.updatedAt);
    return {
      id: record._id,
      organizationCode: record.organizationCode,
      organizationName: record.organizationName,
      published,
      draft,
      status: editor ? record.status : 'PUBLISHED',
      versions,
      surveyPath: `/survei/${record._id}`,
      name: record.name,
      category: record.category,
      updatedAt: new Date(updatedAt).toISOString(),
    };
  }
}

function requestedOrganization(rawInput: unknown): string | null {
  const value = (rawInput as { organizationCode?: unknown } | null)?.organizationCode;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function nextVersion(record: Pick<ServiceStandardRecord, 'published'>): number {
  return (record.published?.version ?? 0) + 1;
}

function versionOf(
  input: StandardInput,
  version: number,
  updatedBy: ActorRecord,
  now: Date,
): StandardVersionRecord {
  return {
    version,
    name: input.name,
    category: input.category,
    description: input.description,
    onlineServiceUrl: input.onlineServiceUrl,
    components: { ...input.components },
    updatedAt: now,
    updatedBy,
    publishedAt: null,
    publishedBy: null,
    supersededAt: null,
  };
}

function versionView(
  version: StandardVersionRecord,
  state: ServiceStandardVersionState,
  revision: number,
): ServiceStandardVersion {
  const c = version.components;
  return {
    version: version.version,
    state,
    revision,
    name: version.name,
    category: version.category,
    description: version.description ?? null,
    onlineServiceUrl: version.onlineServiceUrl ?? null,
    components: {
      legalBasis: c.legalBasis ?? [],
      requirements: c.requirements ?? [],
      procedure: c.procedure ?? [],
      completionTime: c.completionTime ?? '',
      completionDays: c.completionDays ?? null,
      cost: c.cost ?? '',
      products: c.products ?? [],
      facilities: c.facilities ?? [],
      officerCompetence: c.officerCompetence ?? [],
      internalSupervision: c.internalSupervision ?? '',
      complaintHandling: c.complaintHandling ?? '',
      numberOfOfficers: c.numberOfOfficers ?? null,
      serviceGuarantee: c.serviceGuarantee ?? '',
      securityGuarantee: c.securityGuarantee ?? '',
      performanceEvaluation: c.performanceEvaluation ?? '',
    },
    updatedAt: new Date(version.updatedAt).toISOString(),
    updatedBy: actorView(version.updatedBy),
    publishedAt: iso(version.publishedAt),
    publishedBy: actorView(version.publishedBy),
  };
}

function refOf(
  row: Pick<
    ServiceStandardRecord,
    '_id' | 'name' | 'category' | 'organizationCode' | 'organizationName' | 'listed'
  >,
): ServiceRef {
  return {
    id: row._id,
    name: row.name,
    category: row.category,
    organizationCode: row.organizationCode,
    organizationName: row.organizationName,
    published: row.listed,
  };
}

function publishedEvent(
  record: ServiceStandardRecord,
  published: StandardVersionRecord,
  caller: Principal,
): EventEnvelope<'surveys.standard.published'> {
  return createEvent(
    'surveys.standard.published',
    {
      standard: {
        id: record._id,
        name: published.name,
        category: published.category,
        organizationCode: record.organizationCode,
        organizationName: record.organizationName,
      },
      version: published.version,
      publishedBy: actorOf(caller),
    },
    {
      actor: eventActorOf(caller),
      subject: { type: 'ServiceStandard', id: record._id },
      org: record.organizationCode,
    },
  );
}
