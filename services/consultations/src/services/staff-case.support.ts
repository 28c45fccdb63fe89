import type { OrganizationDirectory, StaffDirectory, StaffMemberRecord } from '@sipadu/directory';
import { badInput, forbidden, parseInput, type Role } from '@sipadu/service-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import { z } from 'zod';
import type {
  CaseAction,
  CaseAttachment,
  CaseClock,
  CaseHistoryEntry,
  CaseThreadSubject,
  PageInfo,
} from '../generated/graphql.js';
import type { CaseFlow, CaseRecord, PersonRecord } from '../models/case.model.js';
import type {
  CaseEngine,
  CasePage,
  CaseQueue,
  TransitionCaseInput,
} from './case-engine.service.js';
import { caseCursor, iso, personView, threadSubject } from './case-views.js';

// What the three staff flows (consultation, work item, ICT complaint) share: input pieces,
// people, officers, and the parts of their GraphQL objects that every case has.

/** What every staff flow service is built from (app.ts). */
export interface StaffCaseServiceOptions {
  engine: CaseEngine;
  staff: StaffDirectory;
  organizations: OrganizationDirectory;
}

/** Options of every write; the demo seed back-dates its cases with `now`. */
export interface CaseWriteOptions {
  now?: Date;
}

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ATTACHMENTS = 10;
const MAX_NOTE = 2000;

const thousands = (value: number) => value.toLocaleString('id-ID');

/** A required text between `min` and `max` characters (trimmed), named in its messages. */
export const text = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} wajib diisi.` })
    .trim()
    .min(min, `${name} minimal ${thousands(min)} karakter.`)
    .max(max, `${name} maksimal ${thousands(max)} karakter.`);

/** An optional text up to `max` characters; blank becomes null. */
export const optionalText = (name: string, max: number) =>
  z
    .string({ error: `${name} harus berupa teks.` })
    .trim()
    .max(max, `${name} maksimal ${thousands(max)} karakter.`)
    .nullish()
    .transform((value) => value || null);

export const caseIdField = z
  .string({ error: 'Id kasus wajib diisi.' })
  .trim()
  .min(1, 'Id kasus wajib diisi.')
  .max(100, 'Id kasus tidak valid.');

export const personIdField = (name: string) =>
  z
    .string({ error: `${name} wajib dipilih.` })
    .trim()
    .min(1, `${name} wajib dipilih.`)
    .max(100, `${name} tidak valid.`);

export const revisionField = z
  .number({ error: 'Revisi wajib diisi.' })
  .int('Revisi harus bilangan bulat.')
  .min(0, 'Revisi tidak valid.');

/** Optional note of a step; steps whose note is required are refused by the workflow table. */
export const noteField = optionalText('Catatan', MAX_NOTE);

/** Files uploaded to the documents service beforehand (ids are uuids), without repeats. */
export const attachmentsField = z
  .array(z.string().trim().regex(UUID_LIKE, 'Id berkas lampiran tidak valid.'), {
    error: 'Lampiran harus berupa daftar id berkas.',
  })
  .max(MAX_ATTACHMENTS, `Lampiran maksimal ${MAX_ATTACHMENTS} berkas.`)
  .nullish()
  .transform((ids) => [...new Set(ids ?? [])]);

export const decisionField = z.enum(['APPROVE', 'RETURN'], {
  error: 'Keputusan harus APPROVE atau RETURN.',
});

const QUEUES = ['ALL', 'MINE', 'REQUESTED', 'ASSIGNED', 'OPEN', 'OVERDUE'] as const;

/** Arguments of a flow's list query, for the flow's statuses. */
export const listArgsSchema = <S extends string>(statuses: readonly [S, ...S[]]) =>
  z.object({
    status: z
      .array(z.enum(statuses, { error: `Status harus salah satu dari ${statuses.join(', ')}.` }))
      .nullish()
      .transform((value) => value ?? []),
    queue: z
      .enum(QUEUES, { error: `Antrean harus salah satu dari ${QUEUES.join(', ')}.` })
      .nullish()
      .transform((value): CaseQueue => value ?? 'ALL'),
    search: optionalText('Pencarian', 200),
    first: z
      .number({ error: 'Jumlah per halaman harus angka.' })
      .int('Jumlah per halaman harus bilangan bulat.')
      .min(1, 'Jumlah per halaman minimal 1.')
      .max(100, 'Jumlah per halaman maksimal 100.')
      .nullish()
      .transform((value) => value ?? 20),
    after: z.string().max(500, 'Kursor halaman tidak valid.').nullish(),
  });

export function personOf(member: StaffMemberRecord): PersonRecord {
  return {
    id: member.id,
    name: member.name,
    organizationCode: member.organizationCode,
    roles: [...member.roles],
  };
}

/** The signed-in caller as a person on the case (named by the token, else by the directory). */
export async function callerPerson(
  staff: StaffDirectory,
  principal: WorkflowPrincipal,
): Promise<PersonRecord> {
  const known = principal.name ? null : await staff.get(principal.id);
  return {
    id: principal.id,
    name: principal.name ?? known?.name ?? principal.id,
    organizationCode: principal.organizationCode,
    roles: [...principal.roles],
  };
}

/** Staff of an organization open a case as themselves; a caller without one cannot. */
export function requireStaffOrganization(principal: WorkflowPrincipal, action: string): string {
  if (principal.kind !== 'user' || !principal.organizationCode) {
    throw forbidden(`Anda tidak dapat ${action}: akun Anda belum terhubung ke perangkat daerah.`);
  }
  return principal.organizationCode;
}

export function requireRole(principal: WorkflowPrincipal, role: Role, action: string): void {
  if (!principal.roles.includes(role)) throw forbidden(`Anda tidak berwenang ${action}.`);
}

/**
 * The officer a case is routed to: an active staff member holding `role` in an organization (the
 * handling organization of the case).
 */
async function routingTarget(
  staff: StaffDirectory,
  officerId: string,
  role: Role,
): Promise<StaffMemberRecord & { organizationCode: string }> {
  const officer = await staff.get(officerId);
  if (!officer || !officer.active || !officer.roles.includes(role) || !officer.organizationCode) {
    throw badInput(`Petugas tidak ditemukan atau tidak memegang peran ${role}.`, {
      fields: ['officerId'],
    });
  }
  return officer as StaffMemberRecord & { organizationCode: string };
}

/** Names of every organization the records mention (the case's and its people's). */
export async function organizationNamesOf(
  organizations: OrganizationDirectory,
  records: readonly CaseRecord[],
): Promise<Map<string, string>> {
  const codes = new Set<string>();
  for (const record of records) {
    codes.add(record.organizationCode);
    for (const person of [record.requester, record.assignee]) {
      if (person?.organizationCode) codes.add(person.organizationCode);
    }
  }
  return organizations.names([...codes]);
}

/** A person on the case as GraphQL StaffMember. */
export const staffMemberView = (person: PersonRecord, names: Map<string, string>) =>
  personView(person, person.organizationCode ? names.get(person.organizationCode) : null);

/** A person the flow always records (requester, work item assignee); missing means bad data. */
export function recorded(person: PersonRecord | null, record: CaseRecord, role: string) {
  if (!person) throw new Error(`Case ${record._id} has no ${role}`);
  return person;
}

export interface CommonCaseView {
  id: string;
  number: string;
  statusLabel: string;
  organizationCode: string;
  organizationName: string | null;
  points: number;
  onTime: boolean | null;
  attachments: CaseAttachment[];
  history: CaseHistoryEntry[];
  clock: CaseClock;
  actions: CaseAction[];
  thread: CaseThreadSubject;
  revision: number;
  submittedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** The fields every case type (Consultation, WorkItem, IctComplaint) has. */
export function commonView(
  engine: CaseEngine,
  record: CaseRecord,
  principal: WorkflowPrincipal | null,
  names: Map<string, string>,
): CommonCaseView {
  return {
    id: record._id,
    number: record.number,
    statusLabel: engine.statusLabel(record),
    organizationCode: record.organizationCode,
    organizationName: names.get(record.organizationCode) ?? record.organizationName ?? null,
    points: record.points ?? 0,
    onTime: record.onTime ?? null,
    attachments: engine.attachmentsView(record),
    history: engine.historyView(record),
    clock: engine.clock(record),
    actions: engine.actions(record, principal),
    thread: threadSubject(engine.flow(record.flow), record._id),
    revision: record.revision,
    submittedAt: iso(record.createdAt) as string,
    updatedAt: iso(record.updatedAt) as string,
    closedAt: iso(record.closedAt),
  };
}

/** A GraphQL connection of one page of cases, the nodes already turned into views. */
export function connectionOf<T>(page: CasePage, nodes: T[]) {
  const edges = page.nodes.map((record, index) => ({
    cursor: caseCursor(record),
    node: nodes[index] as T,
  }));
  const pageInfo: PageInfo = {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: false,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: page.endCursor,
  };
  return { edges, pageInfo, totalCount: page.totalCount };
}

/** A step on a case: its id, the revision the caller saw, the optional note. */
export const stepInputSchema = z.object({
  id: caseIdField,
  note: noteField,
  revision: revisionField,
});
export type StepInput = z.infer<typeof stepInputSchema>;
/** Routing a case: the step plus the officer it goes to. */
export const routeInputSchema = stepInputSchema.extend({ officerId: personIdField('Petugas') });

/**
 * What the three staff flow services share: list and read through the engine's scopes, one
 * step at the caller's revision, views built with the organization names looked up once.
 */
export abstract class StaffCaseService<View, Transition extends string> {
  protected readonly engine: CaseEngine;
  protected readonly staff: StaffDirectory;
  protected readonly organizations: OrganizationDirectory;
  private readonly listSchema;

  constructor(
    options: StaffCaseServiceOptions,
    private readonly flow: CaseFlow,
    statuses: readonly [string, ...string[]],
  ) {
    this.engine = options.engine;
    this.staff = options.staff;
    this.organizations = options.organizations;
    this.listSchema = listArgsSchema(statuses);
  }

  async list(principal: WorkflowPrincipal, args: unknown) {
    const input = parseInput(this.listSchema, args);
    const page = await this.engine.list({
      flow: this.flow,
      principal,
      states: input.status,
      queue: input.queue,
      search: input.search,
      first: input.first,
      after: input.after,
    });
    return connectionOf(page, await this.views(principal, page.nodes));
  }

  /** The case, or null when it does not exist or the caller may not read it. */
  async get(principal: WorkflowPrincipal, id: string): Promise<View | null> {
    const record = await this.engine.get(this.flow, id, principal);
    return record ? this.view(principal, record) : null;
  }

  protected async step(
    principal: WorkflowPrincipal,
    input: StepInput,
    transition: Transition,
    options: CaseWriteOptions,
    extra: Pick<TransitionCaseInput, 'data' | 'set' | 'attachmentFileIds'> = {},
  ): Promise<View> {
    const record = await this.engine.transition({
      flow: this.flow,
      id: input.id,
      revision: input.revision,
      transition,
      principal,
      note: input.note,
      now: options.now,
      ...extra,
    });
    return this.view(principal, record);
  }

  /**
   * Routes (or re-routes) the case to an officer holding `role`; the officer's organization
   * becomes the handling organization.
   */
  protected async routeTo(
    principal: WorkflowPrincipal,
    input: z.infer<typeof routeInputSchema>,
    role: Role,
    options: CaseWriteOptions,
  ): Promise<View> {
    const officer = await routingTarget(this.staff, input.officerId, role);
    return this.step(principal, input, 'route' as Transition, options, {
      data: { assigneeId: officer.id },
      set: (record) => {
        if (record.assigneeId === officer.id) {
          throw badInput('Kasus sudah ditugaskan kepada petugas ini.', { fields: ['officerId'] });
        }
        return {
          assigneeId: officer.id,
          assignee: personOf(officer),
          handlerOrganizationCode: officer.organizationCode,
        };
      },
    });
  }

  protected async view(principal: WorkflowPrincipal, record: CaseRecord): Promise<View> {
    const [view] = await this.views(principal, [record]);
    return view as View;
  }

  private async views(principal: WorkflowPrincipal, records: readonly CaseRecord[]) {
    const names = await organizationNamesOf(this.organizations, records);
    return records.map((record) => this.toView(principal, record, names));
  }

  /** The flow's GraphQL object of a case, for the caller. */
  protected abstract toView(
    principal: WorkflowPrincipal,
    record: CaseRecord,
    names: Map<string, string>,
  ): View;
}
