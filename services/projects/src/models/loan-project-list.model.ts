import { Schema, type Connection, type Model } from 'mongoose';
import type {
  LoanProjectModel,
  LoanProjectRecord,
  RequirementSummaryRecord,
} from './loan-project.model.js';

// ---------------------------------------------------------------------------------------------
// `loan_project_list`: the slim read model of `loan_projects` (one document per project, same
// `_id`), holding only what the list, its facets, the portfolio and the map read.
//
// FerretDB v1 (SQLite) uses no secondary index: every query not by `_id` reads whole documents,
// and a project record carries its tranches, reports and history (~7 KB). The list's count +
// find and the facets' aggregation over 1,000 of them took ~2 s per command; over these rows
// (~650 bytes) 0.1–0.2 s. Kept in step by the only writers of `loan_projects`: every claimed
// write (loan-project-writer.ts `updateAtRevision`) and the creation's insert
// (LoanProjectService.create) replace the row from the record they wrote; the startup backfill
// (`backfillLoanProjectList`) rebuilds missing or outdated rows.
// ---------------------------------------------------------------------------------------------

export const LOAN_PROJECT_LIST = 'loan_project_list';

/** A location as the list and the map need it (no outline). */
export interface LocationSummaryRecord {
  id: string;
  latitude: number;
  longitude: number;
  address: string;
  administrativeArea: string;
}

export type LoanProjectListRecord = Pick<
  LoanProjectRecord,
  | '_id'
  | 'code'
  | 'fiscalYear'
  | 'name'
  | 'organizationCode'
  | 'organizationName'
  | 'lenderOrganizationCode'
  | 'lenderName'
  | 'managerOrganizationCode'
  | 'amount'
  | 'state'
  | 'physicalProgress'
  | 'financialProgress'
  | 'behindPlan'
  | 'approvedAmount'
  | 'disbursedAmount'
  | 'searchText'
  | 'createdAt'
  | 'updatedAt'
  | 'revision'
> & {
  requirementSummary: RequirementSummaryRecord;
  locations: LocationSummaryRecord[];
};

/** The list row of a project record (what a writer stores after each write). */
export function listSummaryOf(record: LoanProjectRecord): LoanProjectListRecord {
  return {
    _id: record._id,
    code: record.code,
    fiscalYear: record.fiscalYear,
    name: record.name,
    organizationCode: record.organizationCode,
    organizationName: record.organizationName,
    lenderOrganizationCode: record.lenderOrganizationCode,
    lenderName: record.lenderName,
    managerOrganizationCode: record.managerOrganizationCode,
    amount: record.amount,
    state: record.state,
    physicalProgress: record.physicalProgress ?? 0,
    financialProgress: record.financialProgress ?? 0,
    behindPlan: Boolean(record.behindPlan),
    approvedAmount: record.approvedAmount ?? 0,
    disbursedAmount: record.disbursedAmount ?? 0,
    requirementSummary: {
      total: record.requirementSummary?.total ?? 0,
      approved: record.requirementSummary?.approved ?? 0,
      waived: record.requirementSummary?.waived ?? 0,
      submitted: record.requirementSummary?.submitted ?? 0,
      revisionRequested: record.requirementSummary?.revisionRequested ?? 0,
      outstanding: record.requirementSummary?.outstanding ?? 0,
    },
    locations: (record.locations ?? []).map((location) => ({
      id: location.id,
      latitude: location.latitude,
      longitude: location.longitude,
      address: location.address,
      administrativeArea: location.administrativeArea,
    })),
    searchText: record.searchText,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    revision: record.revision ?? 0,
  };
}

/** A `LoanProject` as GraphQL resolves it: a full record, or a list row (the list, portfolio). */
export type LoanProjectParent = LoanProjectRecord | LoanProjectListRecord;

/** A full record, as opposed to its list row (GraphQL parents may be either). */
export function isFullProject(project: LoanProjectParent): project is LoanProjectRecord {
  return 'createdBy' in project;
}

/**
 * Replaces the list row of a record just written, unless the row already holds this revision or
 * a newer one: one command, `replaceOne({_id, revision: {$lt: r}}, row, {upsert})`. When the
 * stored row is as new or newer the filter matches nothing and the upsert's insert hits the
 * unique `_id`: ignored. Not last-writer-wins: writes of one project are serialized by the
 * revision claims, but the row of revision r is stored after the write of r returned, so it may
 * reach the database after the writer of r + 1 (which read r) stored its own; the revision filter
 * keeps the older row from replacing the newer. (FerretDB v1 does not apply the filter and the
 * replacement atomically; two row writes that still interleave leave a row one revision behind
 * until the project's next write or the startup backfill, harmless for a list.)
 * Best effort: the project write already happened and must not fail because of its list row.
 */
export async function storeListSummary(
  projects: LoanProjectModel,
  record: LoanProjectRecord,
): Promise<void> {
  const row = listSummaryOf(record);
  await projects.db
    .collection<LoanProjectListRecord>(LOAN_PROJECT_LIST)
    .replaceOne({ _id: row._id, revision: { $lt: row.revision } }, row, { upsert: true })
    // Duplicate key: the stored row is as new or newer. Any other failure: the row stays behind
    // until the project's next write or the startup backfill.
    .catch(() => undefined);
}

const BACKFILL_BATCH = 100;

/**
 * Rebuilds missing or outdated list rows when the two collections' estimated counts differ (a
 * fresh deployment, a crash between a project's insert and its row): compares `{_id, revision}`
 * of both (the only full read of `loan_projects`, at startup) and replaces rows in batches of
 * records read by `_id`. Returns the rows written.
 */
export async function backfillLoanProjectList(
  projects: LoanProjectModel,
  list: LoanProjectListModel,
): Promise<number> {
  const [recordCount, rowCount] = await Promise.all([
    projects.estimatedDocumentCount().exec(),
    list.estimatedDocumentCount().exec(),
  ]);
  if (recordCount === rowCount) return 0;
  const [records, rows] = await Promise.all([
    projects.collection.find({}, { projection: { _id: 1, revision: 1 } }).toArray(),
    list.collection.find({}, { projection: { _id: 1, revision: 1 } }).toArray(),
  ]);
  const stored = new Map(rows.map((row) => [String(row._id), Number(row.revision ?? -1)]));
  const outdated = records
    .filter((record) => (stored.get(String(record._id)) ?? -1) < Number(record.revision ?? 0))
    .map((record) => String(record._id));
  const ids = new Set(records.map((record) => String(record._id)));
  const orphans = [...stored.keys()].filter((id) => !ids.has(id));
  if (orphans.length > 0) await list.deleteMany({ _id: { $in: orphans } }).exec();
  for (let from = 0; from < outdated.length; from += BACKFILL_BATCH) {
    const batch = await projects
      .find({ _id: { $in: outdated.slice(from, from + BACKFILL_BATCH) } })
      .lean<LoanProjectRecord[]>()
      .exec();
    await list.bulkWrite(
      batch.map((record) => ({
        replaceOne: {
          filter: { _id: record._id },
          replacement: listSummaryOf(record),
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
  return outdated.length;
}

const locationSummarySchema = new Schema<LocationSummaryRecord>(
  {
    id: { type: String, required: true },
    latitude: { type: Number, required: true },
    longitude: { type: Number, required: true },
    address: { type: String, required: true },
    administrativeArea: { type: String, required: true },
  },
  { _id: false },
);

const requirementSummarySchema = new Schema<RequirementSummaryRecord>(
  {
    total: { type: Number, default: 0 },
    approved: { type: Number, default: 0 },
    waived: { type: Number, default: 0 },
    submitted: { type: Number, default: 0 },
    revisionRequested: { type: Number, default: 0 },
    outstanding: { type: Number, default: 0 },
  },
  { _id: false },
);

const loanProjectListSchema = new Schema<LoanProjectListRecord>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    name: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, required: true },
    lenderOrganizationCode: { type: String, required: true },
    lenderName: { type: String, required: true },
    managerOrganizationCode: { type: String, required: true },
    amount: { type: Number, required: true },
    state: { type: String, required: true },
    physicalProgress: { type: Number, default: 0 },
    financialProgress: { type: Number, default: 0 },
    behindPlan: { type: Boolean, default: false },
    approvedAmount: { type: Number, default: 0 },
    disbursedAmount: { type: Number, default: 0 },
    requirementSummary: { type: requirementSummarySchema, required: true },
    locations: { type: [locationSummarySchema], default: [] },
    searchText: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, default: 0 },
  },
  // Timestamps are the record's, copied: not set by mongoose here.
  { collection: LOAN_PROJECT_LIST, versionKey: false },
);
loanProjectListSchema.index({ fiscalYear: 1, state: 1 });
loanProjectListSchema.index({ organizationCode: 1 });
loanProjectListSchema.index({ lenderOrganizationCode: 1 });
loanProjectListSchema.index({ createdAt: 1, _id: 1 });

export type LoanProjectListModel = Model<LoanProjectListRecord>;

/** The model on `connection` (registered once: the services each ask for it). */
export function loanProjectListModel(connection: Connection): LoanProjectListModel {
  return (
    (connection.models.LoanProjectList as LoanProjectListModel | undefined) ??
    connection.model<LoanProjectListRecord>('LoanProjectList', loanProjectListSchema)
  );
}
