import type { OrganizationDirectory } from '@sipadu/directory';
import { createEvent, type Outbox } from '@sipadu/events';
import { badInput, parseInput, type Principal } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { access, canEditOrganization } from '../access.js';
import type { ServicePledge, ServicePledgeVersion } from '../generated/graphql.js';
import {
  servicePledgeModel,
  type PledgeVersionRecord,
  type ServicePledgeModel,
  type ServicePledgeRecord,
} from '../models/service-pledge.model.js';
import {
  commitAtRevision,
  isDuplicateKey,
  retryAtRevision,
  updateAtRevision,
} from '@sipadu/events';
import { actorOf, eventActorOf, iso, ownerOrganization } from './service-standard.service.js';
import { pledgeInputSchema } from './standard-input.schema.js';

export const PLEDGE_CONFLICT_MESSAGE =
  'Maklumat pelayanan baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.';

const PROJECTION = { _pendingEvents: 0 } as const;

/**
 * Service pledges (*Maklumat Pelayanan*), one per organization: a draft its editors work on and
 * the published version the public reads. Publishing emits `surveys.pledge.published`.
 */
export class ServicePledgeService {
  readonly model: ServicePledgeModel;
  private readonly outbox: Outbox;
  private readonly organizations: OrganizationDirectory;

  constructor(deps: {
    connection: Connection;
    outbox: Outbox;
    organizations: OrganizationDirectory;
  }) {
    this.model = servicePledgeModel(deps.connection);
    this.outbox = deps.outbox;
    this.organizations = deps.organizations;
    this.organizations.onName((code, name) => this.renameOrganization(code, name));
  }

  get eventSources(): ServicePledgeModel[] {
    return [this.model];
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  count(): Promise<number> {
    return this.model.countDocuments({}).exec();
  }

  /**
   * The pledge of an organization: null when nothing is published and the caller does not edit
   * it; its editors also see the draft.
   */
  async get(principal: Principal | null, organizationCode: string): Promise<ServicePledge | null> {
    const record = await this.model
      .findById(organizationCode, PROJECTION)
      .lean<ServicePledgeRecord>()
      .exec();
    if (!record) return null;
    const editor = canEditOrganization(principal, organizationCode);
    if (!editor && !record.published) return null;
    return view(record, editor);
  }

  /** Saves the organization's draft pledge (made from the published one's successor number). */
  async saveDraft(
    principal: Principal | null,
    organizationCode: string,
    rawInput: unknown,
  ): Promise<ServicePledge> {
    const action = 'Mutation.saveServicePledgeDraft';
    const caller = access.require(principal, action);
    access.assert(caller, action, { organizationCode });
    const input = parseInput(pledgeInputSchema, rawInput);
    const organization = await ownerOrganization(this.organizations, organizationCode);
    const written = await retryAtRevision(async () => {
      const now = new Date();
      const current = await this.model
        .findById(organizationCode, PROJECTION)
        .lean<ServicePledgeRecord>()
        .exec();
      const draft: PledgeVersionRecord = {
        version: (current?.publishedVersions ?? 0) + 1,
        text: input.text,
        commitments: input.commitments,
        signatoryName: input.signatoryName,
        signatoryPosition: input.signatoryPosition,
        effectiveDate: input.effectiveDate,
        updatedAt: now,
        updatedBy: actorOf(caller),
        publishedAt: null,
        publishedBy: null,
      };
      if (!current) {
        try {
          const created = await this.model.create({
            _id: organizationCode,
            organizationName: organization.name,
            revision: 0,
            published: null,
            draft,
            publishedVersions: 0,
            createdAt: now,
            updatedAt: now,
          });
          return created.toObject<ServicePledgeRecord>();
        } catch (err) {
          // Another editor created it first: write over it at its revision.
          if (isDuplicateKey(err)) return null;
          throw err;
        }
      }
      return updateAtRevision(this.model, current, { $set: { draft, updatedAt: now } });
    }, PLEDGE_CONFLICT_MESSAGE);
    return view(written, true);
  }

  /** The draft becomes the published pledge. */
  async publish(principal: Principal | null, organizationCode: string): Promise<ServicePledge> {
    const action = 'Mutation.publishServicePledge';
    const caller = access.require(principal, action);
    access.assert(caller, action, { organizationCode });
    const written = await retryAtRevision(async () => {
      const current = await this.model
        .findById(organizationCode, PROJECTION)
        .lean<ServicePledgeRecord>()
        .exec();
      if (!current?.draft) throw badInput('Tidak ada draf maklumat pelayanan untuk diterbitkan.');
      const now = new Date();
      const version = current.publishedVersions + 1;
      const published: PledgeVersionRecord = {
        ...current.draft,
        version,
        publishedAt: now,
        publishedBy: actorOf(caller),
      };
      const event = createEvent(
        'surveys.pledge.published',
        {
          organizationCode,
          organizationName: current.organizationName,
          version,
          publishedBy: actorOf(caller),
        },
        {
          actor: eventActorOf(caller),
          subject: { type: 'ServicePledge', id: organizationCode },
          org: organizationCode,
        },
      );
      return commitAtRevision(this.model, this.outbox, current, [event], {
        $set: { published, draft: null, publishedVersions: version, updatedAt: now },
      });
    }, PLEDGE_CONFLICT_MESSAGE);
    return view(written, true);
  }

  /** Follows a (new) organization name; idempotent. */
  async renameOrganization(code: string, name: string): Promise<void> {
    await retryAtRevision(async () => {
      const current = await this.model
        .findById(code, PROJECTION)
        .lean<ServicePledgeRecord>()
        .exec();
      if (!current || current.organizationName === name) return true;
      const written = await updateAtRevision(this.model, current, {
        $set: { organizationName: name },
      });
      return written ? true : null;
    }, PLEDGE_CONFLICT_MESSAGE);
  }
}

function versionView(version: PledgeVersionRecord): ServicePledgeVersion {
  return {
    version: version.version,
    text: version.text,
    commitments: version.commitments ?? [],
    signatoryName: version.signatoryName,
    signatoryPosition: version.signatoryPosition,
    effectiveDate: version.effectiveDate,
    updatedAt: new Date(version.updatedAt).toISOString(),
    publishedAt: iso(version.publishedAt),
  };
}

function view(record: ServicePledgeRecord, editor: boolean): ServicePledge {
  return {
    organizationCode: record._id,
    organizationName: record.organizationName,
    published: record.published ? versionView(record.published) : null,
    draft: editor && record.draft ? versionView(record.draft) : null,
  };
}
