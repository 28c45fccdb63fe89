import { parseInput } from '@sipadu/service-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import { z } from 'zod';
import type {
  Consultation,
  MutationAcknowledgeConsultationArgs,
  MutationDeliverConsultationAnswerArgs,
  MutationDraftConsultationAnswerArgs,
  MutationProvideConsultationInformationArgs,
  MutationRequestConsultationInformationArgs,
  MutationReviewConsultationAnswerArgs,
  MutationRouteConsultationArgs,
  SubmitConsultationInput,
} from '../generated/graphql.js';
import type { CaseRecord, ConsultationFields } from '../models/case.model.js';
import {
  consultationWorkflow,
  type ConsultationStatus,
  type ConsultationTransition,
} from '../workflows/consultation.workflow.js';
import {
  StaffCaseService,
  attachmentsField,
  callerPerson,
  commonView,
  decisionField,
  routeInputSchema,
  recorded,
  requireRole,
  requireStaffOrganization,
  staffMemberView,
  stepInputSchema,
  text,
  type CaseWriteOptions,
  type StaffCaseServiceOptions,
} from './staff-case.support.js';

/** From delivery on the unit reads the answer; before, only its handlers see the draft. */
const ANSWER_DELIVERED: readonly string[] = ['DELIVERED', 'ACKNOWLEDGED'];

const submitSchema = z.object({
  topic: text('Topik', 5, 200),
  detail: text('Uraian', 10, 5000),
  attachmentFileIds: attachmentsField,
});
const informationSchema = stepInputSchema.extend({ attachmentFileIds: attachmentsField });
const draftSchema = informationSchema.extend({ answer: text('Jawaban', 10, 10_000) });
const reviewSchema = stepInputSchema.extend({ decision: decisionField });

/**
 * Konsultasi (SI-KIMR): the unit's questions, routed by super-admin to a consultation officer,
 * answered after the kasubdit of the officer's organization verified the answer.
 */
export class ConsultationService extends StaffCaseService<Consultation, ConsultationTransition> {
  constructor(options: StaffCaseServiceOptions) {
    super(
      options,
      'CONSULTATION',
      Object.keys(consultationWorkflow.states) as [ConsultationStatus, ...ConsultationStatus[]],
    );
  }

  /** unit-kerja asks; the consultation belongs to the unit's organization. */
  async submit(
    principal: WorkflowPrincipal,
    args: SubmitConsultationInput,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    requireRole(principal, 'unit-kerja', 'mengajukan konsultasi');
    const organizationCode = requireStaffOrganization(principal, 'mengajukan konsultasi');
    const input = parseInput(submitSchema, args);
    const consultation: ConsultationFields = {
      topic: input.topic,
      detail: input.detail,
      answer: null,
      returnNote: null,
      returnCount: 0,
    };
    const record = await this.engine.create({
      flow: 'CONSULTATION',
      principal,
      title: input.topic,
      organizationCode,
      organizationName: await this.organizations.name(organizationCode),
      requester: await callerPerson(this.staff, principal),
      attachmentFileIds: input.attachmentFileIds,
      fields: { consultation },
      now: options.now,
    });
    return this.view(principal, record);
  }

  /** super-admin routes (or re-routes) to a consultation officer, whose kasubdit will verify. */
  async route(
    principal: WorkflowPrincipal,
    args: MutationRouteConsultationArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    return this.routeTo(
      principal,
      parseInput(routeInputSchema, args),
      'petugas-konsultasi',
      options,
    );
  }

  /** The officer asks the unit for more information; the clock stops until it answers. */
  async requestInformation(
    principal: WorkflowPrincipal,
    args: MutationRequestConsultationInformationArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    return this.step(principal, parseInput(stepInputSchema, args), 'requestInformation', options);
  }

  async provideInformation(
    principal: WorkflowPrincipal,
    args: MutationProvideConsultationInformationArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    const input = parseInput(informationSchema, args);
    return this.step(principal, input, 'provideInformation', options, {
      attachmentFileIds: input.attachmentFileIds,
    });
  }

  /** The officer sends the (corrected) answer to the kasubdit. */
  async draftAnswer(
    principal: WorkflowPrincipal,
    args: MutationDraftConsultationAnswerArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    const input = parseInput(draftSchema, args);
    return this.step(principal, input, 'submitDraft', options, {
      data: { answer: input.answer },
      attachmentFileIds: input.attachmentFileIds,
      set: () => ({ 'consultation.answer': input.answer }),
    });
  }

  /** The kasubdit approves the answer, or returns it with a note (counted). */
  async review(
    principal: WorkflowPrincipal,
    args: MutationReviewConsultationAnswerArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    const input = parseInput(reviewSchema, args);
    if (input.decision === 'APPROVE') return this.step(principal, input, 'approve', options);
    return this.step(principal, input, 'return', options, {
      set: (record) => ({
        'consultation.returnNote': input.note,
        'consultation.returnCount': (record.consultation?.returnCount ?? 0) + 1,
      }),
    });
  }

  async deliver(
    principal: WorkflowPrincipal,
    args: MutationDeliverConsultationAnswerArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    return this.step(principal, parseInput(stepInputSchema, args), 'deliver', options);
  }

  /** The unit accepts the answer: the consultation is done and the officer earns points. */
  async acknowledge(
    principal: WorkflowPrincipal,
    args: MutationAcknowledgeConsultationArgs,
    options: CaseWriteOptions = {},
  ): Promise<Consultation> {
    return this.step(principal, parseInput(stepInputSchema, args), 'acknowledge', options);
  }

  protected toView(
    principal: WorkflowPrincipal,
    record: CaseRecord,
    names: Map<string, string>,
  ): Consultation {
    const fields = record.consultation as ConsultationFields;
    const showAnswer = ANSWER_DELIVERED.includes(record.state) || handles(principal, record);
    return {
      ...commonView(this.engine, record, principal, names),
      topic: fields.topic,
      detail: fields.detail,
      status: record.state as ConsultationStatus,
      requester: staffMemberView(recorded(record.requester, record, 'requester'), names),
      officer: record.assignee ? staffMemberView(record.assignee, names) : null,
      handlerOrganizationCode: record.handlerOrganizationCode ?? null,
      answer: showAnswer ? (fields.answer ?? null) : null,
      returnNote: fields.returnNote ?? null,
      returnCount: fields.returnCount ?? 0,
    };
  }
}

/**
 * Handlers see the answer while it is drafted and verified: super-admin, the assigned officer,
 * the kasubdit and direktur of the handling organization.
 */
function handles(principal: WorkflowPrincipal, record: CaseRecord): boolean {
  if (principal.roles.includes('super-admin')) return true;
  if (record.assigneeId && record.assigneeId === principal.id) return true;
  return (
    (principal.roles.includes('kasubdit') || principal.roles.includes('direktur')) &&
    principal.organizationCode !== null &&
    principal.organizationCode === record.handlerOrganizationCode
  );
}
