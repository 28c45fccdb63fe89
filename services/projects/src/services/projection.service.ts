import type { AnyEventEnvelope, Outbox } from '@sipadu/events';
import type { FileCaptureModel } from '../models/file-capture.model.js';
import { backoff, commitAtRevision, revisionConflict } from '../models/loan-project-writer.js';
import type {
  LoanProjectModel,
  LoanProjectRecord,
  RequirementSummaryRecord,
} from '../models/loan-project.model.js';
import type { ProjectDocumentModel } from '../models/project-document.model.js';
import type {
  RequirementStateModel,
  RequirementStateRecord,
} from '../models/requirement-state.model.js';
import { trancheGroups } from '../workflows/loan-project-rules.js';

const LOAN_PROJECT = 'LoanProject';
/** Uploads whose capture data progress reports use; other files are none of our business. */
const MEDIA_PURPOSES = new Set(['photo', 'video']);
/**
 * Attempts of a consumer's project write before the event is handed back to JetStream (which
 * delivers it again later): the consumer competes with the users' writes for the revision.
 */
export const CONSUMER_WRITE_ATTEMPTS = 10;

/**
 * The other services' facts the projects service decides on, kept from their events: the
 * documents service's requirements, documents, seals and photo captures about loan projects
 * (identity's organizations are kept by @sipadu/directory). Every apply is idempotent (upserts by id), as redeliveries require.
 */
export class ProjectionService {
  constructor(
    private readonly projects: LoanProjectModel,
    private readonly requirementStates: RequirementStateModel,
    private readonly projectDocuments: ProjectDocumentModel,
    private readonly fileCaptures: FileCaptureModel,
    /** Releases events a crashed writer left on a project this consumer writes to. */
    private readonly outbox: Outbox,
  ) {}

  async init(): Promise<void> {
    await Promise.all([
      this.requirementStates.init(),
      this.projectDocuments.init(),
      this.fileCaptures.init(),
    ]);
  }

  async applyDocuments(event: AnyEventEnvelope): Promise<void> {
    switch (event.type) {
      case 'documents.requirement.created':
        if (event.data.subject.type !== LOAN_PROJECT) return;
        await this.recordRequirement(
          {
            _id: event.data.requirementId,
            projectId: event.data.subject.id,
            title: event.data.title,
            group: event.data.group,
            status: 'REQUESTED',
          },
          new Date(event.occurredAt),
        );
        return;
      case 'documents.requirement.submitted':
      case 'documents.requirement.forwarded':
      case 'documents.requirement.approved':
      case 'documents.requirement.revisionRequested':
      case 'documents.requirement.waived': {
        const { requirement } = event.data;
        if (requirement.subject.type !== LOAN_PROJECT) return;
        await this.recordRequirement(
          {
            _id: event.data.subjectId,
            projectId: requirement.subject.id,
            title: requirement.title,
            group: requirement.group,
            status: event.data.to,
          },
          new Date(event.data.at),
        );
        return;
      }
      case 'documents.document.created':
        if (event.data.subject.type !== LOAN_PROJECT) return;
        await this.recordDocument(event.data.documentId, event.data.subject.id, event.data.title);
        return;
      case 'documents.signature.created':
        if (event.data.subject.type !== LOAN_PROJECT) return;
        // The seal may be handled before the document's creation event: the row starts here then.
        await this.projectDocuments.updateOne(
          { _id: event.data.documentId },
          {
            $set: { projectId: event.data.subject.id },
            $setOnInsert: { title: 'Dokumen' },
            $addToSet: { sealedVersions: event.data.version },
          },
          { upsert: true },
        );
        return;
      case 'documents.file.stored':
        if (!MEDIA_PURPOSES.has(event.data.purpose)) return;
        await this.fileCaptures.updateOne(
          { _id: event.data.fileId },
          {
            $set: {
              contentType: event.data.contentType,
              latitude: event.data.capture?.latitude ?? null,
              longitude: event.data.capture?.longitude ?? null,
              takenAt: event.data.capture?.takenAt ? new Date(event.data.capture.takenAt) : null,
            },
          },
          { upsert: true },
        );
        return;
      default:
        return;
    }
  }

  /**
   * Recomputes the project's denormalised requirement counts from the projection; called after
   * every requirement change. Written like every other change of a project: claimed at the
   * revision read (a plain update could undo a concurrent user's write on FerretDB v1). The
   * project is read before the requirements, so the refresh that writes last (the highest
   * revision) read them after every other refresh had written, hence after every change those
   * counted: replicas handling events of one project at once cannot leave an older count behind.
   * After losing the race CONSUMER_WRITE_ATTEMPTS times it throws, and the event is delivered
   * again and counted again.
   */
  async refreshRequirementSummary(projectId: string): Promise<void> {
    for (let attempt = 0; attempt < CONSUMER_WRITE_ATTEMPTS; attempt += 1) {
      const project = await this.projects
        .findById(projectId, { tranches: 1, revision: 1 })
        .lean<Pick<LoanProjectRecord, '_id' | 'revision' | 'tranches'>>()
        .exec();
      // A requirement about a project this deployment does not hold changes nothing here.
      if (!project) return;
      const rows = await this.requirementStates
        .find({ projectId })
        .lean<RequirementStateRecord[]>()
        .exec();
      const written = await commitAtRevision(this.projects, this.outbox, project, [], {
        $set: { requirementSummary: summarize(rows, trancheGroups(project)) },
      });
      if (written) return;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  /** An upsert cannot start the row with `sealedVersions: []` on FerretDB v1 (it drops it). */
  private async recordDocument(id: string, projectId: string, title: string): Promise<void> {
    if (await this.projectDocuments.exists({ _id: id })) {
      await this.projectDocuments.updateOne({ _id: id }, { $set: { projectId, title } });
      return;
    }
    await this.projectDocuments.create({ _id: id, projectId, title, sealedVersions: [] });
  }

  /** Applies one requirement's state unless a later event about it was applied already. */
  private async recordRequirement(
    row: Omit<RequirementStateRecord, 'updatedAt'>,
    at: Date,
  ): Promise<void> {
    const existing = await this.requirementStates
      .findById(row._id, { updatedAt: 1 })
      .lean<Pick<RequirementStateRecord, 'updatedAt'>>()
      .exec();
    if (existing && existing.updatedAt > at) return;
    await this.requirementStates.updateOne(
      { _id: row._id },
      { $set: { ...row, updatedAt: at } },
      { upsert: true },
    );
    await this.refreshRequirementSummary(row.projectId);
  }
}

export function summarize(
  rows: readonly Pick<RequirementStateRecord, 'status' | 'group'>[],
  trancheGroupNames: ReadonlySet<string>,
): RequirementSummaryRecord {
  const count = (...states: string[]) => rows.filter((row) => states.includes(row.status)).length;
  return {
    total: rows.length,
    approved: count('APPROVED'),
    waived: count('WAIVED'),
    submitted: count('SUBMITTED', 'UNDER_REVIEW'),
    revisionRequested: count('REVISION_REQUESTED'),
    outstanding: rows.filter(
      (row) =>
        !(row.group && trancheGroupNames.has(row.group)) &&
        row.status !== 'APPROVED' &&
        row.status !== 'WAIVED',
    ).length,
  };
}
