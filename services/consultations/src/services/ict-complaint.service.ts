import { parseInput } from '@sipadu/service-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import { z } from 'zod';
import type {
  FileIctComplaintInput,
  IctComplaint,
  MutationConfirmIctResolutionArgs,
  MutationDocumentIctResultArgs,
  MutationResolveIctComplaintArgs,
  MutationRouteIctComplaintArgs,
} from '../generated/graphql.js';
import type { CaseRecord, IctComplaintFields } from '../models/case.model.js';
import {
  ictComplaintWorkflow,
  type IctComplaintStatus,
  type IctComplaintTransition,
} from '../workflows/ict-complaint.workflow.js';
import {
  StaffCaseService,
  attachmentsField,
  callerPerson,
  commonView,
  optionalText,
  routeInputSchema,
  recorded,
  requireStaffOrganization,
  staffMemberView,
  stepInputSchema,
  text,
  type CaseWriteOptions,
  type StaffCaseServiceOptions,
} from './staff-case.support.js';

/** Lists and notifications show the problem's beginning. */
const TITLE_LENGTH = 120;

const fileSchema = z.object({
  unit: text('Unit kerja', 2, 200),
  problem: text('Permasalahan', 10, 5000),
  handlingTried: optionalText('Penanganan yang sudah dilakukan', 2000),
  attachmentFileIds: attachmentsField,
});
const resolveSchema = stepInputSchema.extend({ handling: text('Penanganan', 10, 5000) });
const confirmSchema = stepInputSchema.extend({
  solved: z.boolean({ error: 'Pilih apakah masalah sudah selesai.' }),
});
const documentSchema = stepInputSchema.extend({
  followUp: text('Tindak lanjut', 10, 5000),
  attachmentFileIds: attachmentsField,
});

const titleOf = (problem: string) => {
  const line = problem.replace(/\s+/g, ' ');
  return line.length <= TITLE_LENGTH ? line : `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
};

/**
 * Pengaduan TIK (form of Lampiran 2 of the SOP): any employee reports, pengelola-tik routes to an
 * ICT officer, the complainant confirms the result, the officer documents it.
 */
export class IctComplaintService extends StaffCaseService<IctComplaint, IctComplaintTransition> {
  constructor(options: StaffCaseServiceOptions) {
    super(
      options,
      'ICT_COMPLAINT',
      Object.keys(ictComplaintWorkflow.states) as [IctComplaintStatus, ...IctComplaintStatus[]],
    );
  }

  /** Any employee of an organization reports a problem as themselves. */
  async file(
    principal: WorkflowPrincipal,
    args: FileIctComplaintInput,
    options: CaseWriteOptions = {},
  ): Promise<IctComplaint> {
    const organizationCode = requireStaffOrganization(principal, 'melaporkan pengaduan TIK');
    const input = parseInput(fileSchema, args);
    const ict: IctComplaintFields = {
      unit: input.unit,
      problem: input.problem,
      handlingTried: input.handlingTried,
      handling: null,
      followUp: null,
      reopenCount: 0,
    };
    const record = await this.engine.create({
      flow: 'ICT_COMPLAINT',
      principal,
      title: titleOf(input.problem),
      organizationCode,
      organizationName: await this.organizations.name(organizationCode),
      requester: await callerPerson(this.staff, principal),
      extraSearch: input.unit,
      attachmentFileIds: input.attachmentFileIds,
      fields: { ict },
      now: options.now,
    });
    return this.view(principal, record);
  }

  /** pengelola-tik passes the complaint to (or re-routes it to another) ICT officer. */
  async route(
    principal: WorkflowPrincipal,
    args: MutationRouteIctComplaintArgs,
    options: CaseWriteOptions = {},
  ): Promise<IctComplaint> {
    return this.routeTo(principal, parseInput(routeInputSchema, args), 'petugas-tik', options);
  }

  /** The officer records the handling and asks the complainant to check (the clock stops). */
  async resolve(
    principal: WorkflowPrincipal,
    args: MutationResolveIctComplaintArgs,
    options: CaseWriteOptions = {},
  ): Promise<IctComplaint> {
    const input = parseInput(resolveSchema, args);
    return this.step(principal, input, 'resolve', options, {
      data: { handling: input.handling },
      set: () => ({ 'ict.handling': input.handling }),
    });
  }

  /** The complainant confirms the problem is solved, or reopens it with a note (counted). */
  async confirm(
    principal: WorkflowPrincipal,
    args: MutationConfirmIctResolutionArgs,
    options: CaseWriteOptions = {},
  ): Promise<IctComplaint> {
    const input = parseInput(confirmSchema, args);
    if (input.solved) return this.step(principal, input, 'confirmSolved', options);
    return this.step(principal, input, 'reopen', options, {
      set: (record) => ({ 'ict.reopenCount': (record.ict?.reopenCount ?? 0) + 1 }),
    });
  }

  /** The officer documents the result: the report to pengelola-tik; the officer earns points. */
  async document(
    principal: WorkflowPrincipal,
    args: MutationDocumentIctResultArgs,
    options: CaseWriteOptions = {},
  ): Promise<IctComplaint> {
    const input = parseInput(documentSchema, args);
    return this.step(principal, input, 'document', options, {
      data: { followUp: input.followUp },
      attachmentFileIds: input.attachmentFileIds,
      set: () => ({ 'ict.followUp': input.followUp }),
    });
  }

  protected toView(
    principal: WorkflowPrincipal,
    record: CaseRecord,
    names: Map<string, string>,
  ): IctComplaint {
    const fields = record.ict as IctComplaintFields;
    return {
      ...commonView(this.engine, record, principal, names),
      requester: staffMemberView(recorded(record.requester, record, 'requester'), names),
      unit: fields.unit,
      problem: fields.problem,
      handlingTried: fields.handlingTried ?? null,
      handling: fields.handling ?? null,
      followUp: fields.followUp ?? null,
      status: record.state as IctComplaintStatus,
      officer: record.assignee ? staffMemberView(record.assignee, names) : null,
      reopenCount: fields.reopenCount ?? 0,
    };
  }
}
