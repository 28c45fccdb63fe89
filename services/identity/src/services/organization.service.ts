import { randomUUID } from 'node:crypto';
import {
  actorOf,
  conflict,
  containsPattern,
  notFound,
  paginate,
  parseInput,
  type PageArgs,
  type Principal,
  type RequestLoaders,
} from '@sipadu/service-kit';
import { createEvent, eventsForInsert, withEvents, type Outbox } from '@sipadu/events';
import { z } from 'zod';
import { access } from '../access.js';
import {
  ORGANIZATION_KINDS,
  organizationSearchText,
  type OrganizationKind,
  type OrganizationModel,
  type OrganizationRecord,
} from '../models/organization.model.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `maksimal ${max} karakter`)
    .nullish()
    .transform((value) => (value ? value : null));

const coordinate = (limit: number, label: string) =>
  z
    .number({ error: `${label} harus berupa angka` })
    .min(-limit, `${label} harus antara -${limit} dan ${limit}`)
    .max(limit, `${label} harus antara -${limit} dan ${limit}`)
    .nullish();

const profileFieldsSchema = z.object({
  address: optionalText(500),
  phone: optionalText(40).refine(
    (v) => !v || /^[0-9+()\-\s]{5,40}$/.test(v),
    'nomor telepon tidak valid',
  ),
  email: optionalText(200).refine(
    (v) => !v || z.email().safeParse(v).success,
    'alamat email tidak valid',
  ),
  website: optionalText(300).refine(
    (v) => !v || /^https?:\/\/\S+$/.test(v),
    'alamat situs harus diawali http:// atau https://',
  ),
  headName: optionalText(200),
  headPosition: optionalText(200),
  legalBasis: z
    .array(z.string().trim().min(1, 'dasar hukum tidak boleh kosong').max(500))
    .max(50)
    .nullish(),
  tasksAndFunctions: optionalText(10_000),
  openingHours: z
    .array(
      z.object({
        days: z.string().trim().min(1, 'hari wajib diisi').max(100),
        hours: z.string().trim().min(1, 'jam wajib diisi').max(100),
      }),
    )
    .max(14)
    .nullish(),
  latitude: coordinate(90, 'lintang'),
  longitude: coordinate(180, 'bujur'),
});

// A point needs both: one without the other would put the office on a wrong spot of the map.
const profileInputSchema = profileFieldsSchema.refine(
  (profile) =>
    (profile.latitude === undefined) === (profile.longitude === undefined) &&
    (profile.latitude == null) === (profile.longitude == null),
  {
    path: ['latitude'],
    message: 'lintang dan bujur kantor harus diisi keduanya atau dikosongkan keduanya',
  },
);

const organizationInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Z0-9][A-Z0-9-]{1,39}$/,
      'kode hanya huruf kapital, angka dan tanda hubung (2–40 karakter)',
    ),
  name: z.string().trim().min(3, 'nama minimal 3 karakter').max(200),
  kind: z.enum(ORGANIZATION_KINDS),
  // Blank means "no parent" (an empty code would also break the event's payload contract).
  parentCode: z
    .string()
    .trim()
    .nullish()
    .transform((code) => code || null),
});

export class OrganizationService {
  constructor(
    private readonly organizations: OrganizationModel,
    private readonly outbox: Outbox,
  ) {}

  list(filter: { kind?: OrganizationKind | null; search?: string | null }, page: PageArgs) {
    const query: Record<string, unknown> = {};
    if (filter.kind) query.kind = filter.kind;
    if (filter.search?.trim()) query.searchText = { $regex: containsPattern(filter.search) };
    return paginate(this.organizations, query, page, 'name');
  }

  async byCode(code: string): Promise<OrganizationRecord | null> {
    return this.organizations.findOne({ code }).lean<OrganizationRecord>().exec();
  }

  /** Batched by request: N references to organizations cost one query. */
  byId(loaders: RequestLoaders, id: string) {
    return loaders
      .get<OrganizationRecord>(
        'Organization.id',
        (ids) =>
          this.organizations
            .find({ _id: { $in: [...ids] } })
            .lean<OrganizationRecord[]>()
            .exec(),
        (org) => org._id,
      )
      .load(id);
  }

  byCodeBatched(loaders: RequestLoaders, code: string) {
    return loaders
      .get<OrganizationRecord>(
        'Organization.code',
        (codes) =>
          this.organizations
            .find({ code: { $in: [...codes] } })
            .lean<OrganizationRecord[]>()
            .exec(),
        (org) => org.code,
      )
      .load(code);
  }

  children(code: string): Promise<OrganizationRecord[]> {
    return this.organizations
      .find({ parentCode: code })
      .sort({ name: 1 })
      .lean<OrganizationRecord[]>()
      .exec();
  }

  async create(principal: Principal | null, input: unknown): Promise<OrganizationRecord> {
    const actor = access.require(principal, 'Mutation.createOrganization');
    const data = parseInput(organizationInputSchema, input);
    if (await this.organizations.exists({ code: data.code })) {
      throw conflict(`Kode organisasi ${data.code} sudah dipakai.`);
    }
    if (data.parentCode && !(await this.organizations.exists({ code: data.parentCode }))) {
      throw notFound(`Organisasi induk ${data.parentCode} tidak ditemukan.`);
    }
    const id = randomUUID();
    const event = createEvent(
      'identity.organization.created',
      {
        organizationCode: data.code,
        name: data.name,
        kind: data.kind,
        parentCode: data.parentCode ?? null,
      },
      { actor: actorOf(actor), subject: { type: 'organization', id }, org: data.code },
    );
    const created = await this.organizations.create({
      _id: id,
      code: data.code,
      name: data.name,
      kind: data.kind,
      parentCode: data.parentCode ?? null,
      searchText: organizationSearchText(data.code, data.name),
      ...eventsForInsert([event]),
    });
    await this.outbox.flush(this.organizations, id);
    return created.toObject();
  }

  async updateProfile(
    principal: Principal | null,
    code: string,
    input: unknown,
  ): Promise<OrganizationRecord> {
    const current = await this.byCode(code);
    if (!current) throw notFound(`Organisasi ${code} tidak ditemukan.`);
    const actor = access.require(principal, 'Mutation.updateOrganizationProfile', {
      organizationCode: code,
    });
    const data = parseInput(profileInputSchema, input);
    const set: Record<string, unknown> = { 'profile.updatedAt': new Date() };
    const fields: string[] = [];
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      set[`profile.${key}`] = value ?? (key === 'legalBasis' || key === 'openingHours' ? [] : null);
      fields.push(key);
    }
    if (fields.length === 0) return current;
    const event = createEvent(
      'identity.organization.profileUpdated',
      { organizationCode: code, fields },
      { actor: actorOf(actor), subject: { type: 'organization', id: current._id }, org: code },
    );
    // Optimistic concurrency: a concurrent edit of the same profile makes this one retry-able.
    const updated = await this.organizations
      .findOneAndUpdate(
        { _id: current._id, version: current.version },
        withEvents([event], { $set: set, $inc: { version: 1 } }),
        { returnDocument: 'after' },
      )
      .lean<OrganizationRecord>()
      .exec();
    if (!updated)
      throw conflict('Profil baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.');
    await this.outbox.flush(this.organizations, current._id);
    return updated;
  }
}
