import { randomUUID } from 'node:crypto';
import { createEvent, eventsForInsert, withEvents, type Outbox } from '@sipadu/events';
import {
  actorOf,
  badInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  parseInput,
  type PageArgs,
  type Principal,
} from '@sipadu/service-kit';
import { applyTransition, type AvailableTransition } from '@sipadu/workflow';
import { z } from 'zod';
import { access, canReadRequirement } from '../access.js';
import { LOAN_PROJECT } from '../resolvers/loan-project.resolver.js';
import { actorOf as auditActorOf, type AuditLog } from '../audit/audit-log.js';
import { CONFIDENTIALITIES } from '../models/document.model.js';
import type { RequirementModel, RequirementRecord } from '../models/requirement.model.js';
import type { TemplateRecord } from '../models/template.model.js';
import {
  currentReviewer,
  interpretation,
  isOverdue,
  requirementActions,
} from '../workflows/requirement-rules.js';
import {
  REQUIREMENT_EVENT_TYPES,
  requirementWorkflow,
  type RequirementState,
  type RequirementTransition,
} from '../workflows/requirement.workflow.js';
import { actorRecord, groupBySubject, type DocumentService } from './document.service.js';
import { organizationCode, subjectSchema } from './input-schemas.js';
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Tanggal tidak valid.');
const reviewers = z
  .array(organizationCode)
  .min(1, 'Sebutkan minimal satu organisasi pemverifikasi.')
  .max(5)
  .refine((codes) => new Set(codes).size === codes.length, 'Organisasi pemverifikasi berulang.');

const createSchema = z.object({
  subject: subjectSchema,
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(2_000).nullish(),
  group: z.string().trim().max(100).nullish(),
  dueDate: isoDate.nullish(),
  uploaderOrganizationCode: organizationCode,
  reviewerOrganizationCodes: reviewers,
  confidentiality: z.enum(CONFIDENTIALITIES).default('TERBATAS'),
});

const applySchema = z.object({
  templateId: z.string().min(1),
  subject: subjectSchema,
  uploaderOrganizationCode: organizationCode,
  reviewerOrganizationCodes: reviewers.nullish(),
  dueDate: isoDate.nullish(),
  group: z.string().trim().max(100).nullish(),
});

const STATES: readonly RequirementState[] = [
  'REQUESTED',
  'SUBMITTED',
  'UNDER_REVIEW',
  'REVISION_REQUESTED',
  'APPROVED',
  'WAIVED',
];

/** Requirement checklists (persyaratan dokumen) and their review workflow. */
export class RequirementService {
  constructor(
    private readonly requirements: RequirementModel,
    private readonly documents: DocumentService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly timeZone: string,
  ) {}

  async get(principal: Principal | null, id: string): Promise<RequirementRecord | null> {
    access.require(principal, 'Query.requirement');
    const requirement = await this.requirements.findById(id).lean<RequirementRecord>().exec();
    if (!requirement) return null;
    if (!canReadRequirement(principal, requirement)) {
      throw forbidden('Anda tidak terlibat dalam persyaratan ini.');
    }
    return requirement;
  }

  async forSubject(
    principal: Principal | null,
    subject: { type: string; id: string },
  ): Promise<RequirementRecord[]> {
    access.require(principal, 'Query.requirements');
    const parsed = parseInput(subjectSchema, subject);
    const rows = await this.requirements
      .find({ 'subject.type': parsed.type, 'subject.id': parsed.id })
      .sort({ position: 1, createdAt: 1 })
      .lean<RequirementRecord[]>()
      .exec();
    return rows.filter((row) => canReadRequirement(principal, row));
  }

  /**
   * Requirements of many subjects of one type in one query (federated `LoanProject.requirements`),
   * each subject's in checklist order, only those the caller takes part in or oversees.
   */
  async forSubjects(
    principal: Principal | null,
    type: string,
    ids: readonly string[],
  ): Promise<Map<string, RequirementRecord[]>> {
    access.require(principal, 'Query.requirements');
    const subjects = ids.map((id) => parseInput(subjectSchema, { type, id }));
    const rows = await this.requirements
      .find({
        'subject.type': type,
        'subject.id': { $in: [...new Set(subjects.map((subject) => subject.id))] },
      })
      .sort({ position: 1, createdAt: 1 })
      .lean<RequirementRecord[]>()
      .exec();
    return groupBySubject(
      ids,
      rows.filter((row) => canReadRequirement(principal, row)),
    );
  }

  /** Requirements the caller's organization requests, uploads or reviews. */
  mine(
    principal: Principal | null,
    states: readonly RequirementState[] | null | undefined,
    page: PageArgs,
  ) {
    const caller = access.require(principal, 'Query.myRequirements');
    const org = caller.organizationCode;
    if (!org) throw badInput('Pengguna tanpa organisasi tidak memiliki persyaratan.');
    const filter: Record<string, unknown> = {
      $or: [
        { uploaderOrganizationCode: org },
        { reviewerOrganizationCodes: org },
        { requesterOrganizationCode: org },
      ],
    };
    if (states?.length) filter.state = { $in: states.filter((s) => STATES.includes(s)) };
    return paginate(this.requirements, filter, page, 'createdAt');
  }

  async create(principal: Principal | null, input: unknown): Promise<RequirementRecord> {
    const caller = access.require(principal, 'Mutation.createRequirement');
    const data = parseInput(createSchema, input);
    this.assertMayRequest(caller, data.subject);
    const requester = this.requesterOf(caller);
    const position = await this.requirements.countDocuments({
      'subject.type': data.subject.type,
      'subject.id': data.subject.id,
    });
    const [created] = await this.insert(caller, requester, [
      { ...data, position, templateId: null },
    ]);
    return created as RequirementRecord;
  }

  async createFromTemplate(
    principal: Principal | null,
    input: unknown,
    template: (id: string) => Promise<TemplateRecord | null>,
  ): Promise<RequirementRecord[]> {
    const caller = access.require(principal, 'Mutation.createRequirementsFromTemplate');
    const data = parseInput(applySchema, input);
    this.assertMayRequest(caller, data.subject);
    const found = await template(data.templateId);
    if (!found) throw notFound('Templat persyaratan tidak ditemukan.');
    if (found.items.length === 0) throw badInput('Templat ini belum memiliki butir persyaratan.');
    const requester = this.requesterOf(caller);
    const existing = await this.requirements
      .find(
        { 'subject.type': data.subject.type, 'subject.id': data.subject.id },
        { title: 1, group: 1, templateId: 1 },
      )
      .lean<Pick<RequirementRecord, 'title' | 'group' | 'templateId'>[]>();
    const group = (item: TemplateRecord['items'][number]) => data.group ?? item.group ?? null;
    // Applying the same template twice to the same group must not double the checklist.
    const duplicate = found.items.find((item) =>
      existing.some(
        (row) =>
          row.templateId === found._id && row.title === item.title && row.group === group(item),
      ),
    );
    if (duplicate) {
      throw conflict(`Templat ini sudah diterapkan pada subjek ini ("${duplicate.title}").`);
    }
    return this.insert(
      caller,
      requester,
      found.items.map((item, index) => ({
        subject: data.subject,
        title: item.title,
        description: item.description,
        group: group(item),
        dueDate: data.dueDate ?? null,
        uploaderOrganizationCode: data.uploaderOrganizationCode,
        reviewerOrganizationCodes:
          data.reviewerOrganizationCodes ?? found.reviewerOrganizationCodes,
        confidentiality: 'TERBATAS' as const,
        position: existing.length + index,
        templateId: found._id,
      })),
    );
  }

  async submit(
    principal: Principal | null,
    id: string,
    fileId: string,
    note: string | null | undefined,
  ): Promise<RequirementRecord> {
    const { caller, requirement } = await this.load(principal, id);
    // Workflow checks come before the file is claimed, so a refused submission leaves it free.
    applyTransition(
      requirementWorkflow,
      requirement,
      'submit',
      caller,
      {
        note,
        data: { fileId },
      },
      interpretation,
    );
    let documentVersion: number;
    let documentId = requirement.documentId;
    if (!documentId) {
      documentId = randomUUID();
      await this.documents.createForRequirement(caller, {
        id: documentId,
        requirementId: requirement._id,
        title: requirement.title,
        subject: requirement.subject,
        organizationCode: requirement.uploaderOrganizationCode,
        relatedOrganizationCodes: [
          ...new Set([
            requirement.requesterOrganizationCode,
            ...requirement.reviewerOrganizationCodes,
          ]),
        ],
        confidentiality: requirement.confidentiality,
        fileId,
        note,
      });
      documentVersion = 1;
    } else {
      const doc = await this.documents.require(caller, documentId);
      const updated = await this.documents.appendVersion(caller, doc, fileId, note);
      documentVersion = updated.versions.length;
    }
    return this.transition(caller, requirement, 'submit', note, {
      set: { documentId, reviewIndex: 0 },
      data: { fileId },
      documentVersion,
    });
  }

  async forward(principal: Principal | null, id: string, note: string | null | undefined) {
    const { caller, requirement } = await this.load(principal, id);
    return this.transition(caller, requirement, 'forward', note, {
      set: { reviewIndex: requirement.reviewIndex + 1 },
    });
  }

  async review(
    principal: Principal | null,
    id: string,
    decision: 'APPROVE' | 'REQUEST_REVISION',
    message: string | null | undefined,
  ) {
    const { caller, requirement } = await this.load(principal, id);
    const name: RequirementTransition = decision === 'APPROVE' ? 'approve' : 'requestRevision';
    const updated = await this.transition(caller, requirement, name, message, {});
    await this.audit.append({
      action: 'REVIEW',
      actor: auditActorOf(caller),
      targetType: 'requirement',
      targetId: id,
      organizationCode: caller.organizationCode,
      detail: `${decision === 'APPROVE' ? 'disetujui' : 'diminta perbaikan'}${message?.trim() ? `: ${message.trim()}` : ''}`,
    });
    return updated;
  }

  async waive(principal: Principal | null, id: string, reason: string) {
    const { caller, requirement } = await this.load(principal, id);
    return this.transition(caller, requirement, 'waive', reason, {});
  }

  actionsFor(principal: Principal | null, requirement: RequirementRecord): AvailableTransition[] {
    return requirementActions(principal, requirement);
  }

  overdue(requirement: RequirementRecord): boolean {
    return isOverdue(requirement, this.timeZone);
  }

  private assertMayRequest(caller: Principal, subject: { type: string }) {
    if (subject.type === LOAN_PROJECT) access.require(caller, 'Requirement.onLoanProject');
  }

  private requesterOf(caller: Principal): string {
    if (!caller.organizationCode) {
      throw badInput('Pengguna tanpa organisasi tidak dapat meminta dokumen.');
    }
    return caller.organizationCode;
  }

  private async load(principal: Principal | null, id: string) {
    const requirement = await this.get(principal, id);
    if (!requirement) throw notFound('Persyaratan dokumen tidak ditemukan.');
    return { caller: principal as Principal, requirement };
  }

  private async insert(
    caller: Principal,
    requester: string,
    rows: (z.infer<typeof createSchema> & { position: number; templateId: string | null })[],
  ): Promise<RequirementRecord[]> {
    const docs = rows.map((row) => {
      const id = randomUUID();
      const event = createEvent(
        'documents.requirement.created',
        {
          requirementId: id,
          title: row.title,
          subject: row.subject,
          group: row.group ?? null,
          uploaderOrganizationCode: row.uploaderOrganizationCode,
          reviewerOrganizationCodes: row.reviewerOrganizationCodes,
          requesterOrganizationCode: requester,
          dueDate: row.dueDate ?? null,
          templateId: row.templateId,
        },
        { actor: actorOf(caller), subject: { type: 'requirement', id }, org: requester },
      );
      return {
        _id: id,
        subject: row.subject,
        title: row.title,
        description: row.description ?? null,
        group: row.group ?? null,
        dueDate: row.dueDate ?? null,
        requesterOrganizationCode: requester,
        uploaderOrganizationCode: row.uploaderOrganizationCode,
        reviewerOrganizationCodes: row.reviewerOrganizationCodes,
        reviewIndex: 0,
        state: requirementWorkflow.initial,
        documentId: null,
        confidentiality: row.confidentiality,
        history: [],
        templateId: row.templateId,
        position: row.position,
        createdBy: actorRecord(caller),
        ...eventsForInsert([event]),
      };
    });
    // One insert per row keeps each requirement and its event in one single-document write.
    const created: RequirementRecord[] = [];
    for (const doc of docs) {
      created.push((await this.requirements.create(doc)).toObject());
      await this.outbox.flush(this.requirements, doc._id);
    }
    return created;
  }

  private async transition(
    caller: Principal,
    requirement: RequirementRecord,
    name: RequirementTransition,
    note: string | null | undefined,
    extra: {
      set?: Partial<RequirementRecord>;
      data?: Record<string, unknown>;
      documentVersion?: number;
    },
  ): Promise<RequirementRecord> {
    const { to, entry } = applyTransition(
      requirementWorkflow,
      requirement,
      name,
      caller,
      { note, data: extra.data ?? {} },
      interpretation,
    );
    const next: RequirementRecord = { ...requirement, ...extra.set, state: to };
    const history = { ...entry, documentVersion: extra.documentVersion ?? null };
    const event = createEvent(
      REQUIREMENT_EVENT_TYPES[name],
      {
        workflow: 'document-requirement',
        subjectId: requirement._id,
        transition: entry.transition,
        from: entry.from,
        to: entry.to,
        actor: entry.actor,
        at: entry.at.toISOString(),
        note: entry.note,
        requirement: {
          title: requirement.title,
          subject: requirement.subject,
          group: requirement.group,
          uploaderOrganizationCode: requirement.uploaderOrganizationCode,
          reviewerOrganizationCodes: requirement.reviewerOrganizationCodes,
          requesterOrganizationCode: requirement.requesterOrganizationCode,
          currentReviewerOrganizationCode: currentReviewer(next),
          documentId: next.documentId,
          documentVersion: extra.documentVersion ?? null,
          dueDate: requirement.dueDate,
        },
      },
      {
        actor: actorOf(caller),
        subject: { type: 'requirement', id: requirement._id },
        org: requirement.requesterOrganizationCode,
      },
    );
    const updated = await this.requirements
      .findOneAndUpdate(
        { _id: requirement._id, revision: requirement.revision },
        withEvents([event], {
          $set: { ...extra.set, state: to },
          $push: { history },
          $inc: { revision: 1 },
        }),
        { returnDocument: 'after' },
      )
      .lean<RequirementRecord>()
      .exec();
    if (!updated) {
      throw conflict('Persyaratan baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.');
    }
    await this.outbox.flush(this.requirements, requirement._id);
    return updated;
  }
}
