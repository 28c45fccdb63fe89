import { notFound, parseInput, type Principal } from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import type { OrganizationModel } from '../models/organization.model.js';
import type { PublicOfficerModel, PublicOfficerRecord } from '../models/public-officer.model.js';

const officerInputSchema = z.object({
  name: z.string().trim().min(3, 'nama minimal 3 karakter').max(200),
  position: z.string().trim().min(2, 'jabatan wajib diisi').max(200),
  competence: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((value) => value || null),
  published: z.boolean(),
});

export class PublicOfficerService {
  constructor(
    private readonly officers: PublicOfficerModel,
    private readonly organizations: OrganizationModel,
  ) {}

  /** Published profiles for everyone; drafts too for the agency's own administrators. */
  forOrganization(
    principal: Principal | null,
    organizationCode: string,
  ): Promise<PublicOfficerRecord[]> {
    const seesDrafts = access.allows(principal, 'Organization.unpublishedOfficers', {
      organizationCode,
    });
    const filter = seesDrafts ? { organizationCode } : { organizationCode, published: true };
    return this.officers.find(filter).sort({ name: 1 }).lean<PublicOfficerRecord[]>().exec();
  }

  /** A reference from another service resolves only to what the caller may see. */
  async visibleById(principal: Principal | null, id: string): Promise<PublicOfficerRecord | null> {
    const officer = await this.officers.findById(id).lean<PublicOfficerRecord>().exec();
    if (!officer) return null;
    if (officer.published) return officer;
    const allowed = access.allows(principal, 'Organization.unpublishedOfficers', {
      organizationCode: officer.organizationCode,
    });
    return allowed ? officer : null;
  }

  async save(
    principal: Principal | null,
    organizationCode: string,
    id: string | null | undefined,
    input: unknown,
  ) {
    access.require(principal, 'Mutation.savePublicOfficer', { organizationCode });
    if (!(await this.organizations.exists({ code: organizationCode }))) {
      throw notFound(`Organisasi ${organizationCode} tidak ditemukan.`);
    }
    const data = parseInput(officerInputSchema, input);
    if (!id) return (await this.officers.create({ organizationCode, ...data })).toObject();
    const updated = await this.officers
      .findOneAndUpdate({ _id: id, organizationCode }, { $set: data }, { returnDocument: 'after' })
      .lean<PublicOfficerRecord>()
      .exec();
    if (!updated) throw notFound('Profil pelaksana tidak ditemukan.');
    return updated;
  }

  async remove(principal: Principal | null, id: string): Promise<boolean> {
    const officer = await this.officers.findById(id).lean<PublicOfficerRecord>().exec();
    if (!officer) throw notFound('Profil pelaksana tidak ditemukan.');
    access.require(principal, 'Mutation.removePublicOfficer', {
      organizationCode: officer.organizationCode,
    });
    await this.officers.deleteOne({ _id: id }).exec();
    return true;
  }
}
