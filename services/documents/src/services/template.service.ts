import { badInput, forbidden, parseInput, type Principal } from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import type { TemplateModel, TemplateRecord } from '../models/template.model.js';
import { organizationCode } from './input-schemas.js';

const templateSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, 'Kode templat: huruf besar, angka, - atau _.'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2_000).nullish(),
  reviewerOrganizationCodes: z.array(organizationCode).min(1).max(5),
  items: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(300),
        description: z.string().trim().max(2_000).nullish(),
        group: z.string().trim().max(100).nullish(),
      }),
    )
    .min(1, 'Templat memerlukan minimal satu butir.')
    .max(200),
});

export type TemplateInput = z.input<typeof templateSchema>;

/** Reusable requirement lists, e.g. a lender's standard disbursement list. */
export class TemplateService {
  constructor(private readonly templates: TemplateModel) {}

  list(principal: Principal | null): Promise<TemplateRecord[]> {
    access.require(principal, 'Query.requirementTemplates');
    return this.templates.find().sort({ name: 1 }).lean<TemplateRecord[]>().exec();
  }

  byId(id: string): Promise<TemplateRecord | null> {
    return this.templates.findById(id).lean<TemplateRecord>().exec();
  }

  /** Creates or replaces a template by code; only its owning organization may replace it. */
  async save(principal: Principal | null, input: unknown): Promise<TemplateRecord> {
    const caller = access.require(principal, 'Mutation.saveRequirementTemplate');
    const data = parseInput(templateSchema, input);
    const owner = caller.organizationCode;
    if (!owner) throw badInput('Pengguna tanpa organisasi tidak dapat menyimpan templat.');
    return this.upsert(owner, data, caller.roles.includes('super-admin'));
  }

  /**
   * Standard lists shipped with SIPADU: inserted when their code is missing, never overwriting
   * what the owning organization has since edited.
   */
  async seed(owner: string, input: TemplateInput): Promise<boolean> {
    if (await this.templates.exists({ code: input.code })) return false;
    await this.upsert(owner, input, true);
    return true;
  }

  /** One write per template, keyed by its code. */
  private async upsert(
    owner: string,
    input: TemplateInput,
    anyOwner: boolean,
  ): Promise<TemplateRecord> {
    const data = parseInput(templateSchema, input);
    const existing = await this.templates.findOne({ code: data.code }).lean<TemplateRecord>();
    if (existing && !anyOwner && existing.ownerOrganizationCode !== owner) {
      throw forbidden('Templat ini milik organisasi lain.');
    }
    const fields = {
      name: data.name,
      description: data.description ?? null,
      reviewerOrganizationCodes: data.reviewerOrganizationCodes,
      items: data.items.map((item) => ({
        title: item.title,
        description: item.description ?? null,
        group: item.group ?? null,
      })),
    };
    const saved = await this.templates
      .findOneAndUpdate(
        { code: data.code },
        {
          $set: fields,
          $setOnInsert: { ownerOrganizationCode: existing?.ownerOrganizationCode ?? owner },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<TemplateRecord>()
      .exec();
    return saved as TemplateRecord;
  }
}
