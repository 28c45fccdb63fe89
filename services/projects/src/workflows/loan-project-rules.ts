import type { Principal } from '@sipadu/service-kit';
import {
  availableTransitions,
  type AvailableTransition,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import type { LoanProjectRecord } from '../models/loan-project.model.js';
import {
  loanProjectWorkflow,
  type LoanProjectStage,
  type LoanProjectTransition,
} from './loan-project.workflow.js';

/** Requirement states after which the executing agency has handed the document in. */
const HANDED_IN = new Set(['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'WAIVED']);
const SETTLED = new Set(['APPROVED', 'WAIVED']);

/** What the stage guards know besides the record, loaded by the service before deciding. */
export interface StageFacts {
  /** States of the project's stage requirements (a tranche's requirement group excluded). */
  stageRequirementStates: string[];
  /** Whether a version of the recorded agreement document is sealed. */
  agreementSealed: boolean;
}

export type LoanProjectCase = LoanProjectRecord & { facts: StageFacts };

interface RelationArgs {
  instance: LoanProjectCase;
  principal: WorkflowPrincipal;
}

const isSuperAdmin = (principal: WorkflowPrincipal) => principal.roles.includes('super-admin');

/** The relations and guards the loan-project table names, for the shared engine. */
export const stageInterpretation = {
  relations: {
    // super-admin acts for every organization (DOMAIN.md §1).
    manager: ({ instance, principal }: RelationArgs) =>
      isSuperAdmin(principal) || principal.organizationCode === instance.managerOrganizationCode,
    lender: ({ instance, principal }: RelationArgs) =>
      isSuperAdmin(principal) || principal.organizationCode === instance.lenderOrganizationCode,
  },
  guards: {
    hasRequirements: ({ instance }: { instance: LoanProjectCase }) =>
      instance.facts.stageRequirementStates.length > 0 ||
      'daftar persyaratan dokumen proyek belum dibuat',
    requirementsSubmitted: ({ instance }: { instance: LoanProjectCase }) => {
      const states = instance.facts.stageRequirementStates;
      if (states.length === 0) return 'daftar persyaratan dokumen proyek belum dibuat';
      const missing = states.filter((state) => !HANDED_IN.has(state)).length;
      return missing === 0 || `masih ada ${missing} persyaratan dokumen yang belum diajukan`;
    },
    requirementsApproved: ({ instance }: { instance: LoanProjectCase }) => {
      const states = instance.facts.stageRequirementStates;
      if (states.length === 0) return 'daftar persyaratan dokumen proyek belum dibuat';
      const open = states.filter((state) => !SETTLED.has(state)).length;
      return (
        open === 0 || `masih ada ${open} persyaratan dokumen yang belum disetujui atau dikecualikan`
      );
    },
    agreementSealed: ({ instance }: { instance: LoanProjectCase }) => {
      if (!instance.agreement) return 'perjanjian pinjaman belum dicatat';
      return instance.facts.agreementSealed || 'dokumen perjanjian pinjaman belum disegel';
    },
    physicalComplete: ({ instance }: { instance: LoanProjectCase }) =>
      instance.progressReports.some(
        (report) => report.state === 'ACCEPTED' && report.physicalPercent >= 100,
      ) || 'belum ada laporan kemajuan diterima dengan kemajuan fisik 100%',
  },
};

/** Requirement groups that belong to tranches (their documents condition a disbursement). */
export function trancheGroups(record: Pick<LoanProjectRecord, 'tranches'>): Set<string> {
  return new Set(
    record.tranches.flatMap((tranche) =>
      tranche.requirementGroup ? [tranche.requirementGroup] : [],
    ),
  );
}

/** Stage actions the caller may take now (buttons to show); partner systems get none. */
export function stageActions(
  principal: Principal | null,
  project: LoanProjectCase,
): AvailableTransition<LoanProjectStage, LoanProjectTransition>[] {
  if (!principal || principal.kind !== 'user') return [];
  return availableTransitions(loanProjectWorkflow, project, principal, stageInterpretation);
}
