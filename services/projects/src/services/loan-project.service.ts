import { randomUUID } from 'node:crypto';
import { LENDER_KIND, type OrganizationModel, type OrganizationRecord } from '@sipadu/directory';
import { createEvent, eventsForInsert, type EventEnvelope, type Outbox } from '@sipadu/events';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  actorOf,
  badInput,
  conflict,
  containsPattern,
  forbidden,
  notFound,
  parseInput,
  type Connection,
  type PageArgs,
  type Principal,
  type RequestLoaders,
} from '@sipadu/service-kit';
import {
  applyTransition,
  type AvailableTransition,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import { z } from 'zod';
import {
  access,
  canManageProject,
  canReadProject,
  isExecutingOfficer,
  projectReadFilter,
} from '../access.js';
import {
  isFullProject,
  loanProjectListModel,
  storeListSummary,
  type LoanProjectListModel,
  type LoanProjectListRecord,
} from '../models/loan-project-list.model.js';
import {
  commitAtRevision,
  releasePendingEvents,
  retryAtRevision,
} from '../models/loan-project-writer.js';
import {
  EMPTY_REQUIREMENT_SUMMARY,
  projectEventSnapshot,
  searchTextOf,
  type ActorRecord,
  type LoanProjectModel,
  type LoanProjectRecord,
  type LocationRecord,
  type PlanningCitationRecord,
} from '../models/loan-project.model.js';
import type {
  ProjectDocumentModel,
  ProjectDocumentRecord,
} from '../models/project-document.model.js';
import type {
  RequirementStateModel,
  RequirementStateRecord,
} from '../models/requirement-state.model.js';
import {
  stageActions,
  stageInterpretation,
  trancheGroups,
  type LoanProjectCase,
  type StageFacts,
} from '../workflows/loan-project-rules.js';
import {
  APPROVED_STAGES,
  LOAN_PROJECT_STAGES,
  loanProjectWorkflow,
  stageLabel,
  type LoanProjectStage,
  type LoanProjectTransition,
} from '../workflows/loan-project.workflow.js';
import {
  isoDate,
  locationsSchema,
  optionalText,
  organizationCode,
  text,
  type locationSchema,
} from './input-schemas.js';

/** What the projects service needs of the planning codes (PlanningCodeService). */
export interface SubKegiatanResolver {
  /** Throws BAD_USER_INPUT naming the first code that is no sub-kegiatan of the active version. */
  resolveSubKegiatan(codes: string[]): Promise<PlanningCitationRecord[]>;
}

export interface LoanProjectFilterInput {
  fiscalYear?: number | null;
  stage?: readonly LoanProjectStage[] | null;
  organizationCode?: string | null;
  lenderOrganizationCode?: string | null;
  search?: string | null;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const MAX_AMOUNT = 1e15;
/** Names a caller may ask for; the engine then decides whether this caller may take it now. */
const TRANSITION_NAMES = new Set<string>(loanProjectWorkflow.transitions.map((t) => t.name));

const consultantSchema = z
  .object({
    name: text(200),
    contractNumber: optionalText(100),
    supervisor: optionalText(200),
    contact: optionalText(200),
  })
  .nullish()
  .transform((value) => value ?? null);

const planningCodesSchema = z
  .array(z.string().trim().min(1, 'Kode sub kegiatan kosong.').max(40))
  .max(50, 'Paling banyak 50 kode sub kegiatan.')
  .transform((codes) => [...new Set(codes)]);

const fields = {
  fiscalYear: z
    .number({ error: 'Tahun anggaran wajib diisi.' })
    .int('Tahun anggaran harus bilangan bulat.')
    .min(2000, 'Tahun anggaran antara 2000 dan 2100.')
    .max(2100, 'Tahun anggaran antara 2000 dan 2100.'),
  name: text(300),
  description: text(10_000),
  borrowingReason: text(10_000),
  organizationCode,
  lenderOrganizationCode: organizationCode,
  amount: z
    .number({ error: 'Jumlah pinjaman wajib diisi.' })
    .int('Jumlah pinjaman harus dalam rupiah utuh.')
    .positive('Jumlah pinjaman harus lebih dari 0.')
    .max(MAX_AMOUNT, 'Jumlah pinjaman paling banyak Rp1.000 triliun.'),
  tenorMonths: z
    .number({ error: 'Tenor wajib diisi.' })
    .int('Tenor harus bilangan bulat bulan.')
    .min(1, 'Tenor antara 1 dan 360 bulan.')
    .max(360, 'Tenor antara 1 dan 360 bulan.'),
  consultant: consultantSchema,
};

const createSchema = z.object({
  ...fields,
  planningCodes: planningCodesSchema.nullish().transform((codes) => codes ?? []),
  locations: locationsSchema.nullish().transform((locations) => locations ?? []),
});

const updateSchema = z.object({
  fiscalYear: fields.fiscalYear.nullish(),
  name: fields.name.nullish(),
  description: fields.description.nullish(),
  borrowingReason: fields.borrowingReason.nullish(),
  organizationCode: organizationCode.nullish(),
  lenderOrganizationCode: organizationCode.nullish(),
  amount: fields.amount.nullish(),
  tenorMonths: fields.tenorMonths.nullish(),
  // Absent = unchanged; explicit null clears it.
  consultant: consultantSchema.optional(),
  planningCodes: planningCodesSchema.nullish(),
});

const agreementSchema = z.object({
  documentId: text(128),
  number: text(100),
  signedOn: isoDate,
});

type UpdateInput = z.infer<typeof updateSchema>;
type UpdateField = keyof UpdateInput;

/** Fields a pelaksana may change on its own organization's project. */
const TECHNICAL_FIELDS: ReadonlySet<UpdateField> = new Set([
  'description',
  'consultant',
  'planningCodes',
]);
/** Fields the lender's approval covers: locked from APPROVED on. */
const LOCKED_AFTER_APPROVAL: ReadonlySet<UpdateField> = new Set([
  'amount',
  'lenderOrganizationCode',
  'organizationCode',
  'fiscalYear',
]);
const RESOLVED_FIELDS: ReadonlySet<UpdateField> = new Set([
  'organizationCode',
  'lenderOrganizationCode',
  'planningCodes',
]);
const FIELD_LABELS: Record<UpdateField, string> = {
  fiscalYear: 'tahun anggaran',
  name: 'nama',
  description: 'uraian',
  borrowingReason: 'alasan pinjaman',
  organizationCode: 'organisasi pelaksana',
  lenderOrganizationCode: 'pemberi pinjaman',
  amount: 'jumlah pinjaman',
  tenorMonths: 'tenor',
  consultant: 'konsultan',
  planningCodes: 'kode perencanaan',
};

const isFinal = (stage: LoanProjectStage) => Boolean(loanProjectWorkflow.states[stage].final);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/** The caller as recorded on the project (createdBy, agreement, reports). */
export function actorRecord(principal: Principal): ActorRecord {
  return {
    id: principal.id,
    name: principal.name ?? principal.username,
    organizationCode: principal.organizationCode,
  };
}

function locationRecords(locations: z.infer<typeof locationSchema>[]): LocationRecord[] {
  return locations.map((location) => ({ id: randomUUID(), ...location }));
}

/**
 * The update and event of one stage transition taken by the engine, for callers that merge it
 * into their own single-document write (the first disbursement takes `startDisbursement`).
 */
export function stageTransitionStep(
  project: LoanProjectCase,
  transition: LoanProjectTransition,
  principal: WorkflowPrincipal,
  note: string | null | undefined,
  actor: Principal | null,
) {
  const { to, entry } = applyTransition(
    loanProjectWorkflow,
    project,
    transition,
    principal,
    { note },
    stageInterpretation,
  );
  const event = createEvent(
    'projects.project.stageChanged',
    {
      workflow: 'loan-project',
      subjectId: project._id,
      transition: entry.transition,
      from: entry.from,
      to: entry.to,
      actor: { ...entry.actor, roles: [...entry.actor.roles] },
      at: entry.at.toISOString(),
      note: entry.note,
      project: projectEventSnapshot({ ...project, state: to }),
    },
    eventMeta(actor, project),
  );
  return { to, entry, event };
}

/** Envelope metadata of a projects event: subject is the project, org its executing agency. */
export function eventMeta(
  principal: Principal | null,
  project: Pick<LoanProjectRecord, '_id' | 'organizationCode'>,
) {
  return {
    actor: actorOf(principal),
    subject: { type: 'LoanProject', id: project._id },
    org: project.organizationCode,
  };
}

/** Loan projects (DOMAIN.md §3): registry, scope, data changes, stages and the agreement. */
export class LoanProjectService {
  /** The slim read model the list and facets read (loan-project-list.model.ts). */
  private readonly listRows: LoanProjectListModel;

  constructor(
    private readonly projects: LoanProjectModel,
    private readonly organizations: OrganizationModel,
    private readonly requirementStates: RequirementStateModel,
    private readonly projectDocuments: ProjectDocumentModel,
    private readonly planning: SubKegiatanResolver,
    private readonly outbox: Outbox,
    /** Manager organization of projects a super-admin creates (BPKAD). */
    private readonly defaultManager: string,
  ) {
    this.listRows = loanProjectListModel(projects.db);
  }

  /**
   * One page, newest first. Exactly two MongoDB commands whatever the page size (find with
   * limit+1 and a count), both on the slim `loan_project_list` rows: everything a list row shows
   * is on them (the rare field beyond loads the record, see `load`).
   */
  async list(
    principal: Principal | null,
    filter: LoanProjectFilterInput | null | undefined,
    page: PageArgs,
  ): Promise<Connection<LoanProjectListRecord>> {
    const caller = access.require(principal, 'Query.loanProjects');
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);
    }
    const query = this.scopedFilter(caller, filter);
    if (!query) {
      return {
        edges: [],
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: null,
        },
        totalCount: 0,
      };
    }
    let pageQuery = query;
    if (page.after) {
      const [at, id] = decodeKeyCursor(page.after, 'date');
      pageQuery = {
        $and: [query, { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: id } }] }],
      };
    }
    const [rows, totalCount] = await Promise.all([
      this.listRows
        .find(pageQuery)
        .sort({ createdAt: -1, _id: -1 })
        .limit(first + 1)
        // A batch larger than the limit: FerretDB then closes the cursor with the first batch
        // instead of leaving a full one open (one `killCursors` more on large pages).
        .batchSize(first + 2)
        .lean<LoanProjectListRecord[]>()
        .exec(),
      this.listRows.countDocuments(query).exec(),
    ]);
    const edges = rows
      .slice(0, first)
      .map((node) => ({ cursor: encodeKeyCursor(node.createdAt, node._id), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(page.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /** The list's filter options within the caller's scope, from one aggregation of list rows. */
  async facets(principal: Principal | null) {
    const caller = access.require(principal, 'Query.loanProjectFacets');
    const scope = projectReadFilter(caller);
    const groups = scope
      ? await this.listRows
          .aggregate<{
            _id: {
              year: number;
              org: string;
              orgName: string;
              lender: string;
              lenderName: string;
              stage: LoanProjectStage;
            };
            count: number;
          }>([
            { $match: scope },
            {
              $group: {
                _id: {
                  year: '$fiscalYear',
                  org: '$organizationCode',
                  orgName: '$organizationName',
                  lender: '$lenderOrganizationCode',
                  lenderName: '$lenderName',
                  stage: '$state',
                },
                count: { $sum: 1 },
              },
            },
          ])
          // Every group in the first batch (year × organization × lender × stage can exceed the
          // default 101): no `getMore`.
          .option({ batchSize: 10_000 })
          .exec()
      : [];
    const tally = (map: Map<string, FacetOption>, value: string, label: string, count: number) => {
      const option = map.get(value) ?? { value, label, count: 0 };
      option.count += count;
      map.set(value, option);
    };
    const years = new Set<number>();
    const organizations = new Map<string, FacetOption>();
    const lenders = new Map<string, FacetOption>();
    const stages = new Map<string, FacetOption>(
      LOAN_PROJECT_STAGES.map((stage) => [
        stage,
        { value: stage, label: stageLabel(stage), count: 0 },
      ]),
    );
    for (const { _id: key, count } of groups) {
      years.add(key.year);
      tally(organizations, key.org, key.orgName, count);
      tally(lenders, key.lender, key.lenderName, count);
      tally(stages, key.stage, stageLabel(key.stage), count);
    }
    const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'id');
    return {
      fiscalYears: [...years].sort((a, b) => b - a),
      organizations: [...organizations.values()].sort(byLabel),
      lenders: [...lenders.values()].sort(byLabel),
      stages: [...stages.values()],
    };
  }

  /** The caller's readable projects matching `filter` as a MongoDB filter; null for none. */
  scopedFilter(
    caller: Principal,
    filter: LoanProjectFilterInput | null | undefined,
  ): Record<string, unknown> | null {
    const scope = projectReadFilter(caller);
    if (!scope) return null;
    const clauses: Record<string, unknown>[] = [];
    if (Object.keys(scope).length > 0) clauses.push(scope);
    if (filter?.fiscalYear != null) clauses.push({ fiscalYear: filter.fiscalYear });
    if (filter?.stage?.length) clauses.push({ state: { $in: [...filter.stage] } });
    if (filter?.organizationCode) clauses.push({ organizationCode: filter.organizationCode });
    if (filter?.lenderOrganizationCode) {
      clauses.push({ lenderOrganizationCode: filter.lenderOrganizationCode });
    }
    if (filter?.search?.trim()) clauses.push({ searchText: containsPattern(filter.search) });
    if (clauses.length === 0) return {};
    return clauses.length === 1 ? (clauses[0] as Record<string, unknown>) : { $and: clauses };
  }

  /** One project: null when missing, FORBIDDEN outside the caller's scope. */
  async get(principal: Principal | null, id: string): Promise<LoanProjectRecord | null> {
    const caller = access.require(principal, 'Query.loanProject');
    const project = await this.projects.findById(id).lean<LoanProjectRecord>().exec();
    if (!project) return null;
    if (!canReadProject(caller, project)) {
      throw forbidden('Anda tidak berhak membaca proyek ini.');
    }
    return project;
  }

  /** A federation reference: batched per request, null outside the caller's scope. */
  async reference(
    principal: Principal | null,
    loaders: RequestLoaders,
    id: string,
  ): Promise<LoanProjectRecord | null> {
    const project = await this.recordLoader(loaders).load(id);
    return project && canReadProject(principal, project) ? project : null;
  }

  /**
   * The full record of a GraphQL parent: itself, or for a list row (list, portfolio) the record
   * loaded by `_id`, batched per request (one `find` for every row of a page asking a field the
   * rows do not carry). NOT_FOUND if the project disappeared meanwhile.
   */
  async full(
    loaders: RequestLoaders,
    project: LoanProjectRecord | LoanProjectListRecord,
  ): Promise<LoanProjectRecord> {
    if (isFullProject(project)) return project;
    const record = await this.recordLoader(loaders).load(project._id);
    if (!record) throw notFound('Proyek pinjaman tidak ditemukan.');
    return record;
  }

  private recordLoader(loaders: RequestLoaders) {
    return loaders.get(
      'LoanProject',
      (ids) =>
        this.projects
          .find({ _id: { $in: [...ids] } })
          .lean<LoanProjectRecord[]>()
          .exec(),
      (record) => record._id,
    );
  }

  /**
   * A project the caller may read, for the mutations (NOT_FOUND when missing, FORBIDDEN outside
   * scope); record-level write rights are checked by each mutation.
   */
  async requireReadable(caller: Principal, id: string): Promise<LoanProjectRecord> {
    const project = await this.projects.findById(id).lean<LoanProjectRecord>().exec();
    if (!project) throw notFound('Proyek pinjaman tidak ditemukan.');
    if (!canReadProject(caller, project)) {
      throw forbidden('Anda tidak berhak mengakses proyek ini.');
    }
    return project;
  }

  async create(principal: Principal | null, input: unknown): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.createLoanProject');
    const data = parseInput(createSchema, input);
    const [organization, lender] = await this.parties(
      data.organizationCode,
      data.lenderOrganizationCode,
    );
    const planningCodes = data.planningCodes.length
      ? await this.planning.resolveSubKegiatan(data.planningCodes)
      : [];
    const managerOrganizationCode =
      caller.roles.includes('bpkad') && caller.organizationCode
        ? caller.organizationCode
        : this.defaultManager;
    const id = randomUUID();
    const prefix = `PIN-${data.fiscalYear}-`;
    // Codes count per year; a concurrent create taking the same number hits the unique index.
    let sequence =
      (await this.projects.countDocuments({ code: new RegExp(`^${prefix}`) }).exec()) + 1;
    let pending: ReturnType<typeof eventsForInsert>;
    for (let attempt = 0; ; attempt += 1) {
      const code = `${prefix}${String(sequence).padStart(3, '0')}`;
      const record = {
        _id: id,
        code,
        fiscalYear: data.fiscalYear,
        name: data.name,
        description: data.description,
        borrowingReason: data.borrowingReason,
        organizationCode: organization._id,
        organizationName: organization.name,
        lenderOrganizationCode: lender._id,
        lenderName: lender.name,
        managerOrganizationCode,
        amount: data.amount,
        tenorMonths: data.tenorMonths,
        consultant: data.consultant,
        planningCodes,
        locations: locationRecords(data.locations),
        state: loanProjectWorkflow.initial,
        history: [],
        agreement: null,
        tranches: [],
        progressPlan: [],
        progressReports: [],
        requirementSummary: { ...EMPTY_REQUIREMENT_SUMMARY },
        searchText: searchTextOf({ code, name: data.name }),
        createdBy: actorRecord(caller),
        revision: 0,
      };
      const event = createEvent(
        'projects.project.created',
        { project: projectEventSnapshot(record), amount: record.amount },
        eventMeta(caller, record),
      );
      pending = eventsForInsert([event]);
      try {
        const inserted = await this.projects.create({ ...record, ...pending });
        await storeListSummary(this.projects, inserted.toObject<LoanProjectRecord>());
        break;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 20) throw err;
        sequence += 1;
      }
    }
    // The insert carried the event; it is released like every other write's (a claimed write).
    const released = await releasePendingEvents(this.projects, this.outbox, {
      _id: id,
      revision: 0,
      ...pending,
    });
    return released ?? this.fresh(id);
  }

  async update(
    principal: Principal | null,
    id: string,
    input: unknown,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.updateLoanProject');
    const data = parseInput(updateSchema, input);
    return retryAtRevision(async () => {
      const current = await this.requireReadable(caller, id);
      const manager = canManageProject(caller, current);
      if (!manager && !isExecutingOfficer(caller, current)) {
        throw forbidden('Anda tidak berwenang mengubah proyek ini.');
      }
      this.assertOpen(current);

      const changed = (Object.keys(data) as UpdateField[]).filter((field) => {
        const value = data[field];
        if (value === undefined || (value === null && field !== 'consultant')) return false;
        if (field === 'planningCodes') {
          return !same(
            value,
            current.planningCodes.map((citation) => citation.code),
          );
        }
        return !same(value, current[field]);
      });
      if (changed.length === 0) return current;
      const refused = manager ? [] : changed.filter((field) => !TECHNICAL_FIELDS.has(field));
      if (refused.length > 0) {
        throw forbidden(
          `Pelaksana hanya dapat mengubah uraian, konsultan dan kode perencanaan (bukan ${refused
            .map((field) => FIELD_LABELS[field])
            .join(', ')}).`,
        );
      }
      const locked = APPROVED_STAGES.includes(current.state)
        ? changed.filter((field) => LOCKED_AFTER_APPROVAL.has(field))
        : [];
      if (locked.length > 0) {
        throw conflict(
          `Tidak dapat mengubah ${locked.map((field) => FIELD_LABELS[field]).join(', ')}: ` +
            'jumlah, pemberi pinjaman, organisasi pelaksana dan tahun anggaran terkunci sejak ' +
            'pinjaman disetujui.',
        );
      }

      const set: Partial<LoanProjectRecord> = {};
      // Parties and codes are stored with their names, resolved below.
      for (const field of changed) {
        if (!RESOLVED_FIELDS.has(field)) Object.assign(set, { [field]: data[field] });
      }
      if (changed.includes('organizationCode') || changed.includes('lenderOrganizationCode')) {
        const [organization, lender] = await this.parties(
          data.organizationCode ?? current.organizationCode,
          data.lenderOrganizationCode ?? current.lenderOrganizationCode,
        );
        Object.assign(set, {
          organizationCode: organization._id,
          organizationName: organization.name,
          lenderOrganizationCode: lender._id,
          lenderName: lender.name,
        });
      }
      if (changed.includes('planningCodes')) {
        set.planningCodes = await this.planning.resolveSubKegiatan(data.planningCodes ?? []);
      }
      if (set.name) set.searchText = searchTextOf({ code: current.code, name: set.name });
      const next = { ...current, ...set };
      const event = createEvent(
        'projects.project.updated',
        { project: projectEventSnapshot(next), fields: changed },
        eventMeta(caller, next),
      );
      return this.write(current, { $set: set }, [event]);
    });
  }

  async setLocations(
    principal: Principal | null,
    projectId: string,
    locations: unknown,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.setProjectLocations');
    const data = parseInput(locationsSchema, locations);
    const records = locationRecords(data);
    return retryAtRevision(async () => {
      const current = await this.requireReadable(caller, projectId);
      if (!canManageProject(caller, current) && !isExecutingOfficer(caller, current)) {
        throw forbidden('Hanya BPKAD atau pelaksana proyek ini yang dapat mengubah lokasinya.');
      }
      this.assertOpen(current);
      const event = createEvent(
        'projects.project.updated',
        { project: projectEventSnapshot(current), fields: ['locations'] },
        eventMeta(caller, current),
      );
      return this.write(current, { $set: { locations: records } }, [event]);
    });
  }

  /**
   * Moves the project's stage through the workflow; guards read the documents projections. A
   * concurrent change makes it read again: from a stage another writer moved on, the engine
   * refuses the transition (CONFLICT) instead of taking it twice.
   */
  async transition(
    principal: Principal | null,
    id: string,
    transition: string,
    note: string | null | undefined,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.transitionLoanProject');
    if (!TRANSITION_NAMES.has(transition)) {
      throw badInput(`Tindakan "${transition}" tidak dikenal.`);
    }
    return retryAtRevision(async () => {
      const current = await this.requireReadable(caller, id);
      const facts = await this.stageFacts(current);
      const step = stageTransitionStep(
        { ...current, facts },
        transition as LoanProjectTransition,
        caller,
        note,
        caller,
      );
      return this.write(current, { $set: { state: step.to }, $push: { history: step.entry } }, [
        step.event,
      ]);
    });
  }

  /** Records the signed loan agreement: a sealed version of one of this project's documents. */
  async setAgreement(
    principal: Principal | null,
    projectId: string,
    input: unknown,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.setLoanAgreement');
    const data = parseInput(agreementSchema, input);
    return retryAtRevision(async () => {
      const current = await this.requireReadable(caller, projectId);
      if (!canManageProject(caller, current)) {
        throw forbidden('Hanya BPKAD pengelola proyek yang dapat mencatat perjanjian pinjaman.');
      }
      if (current.state !== 'APPROVED') {
        throw conflict(
          `Perjanjian pinjaman dicatat setelah pinjaman disetujui dan sebelum tahap ` +
            `${stageLabel('AGREEMENT_SIGNED')}; tahap saat ini ${stageLabel(current.state)}.`,
        );
      }
      const document = await this.projectDocuments
        .findById(data.documentId)
        .lean<ProjectDocumentRecord>()
        .exec();
      if (!document || document.projectId !== current._id) {
        throw badInput('Dokumen perjanjian tidak ditemukan di antara dokumen proyek ini.', {
          fields: ['documentId'],
        });
      }
      if (document.sealedVersions.length === 0) {
        throw badInput(
          'Dokumen perjanjian belum disegel secara elektronik; segel versi yang ditandatangani ' +
            'terlebih dahulu.',
          { fields: ['documentId'] },
        );
      }
      const agreement = { ...data, recordedBy: actorRecord(caller), recordedAt: new Date() };
      const event = createEvent(
        'projects.agreement.recorded',
        {
          project: projectEventSnapshot(current),
          documentId: data.documentId,
          number: data.number,
          signedOn: data.signedOn,
        },
        eventMeta(caller, current),
      );
      return this.write(current, { $set: { agreement } }, [event]);
    });
  }

  /** Stage actions for the caller, with the guards' reasons; facts batched per request. */
  async actions(
    principal: Principal | null,
    loaders: RequestLoaders,
    project: LoanProjectRecord,
  ): Promise<AvailableTransition<LoanProjectStage, LoanProjectTransition>[]> {
    if (!principal || principal.kind !== 'user' || isFinal(project.state)) return [];
    const [requirements, agreementDocument] = await Promise.all([
      loaders
        .get(
          'RequirementStatesByProject',
          async (ids) => {
            const rows = await this.requirementStates
              .find({ projectId: { $in: [...ids] } })
              .lean<RequirementStateRecord[]>()
              .exec();
            return ids.map((projectId) => ({
              projectId,
              rows: rows.filter((row) => row.projectId === projectId),
            }));
          },
          (entry) => entry.projectId,
        )
        .load(project._id),
      project.agreement
        ? loaders
            .get(
              'ProjectDocument',
              (ids) =>
                this.projectDocuments
                  .find({ _id: { $in: [...ids] } })
                  .lean<ProjectDocumentRecord[]>()
                  .exec(),
              (document) => document._id,
            )
            .load(project.agreement.documentId)
        : null,
    ]);
    const facts = factsOf(project, requirements?.rows ?? [], agreementDocument);
    return stageActions(principal, { ...project, facts });
  }

  /** What the stage guards need, read fresh for a transition. */
  async stageFacts(project: LoanProjectRecord): Promise<StageFacts> {
    const [requirements, agreementDocument] = await Promise.all([
      this.requirementStates
        .find({ projectId: project._id })
        .lean<RequirementStateRecord[]>()
        .exec(),
      project.agreement
        ? this.projectDocuments
            .findById(project.agreement.documentId)
            .lean<ProjectDocumentRecord>()
            .exec()
        : null,
    ]);
    return factsOf(project, requirements, agreementDocument);
  }

  /**
   * Writes one change of a project read just before, with its events, through the shared writer
   * (a claimed write at its `revision`, then the events released to the outbox). Null when another
   * writer changed the project in between: the caller reads it again (retryAtRevision).
   */
  private write(
    current: Pick<LoanProjectRecord, '_id' | 'revision'>,
    update: Record<string, unknown>,
    events: readonly EventEnvelope[],
  ): Promise<LoanProjectRecord | null> {
    return commitAtRevision(this.projects, this.outbox, current, events, update);
  }

  private async fresh(id: string): Promise<LoanProjectRecord> {
    const project = await this.projects.findById(id).lean<LoanProjectRecord>().exec();
    if (!project) throw notFound('Proyek pinjaman tidak ditemukan.');
    return project;
  }

  private assertOpen(project: LoanProjectRecord): void {
    if (isFinal(project.state)) {
      throw conflict(`Proyek pada tahap ${stageLabel(project.state)} tidak dapat diubah lagi.`);
    }
  }

  /** The executing organization and the lender, from identity's organizations (one query). */
  private async parties(
    organizationCode: string,
    lenderCode: string,
  ): Promise<[OrganizationRecord, OrganizationRecord]> {
    const found = await this.organizations
      .find({ _id: { $in: [organizationCode, lenderCode] } })
      .lean<OrganizationRecord[]>()
      .exec();
    const organization = found.find((org) => org._id === organizationCode);
    const lender = found.find((org) => org._id === lenderCode);
    if (!organization) {
      throw badInput(`Organisasi pelaksana ${organizationCode} tidak dikenal.`, {
        fields: ['organizationCode'],
      });
    }
    if (organization.kind === LENDER_KIND) {
      throw badInput(`${organization.name} adalah pemberi pinjaman, bukan perangkat daerah.`, {
        fields: ['organizationCode'],
      });
    }
    if (!lender) {
      throw badInput(`Pemberi pinjaman ${lenderCode} tidak dikenal.`, {
        fields: ['lenderOrganizationCode'],
      });
    }
    if (lender.kind !== LENDER_KIND) {
      throw badInput(`${lender.name} bukan pemberi pinjaman.`, {
        fields: ['lenderOrganizationCode'],
      });
    }
    return [organization, lender];
  }
}

/** Stage requirements are those outside every tranche's requirement group. */
function factsOf(
  project: LoanProjectRecord,
  requirements: readonly RequirementStateRecord[],
  agreementDocument: ProjectDocumentRecord | null | undefined,
): StageFacts {
  const groups = trancheGroups(project);
  return {
    stageRequirementStates: requirements
      .filter((row) => !row.group || !groups.has(row.group))
      .map((row) => row.status),
    agreementSealed:
      agreementDocument?.projectId === project._id && agreementDocument.sealedVersions.length > 0,
  };
}
