import { badInput, parseInput } from '@sipadu/service-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import { z } from 'zod';
import type {
  CreateWorkItemInput,
  MutationAcceptWorkItemArgs,
  MutationCancelWorkItemArgs,
  MutationSubmitWorkResultArgs,
  MutationVerifyWorkItemArgs,
  WorkItem,
} from '../generated/graphql.js';
import type { CaseRecord, WorkItemFields } from '../models/case.model.js';
import {
  workItemWorkflow,
  type WorkItemStatus,
  type WorkItemTransition,
} from '../workflows/work-item.workflow.js';
import {
  StaffCaseService,
  attachmentsField,
  callerPerson,
  commonView,
  decisionField,
  personIdField,
  personOf,
  recorded,
  requireRole,
  requireStaffOrganization,
  staffMemberView,
  stepInputSchema,
  text,
  type CaseWriteOptions,
  type StaffCaseServiceOptions,
} from './staff-case.support.js';

const createSchema = z.object({
  title: text('Judul pekerjaan', 5, 200),
  description: text('Uraian pekerjaan', 10, 5000),
  assigneeId: personIdField('Petugas'),
  attachmentFileIds: attachmentsField,
});
const resultSchema = stepInputSchema.extend({
  result: text('Hasil pekerjaan', 10, 10_000),
  attachmentFileIds: attachmentsField,
});
const verifySchema = stepInputSchema.extend({ decision: decisionField });

/**
 * Pekerjaan internal (workspace): pemberi-tugas assigns work to an employee of the organization,
 * super-admin verifies the reported result.
 */
export class WorkItemService extends StaffCaseService<WorkItem, WorkItemTransition> {
  constructor(options: StaffCaseServiceOptions) {
    super(
      options,
      'WORK_ITEM',
      Object.keys(workItemWorkflow.states) as [WorkItemStatus, ...WorkItemStatus[]],
    );
  }

  /** pemberi-tugas assigns work to an active employee of the same organization. */
  async create(
    principal: WorkflowPrincipal,
    args: CreateWorkItemInput,
    options: CaseWriteOptions = {},
  ): Promise<WorkItem> {
    requireRole(principal, 'pemberi-tugas', 'membuat pekerjaan');
    const organizationCode = requireStaffOrganization(principal, 'membuat pekerjaan');
    const input = parseInput(createSchema, args);
    if (input.assigneeId === principal.id) {
      throw badInput('Pekerjaan tidak dapat ditugaskan kepada diri sendiri.', {
        fields: ['assigneeId'],
      });
    }
    const assignee = await this.staff.get(input.assigneeId);
    if (!assignee || !assignee.active || assignee.organizationCode !== organizationCode) {
      throw badInput('Petugas tidak ditemukan atau bukan pegawai aktif organisasi Anda.', {
        fields: ['assigneeId'],
      });
    }
    const workItem: WorkItemFields = {
      description: input.description,
      result: null,
      returnNote: null,
      returnCount: 0,
    };
    const record = await this.engine.create({
      flow: 'WORK_ITEM',
      principal,
      title: input.title,
      organizationCode,
      organizationName: await this.organizations.name(organizationCode),
      requester: await callerPerson(this.staff, principal),
      assignee: personOf(assignee),
      handlerOrganizationCode: organizationCode,
      attachmentFileIds: input.attachmentFileIds,
      fields: { workItem },
      now: options.now,
    });
    return this.view(principal, record);
  }

  async accept(
    principal: WorkflowPrincipal,
    args: MutationAcceptWorkItemArgs,
    options: CaseWriteOptions = {},
  ): Promise<WorkItem> {
    return this.step(principal, parseInput(stepInputSchema, args), 'accept', options);
  }

  /** The assignee reports the (corrected) result for verification. */
  async submitResult(
    principal: WorkflowPrincipal,
    args: MutationSubmitWorkResultArgs,
    options: CaseWriteOptions = {},
  ): Promise<WorkItem> {
    const input = parseInput(resultSchema, args);
    return this.step(principal, input, 'submitResult', options, {
      data: { result: input.result },
      attachmentFileIds: input.attachmentFileIds,
      set: () => ({ 'workItem.result': input.result }),
    });
  }

  /** super-admin accepts the result (the officer earns points) or returns it with a note. */
  async verify(
    principal: WorkflowPrincipal,
    args: MutationVerifyWorkItemArgs,
    options: CaseWriteOptions = {},
  ): Promise<WorkItem> {
    const input = parseInput(verifySchema, args);
    if (input.decision === 'APPROVE') return this.step(principal, input, 'approve', options);
    return this.step(principal, input, 'return', options, {
      set: (record) => ({
        'workItem.returnNote': input.note,
        'workItem.returnCount': (record.workItem?.returnCount ?? 0) + 1,
      }),
    });
  }

  /** The assigner withdraws work not yet reported (reason required). */
  async cancel(
    principal: WorkflowPrincipal,
    args: MutationCancelWorkItemArgs,
    options: CaseWriteOptions = {},
  ): Promise<WorkItem> {
    return this.step(principal, parseInput(stepInputSchema, args), 'cancel', options);
  }

  protected toView(
    principal: WorkflowPrincipal,
    record: CaseRecord,
    names: Map<string, string>,
  ): WorkItem {
    const fields = record.workItem as WorkItemFields;
    return {
      ...commonView(this.engine, record, principal, names),
      title: record.title,
      description: fields.description,
      status: record.state as WorkItemStatus,
      assigner: staffMemberView(recorded(record.requester, record, 'assigner'), names),
      assignee: staffMemberView(recorded(record.assignee, record, 'assignee'), names),
      result: fields.result ?? null,
      returnNote: fields.returnNote ?? null,
      returnCount: fields.returnCount ?? 0,
    };
  }
}
