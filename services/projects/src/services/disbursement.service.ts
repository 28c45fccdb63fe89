import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope, type Outbox } from '@sipadu/events';
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  parseInput,
  type Principal,
  type RequestLoaders,
} from '@sipadu/service-kit';
import {
  SYSTEM_PRINCIPAL,
  applyTransition,
  availableTransitions,
  type AvailableTransition,
  type HistoryEntry,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import { z } from 'zod';
import { access, canManageProject, canReadProject } from '../access.js';
import {
  MAX_ATTEMPTS,
  backoff,
  commitAtRevision,
  revisionConflict,
} from '../models/loan-project-writer.js';
import {
  projectEventSnapshot,
  type LoanProjectModel,
  type LoanProjectRecord,
  type TrancheRecord,
} from '../models/loan-project.model.js';
import type { RequirementStateModel } from '../models/requirement-state.model.js';
import {
  disbursementWorkflow,
  TRANCHE_EVENT_TYPES,
  TRANCHE_TRANSITIONS,
  type TrancheState,
  type TrancheTransition,
} from '../workflows/disbursement.workflow.js';
import { loanProjectWorkflow, type LoanProjectStage } from '../workflows/loan-project.workflow.js';
import { eventMeta, stageTransitionStep } from './loan-project.service.js';

// ---------------------------------------------------------------------------------------------
// Pure rules (unit-tested in disbursement.service.spec.ts)
// ---------------------------------------------------------------------------------------------

/** Stages in which a tranche may be requested: the loan agreement is signed. */
export const DISBURSABLE_STAGES: readonly LoanProjectStage[] = [
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
];

/** Requirement states that satisfy a tranche's condition. */
const SETTLED = new Set(['APPROVED', 'WAIVED']);

/** Days before a tranche's planned date from which lagging conditions are warned about. */
export const READINESS_WINDOW_DAYS = 30;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2026-03-15" → "15 Mar 2026". */
export function formatShortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? '?'} ${y}`;
}

/** 12 → "12%", 12.5 → "12,5%" (Indonesian decimal comma, at most two decimals). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${String(rounded).replace('.', ',')}%`;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date (YYYY-MM-DD) in the Pemda's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A share in percent with at most two decimals, as basis points (1 % = 100). */
export function shareBasisPoints(share: number): number {
  return Math.round(share * 100);
}

/**
 * Planned amounts in whole rupiah: round(amount × share / 100), computed exactly with BigInt
 * (amounts reach 10^15). When the shares add up to exactly 100 %, the last entry takes what is
 * left so the amounts add up to the loan; `fixed` entries (tranches already requested) keep their
 * amount and never take the remainder.
 */
export function plannedAmounts(
  amount: number,
  entries: readonly { share: number; fixedAmount?: number | null }[],
): number[] {
  const total = BigInt(amount);
  const amounts = entries.map((entry) => {
    if (entry.fixedAmount !== undefined && entry.fixedAmount !== null) return entry.fixedAmount;
    const bp = BigInt(shareBasisPoints(entry.share));
    // round half up of amount × bp / 10 000
    return Number((total * bp * 2n + 10_000n) / 20_000n);
  });
  const sumBp = entries.reduce((sum, entry) => sum + shareBasisPoints(entry.share), 0);
  if (sumBp !== 10_000) return amounts;
  let last = -1;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry && (entry.fixedAmount === undefined || entry.fixedAmount === null)) {
      last = i;
      break;
    }
  }
  if (last < 0) return amounts;
  const others = amounts.reduce((sum, value, i) => (i === last ? sum : sum + value), 0);
  const remainder = amount - others;
  if (remainder >= 0) amounts[last] = remainder;
  return amounts;
}

export interface DisbursementSummaryView {
  plannedAmount: number;
  approvedAmount: number;
  disbursedAmount: number;
  remainingAmount: number;
  disbursedShare: number;
}

/**
 * Totals over the tranches: approved = planned amounts of approved and disbursed tranches,
 * disbursed = recorded payments, remaining = loan − disbursed, share in percent (2 decimals).
 */
export function disbursementSummary(
  amount: number,
  tranches: readonly Pick<TrancheRecord, 'state' | 'plannedAmount' | 'disbursedAmount'>[],
): DisbursementSummaryView {
  let planned = 0;
  let approved = 0;
  let disbursed = 0;
  for (const tranche of tranches) {
    planned += tranche.plannedAmount;
    if (tranche.state === 'APPROVED' || tranche.state === 'DISBURSED') {
      approved += tranche.plannedAmount;
    }
    if (tranche.state === 'DISBURSED') disbursed += tranche.disbursedAmount ?? 0;
  }
  return {
    plannedAmount: planned,
    approvedAmount: approved,
    disbursedAmount: disbursed,
    remainingAmount: amount - disbursed,
    disbursedShare: amount > 0 ? Math.round((disbursed / amount) * 10_000) / 100 : 0,
  };
}

/** States of the requirements whose group is the tranche's requirement group. */
export interface TrancheFacts {
  stage: LoanProjectStage;
  physicalProgress: number;
  /** States of the project's requirements in the tranche's group (empty without a group). */
  groupStates: readonly string[];
}

/** Why a tranche cannot be requested yet (Indonesian, after "Tidak dapat …: "), or true. */
export function trancheConditions(
  tranche: Pick<TrancheRecord, 'minPhysicalProgress' | 'requirementGroup'>,
  facts: TrancheFacts,
): true | string {
  const reasons: string[] = [];
  if (facts.stage === 'CANCELLED') reasons.push('proyek sudah dibatalkan');
  else if (!DISBURSABLE_STAGES.includes(facts.stage)) {
    reasons.push('perjanjian pinjaman belum ditandatangani');
  }
  if (facts.physicalProgress < tranche.minPhysicalProgress) {
    reasons.push(
      `kemajuan fisik ${formatPercent(facts.physicalProgress)} di bawah syarat ${formatPercent(tranche.minPhysicalProgress)}`,
    );
  }
  if (tranche.requirementGroup) {
    const open = facts.groupStates.filter((state) => !SETTLED.has(state)).length;
    if (open > 0) {
      reasons.push(`${open} persyaratan kelompok '${tranche.requirementGroup}' belum disetujui`);
    }
  }
  return reasons.length === 0 ? true : reasons.join('; ');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Readiness warnings of a tranche not yet disbursed whose planned date is within
 * READINESS_WINDOW_DAYS or past: lagging physical progress, requirements of its group not yet
 * approved, a missing agreement, or a request/approval still pending — each with the deadline,
 * e.g. "Kemajuan fisik 12% di bawah syarat 30% dan tenggat 15 Mar 2026 tinggal 9 hari".
 */
export function readinessWarnings(
  tranche: Pick<
    TrancheRecord,
    'state' | 'plannedDate' | 'minPhysicalProgress' | 'requirementGroup'
  >,
  facts: TrancheFacts,
  today: string,
): string[] {
  if (tranche.state === 'DISBURSED' || facts.stage === 'CANCELLED') return [];
  const left = daysBetween(today, tranche.plannedDate);
  if (left > READINESS_WINDOW_DAYS) return [];
  const date = formatShortDate(tranche.plannedDate);
  const deadline =
    left > 0
      ? `tenggat ${date} tinggal ${left} hari`
      : left === 0
        ? `tenggat ${date} jatuh hari ini`
        : `tenggat ${date} sudah lewat ${-left} hari`;
  const lagging: string[] = [];
  if (tranche.state === 'PLANNED') {
    if (!DISBURSABLE_STAGES.includes(facts.stage)) {
      lagging.push('perjanjian pinjaman belum ditandatangani');
    }
    if (facts.physicalProgress < tranche.minPhysicalProgress) {
      lagging.push(
        `kemajuan fisik ${formatPercent(facts.physicalProgress)} di bawah syarat ${formatPercent(tranche.minPhysicalProgress)}`,
      );
    }
    if (tranche.requirementGroup) {
      const open = facts.groupStates.filter((state) => !SETTLED.has(state)).length;
      if (open > 0) {
        lagging.push(`${open} persyaratan kelompok '${tranche.requirementGroup}' belum disetujui`);
      } else if (facts.groupStates.length === 0) {
        lagging.push(`belum ada persyaratan dengan kelompok '${tranche.requirementGroup}'`);
      }
    }
    if (lagging.length === 0) lagging.push('termin belum diajukan');
  } else if (tranche.state === 'REQUESTED') {
    lagging.push('pengajuan belum disetujui pemberi pinjaman');
  } else {
    lagging.push('pencairan yang disetujui belum dicatat');
  }
  return lagging.map((text) => `${capitalise(text)} dan ${deadline}`);
}

// ---------------------------------------------------------------------------------------------
// Workflow interpretation
// ---------------------------------------------------------------------------------------------

/** What the tranche workflow interprets: the tranche's state with its project and facts. */
export interface TrancheCase {
  state: TrancheState;
  tranche: TrancheRecord;
  project: LoanProjectRecord;
  groupStates: readonly string[];
}

interface CaseArgs {
  instance: TrancheCase;
  principal: WorkflowPrincipal;
}

const isSuperAdmin = (principal: WorkflowPrincipal) => principal.roles.includes('super-admin');

export const trancheInterpretation = {
  relations: {
    manager: ({ instance, principal }: CaseArgs) =>
      isSuperAdmin(principal) ||
      principal.organizationCode === instance.project.managerOrganizationCode,
    lender: ({ instance, principal }: CaseArgs) =>
      isSuperAdmin(principal) ||
      principal.organizationCode === instance.project.lenderOrganizationCode,
  },
  guards: {
    conditionsMet: ({ instance }: { instance: TrancheCase }) =>
      trancheConditions(instance.tranche, {
        stage: instance.project.state,
        physicalProgress: instance.project.physicalProgress,
        groupStates: instance.groupStates,
      }),
  },
};

/** A tranche as served by GraphQL: the record plus what its computed fields need. */
export interface TrancheView extends TrancheRecord {
  project: LoanProjectRecord;
  groupStates: readonly string[];
}

export type TrancheHistoryRecord = HistoryEntry<TrancheState>;

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
  .refine((value) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
  }, 'Tanggal tidak valid.');

const trancheInput = z.object({
  id: z.string().trim().min(1).max(64).nullish(),
  name: z
    .string()
    .trim()
    .min(1, 'Nama termin wajib diisi.')
    .max(200, 'Nama termin paling panjang 200 karakter.'),
  plannedShare: z
    .number()
    .gt(0, 'Bagian termin harus lebih dari 0%.')
    .max(100, 'Bagian termin paling besar 100%.')
    .refine(
      (share) => Math.abs(share * 100 - Math.round(share * 100)) < 1e-6,
      'Bagian termin paling banyak dua angka desimal.',
    ),
  plannedDate: isoDate,
  minPhysicalProgress: z
    .number()
    .min(0, 'Syarat kemajuan fisik 0–100%.')
    .max(100, 'Syarat kemajuan fisik 0–100%.'),
  requirementGroup: z
    .string()
    .trim()
    .max(100, 'Kelompok persyaratan paling panjang 100 karakter.')
    .nullish(),
});

const planSchema = z
  .array(trancheInput)
  .max(24, 'Paling banyak 24 termin.')
  .refine(
    (rows) => rows.reduce((sum, row) => sum + shareBasisPoints(row.plannedShare), 0) <= 10_000,
    'Jumlah bagian semua termin melebihi 100%.',
  );

export type TrancheInput = z.input<typeof trancheInput>;

export interface TransitionInputs {
  note?: string | null;
  disbursedAmount?: number | null;
  disbursedOn?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------------------------

export interface DisbursementServiceOptions {
  /** IANA zone of the Pemda for "today" (readiness warnings, disbursement dates). */
  timeZone?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Disbursement tranches (*termin pencairan*) of a loan project, embedded in its record. */
export class DisbursementService {
  private readonly timeZone: string;
  private readonly now: () => Date;

  constructor(
    private readonly projects: LoanProjectModel,
    private readonly requirementStates: RequirementStateModel,
    private readonly outbox: Outbox,
    options: DisbursementServiceOptions = {},
  ) {
    this.timeZone = options.timeZone ?? 'Asia/Jakarta';
    this.now = options.now ?? (() => new Date());
  }

  /** BPKAD replaces the tranches not yet requested; requested ones stay as they are. */
  async savePlan(
    principal: Principal | null,
    projectId: string,
    input: unknown,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.saveDisbursementPlan');
    const rows = parseInput(planSchema, input);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await this.load(projectId);
      if (!canManageProject(caller, record)) {
        throw forbidden('Hanya BPKAD pengelola proyek yang dapat menyusun rencana pencairan.');
      }
      if (record.state === 'CANCELLED' || record.state === 'COMPLETED') {
        throw conflict(
          `Rencana pencairan tidak dapat diubah: proyek berstatus ${loanProjectWorkflow.states[record.state].label}.`,
        );
      }
      const tranches = buildPlan(record, rows);
      const summary = disbursementSummary(record.amount, tranches);
      const event = createEvent(
        'projects.project.updated',
        { project: projectEventSnapshot(record), fields: ['tranches'] },
        eventMeta(caller, record),
      );
      const updated = await this.write(record, [event], {
        tranches,
        approvedAmount: summary.approvedAmount,
        disbursedAmount: summary.disbursedAmount,
      });
      if (updated) return updated;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  /** One workflow step of a tranche (request, approve, reject, disburse). */
  async transition(
    principal: Principal | null,
    projectId: string,
    trancheId: string,
    transition: string,
    input: TransitionInputs,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.transitionDisbursement');
    if (!(TRANCHE_TRANSITIONS as readonly string[]).includes(transition)) {
      throw badInput(`Tindakan termin tidak dikenal: ${transition}.`);
    }
    const name = transition as TrancheTransition;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await this.load(projectId);
      // Another lender's or organization's project: refused before its tranches say anything.
      if (!canReadProject(caller, record)) {
        throw forbidden('Anda tidak berhak mengakses proyek ini.');
      }
      const tranche = record.tranches.find((t) => t.id === trancheId);
      if (!tranche) throw notFound('Termin pencairan tidak ditemukan.');
      const groupStates =
        name === 'request' && tranche.requirementGroup
          ? await this.groupStates(record._id, tranche.requirementGroup)
          : [];
      const instance: TrancheCase = { state: tranche.state, tranche, project: record, groupStates };
      const now = this.now();
      const { to, entry } = applyTransition(
        disbursementWorkflow,
        instance,
        name,
        caller,
        {
          note: input.note,
          data: { disbursedAmount: input.disbursedAmount, disbursedOn: input.disbursedOn },
        },
        { ...trancheInterpretation, now },
      );
      if (record.state === 'CANCELLED') {
        throw conflict('Proyek sudah dibatalkan; termin tidak dapat diproses.');
      }
      const next: TrancheRecord = { ...tranche, state: to, history: [...tranche.history, entry] };
      if (name === 'disburse') {
        const paid = this.checkDisbursement(record, tranche, input);
        next.disbursedAmount = paid.amount;
        next.disbursedOn = paid.on;
      }
      const tranches = record.tranches.map((t) => (t.id === tranche.id ? next : t));
      const summary = disbursementSummary(record.amount, tranches);
      const set: Partial<LoanProjectRecord> = {
        tranches,
        approvedAmount: summary.approvedAmount,
        disbursedAmount: summary.disbursedAmount,
      };
      let stage: ReturnType<typeof stageTransitionStep> | null = null;
      if (name === 'disburse' && record.state === 'AGREEMENT_SIGNED') {
        // The first payment opens the disbursement stage, taken by the system itself.
        stage = stageTransitionStep(
          { ...record, facts: { stageRequirementStates: [], agreementSealed: true } },
          'startDisbursement',
          SYSTEM_PRINCIPAL,
          null,
          caller,
        );
        set.state = stage.to;
      }
      const after: LoanProjectRecord = { ...record, ...set };
      const events: EventEnvelope[] = [
        createEvent(
          TRANCHE_EVENT_TYPES[name],
          {
            workflow: 'disbursement-tranche',
            subjectId: tranche.id,
            transition: entry.transition,
            from: entry.from,
            to: entry.to,
            actor: { ...entry.actor, roles: [...entry.actor.roles] },
            at: entry.at.toISOString(),
            note: entry.note,
            project: projectEventSnapshot(after),
            tranche: {
              id: next.id,
              sequence: next.sequence,
              name: next.name,
              plannedAmount: next.plannedAmount,
              disbursedAmount: next.disbursedAmount,
              disbursedOn: next.disbursedOn,
            },
          },
          eventMeta(caller, record),
        ),
      ];
      if (stage) events.push(stage.event);
      const updated = await this.write(record, events, set, stage?.entry ?? null);
      if (updated) return updated;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  /** Tranches of a project with what their computed fields need (one batched query per request). */
  async tranchesOf(project: LoanProjectRecord, loaders?: RequestLoaders): Promise<TrancheView[]> {
    const tranches = [...(project.tranches ?? [])].sort((a, b) => a.sequence - b.sequence);
    const needsStates = tranches.some((t) => t.requirementGroup && t.state === 'PLANNED');
    const states = needsStates ? await this.statesOf(project._id, loaders) : [];
    return tranches.map((tranche) => ({
      ...tranche,
      project,
      groupStates: tranche.requirementGroup
        ? states.filter((s) => s.group === tranche.requirementGroup).map((s) => s.status)
        : [],
    }));
  }

  summaryOf(project: LoanProjectRecord): DisbursementSummaryView {
    return disbursementSummary(project.amount, project.tranches ?? []);
  }

  actionsFor(
    principal: Principal | null,
    view: TrancheView,
  ): AvailableTransition<TrancheState, TrancheTransition>[] {
    if (!principal || principal.kind !== 'user') return [];
    if (view.project.state === 'CANCELLED') return [];
    return availableTransitions(
      disbursementWorkflow,
      { state: view.state, tranche: view, project: view.project, groupStates: view.groupStates },
      principal,
      trancheInterpretation,
    );
  }

  warningsFor(view: TrancheView): string[] {
    return readinessWarnings(
      view,
      {
        stage: view.project.state,
        physicalProgress: view.project.physicalProgress ?? 0,
        groupStates: view.groupStates,
      },
      todayIn(this.timeZone, this.now()),
    );
  }

  private checkDisbursement(
    record: LoanProjectRecord,
    tranche: TrancheRecord,
    input: TransitionInputs,
  ): { amount: number; on: string } {
    const amount = input.disbursedAmount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      throw badInput('Jumlah pencairan harus bilangan rupiah utuh lebih dari 0.', {
        fields: ['disbursedAmount'],
      });
    }
    const already = record.tranches
      .filter((t) => t.id !== tranche.id && t.state === 'DISBURSED')
      .reduce((sum, t) => sum + (t.disbursedAmount ?? 0), 0);
    const remaining = record.amount - already;
    if (amount > remaining) {
      throw badInput(
        `Jumlah pencairan melebihi sisa pinjaman (Rp${remaining.toLocaleString('id-ID')}).`,
        { fields: ['disbursedAmount'] },
      );
    }
    const on = parseInput(isoDate, (input.disbursedOn ?? '').trim());
    if (on > todayIn(this.timeZone, this.now())) {
      throw badInput('Tanggal pencairan tidak boleh di masa depan.', { fields: ['disbursedOn'] });
    }
    return { amount, on };
  }

  private async load(projectId: string): Promise<LoanProjectRecord> {
    const record = await this.projects.findById(projectId).lean<LoanProjectRecord>().exec();
    if (!record) throw notFound('Proyek pinjaman tidak ditemukan.');
    return record;
  }

  private async groupStates(projectId: string, group: string): Promise<string[]> {
    const rows = await this.requirementStates
      .find({ projectId, group }, { status: 1 })
      .lean<{ status: string }[]>()
      .exec();
    return rows.map((row) => row.status);
  }

  private async statesOf(
    projectId: string,
    loaders?: RequestLoaders,
  ): Promise<{ group: string | null; status: string }[]> {
    type Row = { projectId: string; group: string | null; status: string };
    const fetch = (ids: readonly string[]) =>
      this.requirementStates
        .find({ projectId: { $in: [...ids] } }, { projectId: 1, group: 1, status: 1 })
        .lean<Row[]>()
        .exec();
    if (!loaders) return fetch([projectId]);
    const loader = loaders.get<{ projectId: string; rows: Row[] }>(
      'disbursement.requirementStates',
      async (ids) => {
        const rows = await fetch(ids);
        return ids.map((id) => ({ projectId: id, rows: rows.filter((r) => r.projectId === id) }));
      },
      (group) => group.projectId,
    );
    return (await loader.load(projectId))?.rows ?? [];
  }

  /** One single-document update guarded by `revision`; null when someone wrote in between. */
  private async write(
    record: LoanProjectRecord,
    events: readonly EventEnvelope[],
    set: Partial<LoanProjectRecord>,
    stageEntry: HistoryEntry<LoanProjectStage> | null = null,
  ): Promise<LoanProjectRecord | null> {
    const update: Record<string, unknown> = {
      $set: set,
      $inc: { revision: 1 },
      ...(stageEntry ? { $push: { history: stageEntry } } : {}),
    };
    return commitAtRevision(this.projects, this.outbox, record, events, update);
  }
}

/**
 * The new tranche list: rows in the order given, new or PLANNED tranches taking the row's values,
 * tranches already requested kept as they are (only their position follows the list).
 */
export function buildPlan(
  record: Pick<LoanProjectRecord, 'amount' | 'tranches'>,
  rows: readonly z.output<typeof trancheInput>[],
): TrancheRecord[] {
  const existing = new Map(record.tranches.map((t) => [t.id, t]));
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.id) continue;
    if (seen.has(row.id)) throw badInput('Termin yang sama disebut dua kali.');
    seen.add(row.id);
    if (!existing.has(row.id)) throw badInput(`Termin ${row.id} tidak ditemukan pada proyek ini.`);
  }
  const dropped = record.tranches.find((t) => t.state !== 'PLANNED' && !seen.has(t.id));
  if (dropped) {
    throw conflict(
      `Termin "${dropped.name}" sudah ${disbursementWorkflow.states[dropped.state].label.toLowerCase()} dan tidak dapat dihapus.`,
    );
  }
  const kept = rows.map((row) => {
    const current = row.id ? existing.get(row.id) : undefined;
    return current && current.state !== 'PLANNED' ? current : null;
  });
  const shares = rows.map((row, i) => kept[i]?.plannedShare ?? row.plannedShare);
  const totalBp = shares.reduce((sum, share) => sum + shareBasisPoints(share), 0);
  if (totalBp > 10_000) throw badInput('Jumlah bagian semua termin melebihi 100%.');
  const amounts = plannedAmounts(
    record.amount,
    rows.map((_, i) => ({ share: shares[i] ?? 0, fixedAmount: kept[i]?.plannedAmount ?? null })),
  );
  return rows.map((row, i): TrancheRecord => {
    const sequence = i + 1;
    const keep = kept[i];
    if (keep) return { ...keep, sequence };
    const current = row.id ? existing.get(row.id) : undefined;
    return {
      id: current?.id ?? randomUUID(),
      sequence,
      name: row.name,
      plannedShare: row.plannedShare,
      plannedAmount: amounts[i] ?? 0,
      plannedDate: row.plannedDate,
      minPhysicalProgress: row.minPhysicalProgress,
      requirementGroup: row.requirementGroup || null,
      state: 'PLANNED',
      disbursedAmount: null,
      disbursedOn: null,
      history: current?.history ?? [],
    };
  });
}
