import { randomUUID } from 'node:crypto';
import { organizationModel, type OrganizationModel } from '@sipadu/directory';
import {
  Outbox,
  createEvent,
  eventsForInsert,
  type EventEnvelope,
  type PendingEvent,
} from '@sipadu/events';
import type { Principal, Role } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DisbursementService } from '../services/disbursement.service.js';
import { LoanProjectService } from '../services/loan-project.service.js';
import { ProgressService } from '../services/progress.service.js';
import { ProjectionService } from '../services/projection.service.js';
import { fileCaptureModel } from './file-capture.model.js';
import {
  REVISION_CLAIMS,
  STALE_CLAIM_MS,
  STRANDED_AFTER_MS,
  commitAtRevision,
  sweepStrandedEvents,
} from './loan-project-writer.js';
import {
  loanProjectModel,
  projectEventSnapshot as snapshotOf,
  type LoanProjectModel,
  type LoanProjectRecord,
} from './loan-project.model.js';
import { projectDocumentModel } from './project-document.model.js';
import { requirementStateModel, type RequirementStateModel } from './requirement-state.model.js';

// Every writer of `loan_projects` against the real FerretDB v1, whose conditional updates are not
// atomic: concurrent writes of different kinds to one project each land or fail with CONFLICT,
// never silently undone by another, with exactly their events in the outbox.
const DATABASE = 'sipadu_projects_writer_spec';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

let connection: Connection;
let projects: LoanProjectModel;
let requirements: RequirementStateModel;
let organizations: OrganizationModel;
let outbox: Outbox;
let loanProjects: LoanProjectService;
let disbursements: DisbursementService;
let progress: ProgressService;
let projections: ProjectionService;

const user = (role: Role, organizationCode: string): Principal => ({
  kind: 'user',
  id: `${role}-${organizationCode}`,
  username: role,
  name: `${role} ${organizationCode}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});
const bpkad = user('bpkad', 'BPKAD');
const pelaksana = user('pelaksana', 'DPUPR');

const claims = () => connection.collection<{ _id: string; at: Date }>(REVISION_CLAIMS);
const pendingOf = (record: unknown) =>
  (record as { _pendingEvents?: PendingEvent[] } | null)?._pendingEvents ?? [];

async function createProject(): Promise<LoanProjectRecord> {
  const doc = await projects.create({
    code: `PIN-2026-${randomUUID().slice(0, 8)}`,
    fiscalYear: 2026,
    name: 'Peningkatan Jalan Lingkar Barat',
    description: 'Pelebaran jalan 4,2 km.',
    borrowingReason: 'Konektivitas kawasan barat.',
    organizationCode: 'DPUPR',
    organizationName: 'Dinas PUPR',
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT SMI',
    managerOrganizationCode: 'BPKAD',
    amount: 10_000_000_000,
    tenorMonths: 96,
    state: 'DATA_PREPARATION',
    locations: [
      {
        id: 'loc1',
        latitude: -1.61,
        longitude: 103.61,
        address: 'Jl. Lingkar Barat',
        administrativeArea: 'Kota Jambi',
        outline: null,
      },
    ],
    searchText: 'pin jalan',
    createdBy: { id: 'bpkad', name: 'BPKAD', organizationCode: 'BPKAD' },
  });
  return doc.toObject();
}

function requirementCreated(projectId: string, requirementId: string) {
  return createEvent(
    'documents.requirement.created',
    {
      requirementId,
      title: 'Jaminan Uang Muka',
      subject: { type: 'LoanProject', id: projectId },
      group: null,
      uploaderOrganizationCode: 'DPUPR',
      reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
      requesterOrganizationCode: 'BPKAD',
      dueDate: null,
      templateId: null,
    },
    {
      actor: { type: 'user', id: 'spec-actor', org: 'BPKAD' },
      subject: { type: 'requirement', id: requirementId },
      org: 'BPKAD',
    },
  );
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  projects = loanProjectModel(connection);
  requirements = requirementStateModel(connection);
  organizations = organizationModel(connection);
  const documents = projectDocumentModel(connection);
  const captures = fileCaptureModel(connection);
  outbox = new Outbox({ connection });
  const planning = { resolveSubKegiatan: () => Promise.resolve([]) };
  loanProjects = new LoanProjectService(
    projects,
    organizations,
    requirements,
    documents,
    planning,
    outbox,
    'BPKAD',
  );
  const options = { timeZone: 'Asia/Jakarta', now: () => new Date('2026-03-06T03:00:00Z') };
  disbursements = new DisbursementService(projects, requirements, outbox, options);
  progress = new ProgressService(projects, captures, outbox, options);
  projections = new ProjectionService(projects, requirements, documents, captures, outbox);
});

beforeEach(async () => {
  await connection.dropDatabase();
  await outbox.init();
  // The outbox's sequence counter exists in any database that ever had an event; concurrent
  // first upserts of it are the outbox's concern (packages/events), not the writer's.
  await connection.collection('outbox_sequence').insertOne({ _id: 'seq' as never, value: 0 });
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('loan project writer', () => {
  it('lands or refuses with CONFLICT every one of concurrent writes of different kinds', async () => {
    for (let round = 0; round < 3; round += 1) {
      await outbox.rows.deleteMany({});
      const project = await createProject();
      await requirements.create({
        _id: `${project._id}-r1`,
        projectId: project._id,
        title: 'Rencana Penggunaan Uang Muka',
        group: null,
        status: 'REQUESTED',
        updatedAt: new Date(),
      });

      // Each writer, the event it publishes (if any) and how its change shows on the record.
      const writers: {
        name: string;
        run: () => Promise<unknown>;
        event: string | null;
        landed: (stored: LoanProjectRecord) => boolean;
      }[] = [
        {
          name: 'stage transition',
          run: () => loanProjects.transition(bpkad, project._id, 'openDocumentSubmission', null),
          event: 'projects.project.stageChanged',
          landed: (stored) => stored.state === 'DOCUMENT_SUBMISSION',
        },
        {
          name: 'the same stage transition again',
          run: () => loanProjects.transition(bpkad, project._id, 'openDocumentSubmission', null),
          event: 'projects.project.stageChanged',
          landed: (stored) => stored.state === 'DOCUMENT_SUBMISSION',
        },
        {
          name: 'requirement summary refresh (documents consumer)',
          run: () =>
            projections.applyDocuments(requirementCreated(project._id, `${project._id}-r2`)),
          event: null,
          landed: (stored) => stored.requirementSummary.total === 2,
        },
        {
          name: 'location update',
          run: () =>
            loanProjects.setLocations(pelaksana, project._id, [
              {
                latitude: -1.6,
                longitude: 103.62,
                address: 'Jl. Baru',
                administrativeArea: 'Kota Jambi',
              },
            ]),
          event: 'projects.project.updated',
          landed: (stored) => stored.locations[0]?.address === 'Jl. Baru',
        },
        {
          name: 'name update',
          run: () => loanProjects.update(bpkad, project._id, { name: 'Jalan Lingkar Barat II' }),
          event: 'projects.project.updated',
          landed: (stored) =>
            stored.name === 'Jalan Lingkar Barat II' && stored.searchText.includes('ii'),
        },
        {
          name: 'description update',
          run: () => loanProjects.update(pelaksana, project._id, { description: 'Tahap 2.' }),
          event: 'projects.project.updated',
          landed: (stored) => stored.description === 'Tahap 2.',
        },
        {
          name: 'disbursement plan',
          run: () =>
            disbursements.savePlan(bpkad, project._id, [
              {
                name: 'Uang muka',
                plannedShare: 20,
                plannedDate: '2026-06-30',
                minPhysicalProgress: 0,
              },
            ]),
          event: 'projects.project.updated',
          landed: (stored) => stored.tranches.length === 1,
        },
        {
          name: 'progress plan',
          run: () =>
            progress.savePlan(pelaksana, project._id, [
              { period: '2026-06', physicalPercent: 10, financialPercent: 5 },
            ]),
          event: 'projects.project.updated',
          landed: (stored) => stored.progressPlan.length === 1,
        },
      ];

      const outcomes = await Promise.allSettled(writers.map((writer) => writer.run()));
      const stored = (await projects.findById(project._id).lean<LoanProjectRecord>().exec())!;
      const expectedEvents: string[] = [];
      outcomes.forEach((outcome, index) => {
        const writer = writers[index]!;
        if (outcome.status === 'rejected') {
          // Refused, never half done: a CONFLICT the caller can act on.
          expect(outcome.reason, writer.name).toBeInstanceOf(GraphQLError);
          expect((outcome.reason as GraphQLError).extensions.code, writer.name).toBe('CONFLICT');
          return;
        }
        // Done, and not undone by any concurrent writer.
        expect(writer.landed(stored), writer.name).toBe(true);
        if (writer.event) expectedEvents.push(writer.event);
      });
      const [first, again] = outcomes;
      const transitions = [first, again].filter((o) => o?.status === 'fulfilled').length;
      // The stage moved at most once, and exactly as often as a transition said it did.
      expect(transitions).toBeLessThanOrEqual(1);
      expect(stored.history.map((entry) => entry.transition)).toEqual(
        transitions === 1 ? ['openDocumentSubmission'] : [],
      );
      expect(stored.state).toBe(transitions === 1 ? 'DOCUMENT_SUBMISSION' : 'DATA_PREPARATION');
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.status === 'rejected' && index > 1) {
          expect(writers[index]!.landed(stored), writers[index]!.name).toBe(false);
        }
      }

      // Exactly the events of the writes that landed, none left on the record.
      const published = (await outbox.rows.find({}).toArray()).map((row) => row.type);
      expect(published.sort()).toEqual(expectedEvents.sort());
      expect(pendingOf(stored)).toEqual([]);
      // Claims are cleaned up as the project moves on: only the latest one is left.
      const left = await claims()
        .find({ _id: { $regex: `^${project._id}:` } })
        .toArray();
      expect(left.map((claim) => claim._id)).toEqual([`${project._id}:${stored.revision - 1}`]);
    }
  }, 180_000);

  it('keeps one claim per project through sequential writes, creation included', async () => {
    await organizations.create([
      { _id: 'DPUPR', name: 'Dinas PUPR', kind: 'DINAS', updatedAt: new Date() },
      { _id: 'PTSMI', name: 'PT SMI', kind: 'LENDER', updatedAt: new Date() },
    ]);
    const created = await loanProjects.create(bpkad, {
      fiscalYear: 2026,
      name: 'Rumah Sakit Rujukan',
      description: 'Gedung rawat inap.',
      borrowingReason: 'Layanan kesehatan.',
      organizationCode: 'DPUPR',
      lenderOrganizationCode: 'PTSMI',
      amount: 5_000_000_000,
      tenorMonths: 60,
    });
    // The insert carried its event; a claimed write released it.
    expect(created.revision).toBe(1);
    expect(pendingOf(created)).toEqual([]);
    for (let i = 1; i <= 3; i += 1) {
      await loanProjects.update(bpkad, created._id, { name: `Rumah Sakit Rujukan ${i}` });
    }
    const stored = (await projects.findById(created._id).lean<LoanProjectRecord>().exec())!;
    // Three writes, each a change and the release of its event.
    expect(stored.revision).toBe(7);
    expect(stored.name).toBe('Rumah Sakit Rujukan 3');
    expect(pendingOf(stored)).toEqual([]);
    expect((await outbox.rows.find({}).sort({ seq: 1 }).toArray()).map((row) => row.type)).toEqual([
      'projects.project.created',
      'projects.project.updated',
      'projects.project.updated',
      'projects.project.updated',
    ]);
    expect((await claims().find({}).toArray()).map((claim) => claim._id)).toEqual([
      `${created._id}:6`,
    ]);
  });

  it('takes over the claim of a writer that crashed before writing', async () => {
    const project = await createProject();
    await claims().insertOne({
      _id: `${project._id}:${project.revision}`,
      at: new Date(Date.now() - STALE_CLAIM_MS - 1_000),
    });
    const updated = await loanProjects.setLocations(bpkad, project._id, []);
    expect(updated.locations).toEqual([]);
    expect(updated.revision).toBe(project.revision + 2);
  });

  it('answers CONFLICT while a live claim holds the revision', async () => {
    const project = await createProject();
    await claims().insertOne({ _id: `${project._id}:${project.revision}`, at: new Date() });
    const error = await loanProjects
      .update(bpkad, project._id, { name: 'Tidak tersimpan' })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('CONFLICT');
    expect((error as GraphQLError).message).toBe(
      'Proyek baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.',
    );
    const stored = await projects.findById(project._id).lean<LoanProjectRecord>().exec();
    expect(stored?.name).toBe(project.name);
  }, 60_000);

  it('stores again an event the outbox skipped, and clears none it did not store', async () => {
    /** Loses the events of its first `drops` enqueues, as a colliding outbox `seq` does. */
    class LossyOutbox extends Outbox {
      constructor(private drops: number) {
        super({ connection });
      }
      override async enqueue(events: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
        if (this.drops > 0) {
          this.drops -= 1;
          return;
        }
        await super.enqueue(events);
      }
    }
    const project = await createProject();
    const event = (name: string) =>
      createEvent(
        'projects.project.updated',
        { project: snapshotOf(project), fields: [name] },
        {
          actor: { type: 'user', id: 'bpkad', org: 'BPKAD' },
          subject: { type: 'LoanProject', id: project._id },
          org: 'DPUPR',
        },
      );
    const once = event('name');
    const written = await commitAtRevision(projects, new LossyOutbox(1), project, [once], {
      $set: { name: 'Satu' },
    });
    expect(pendingOf(written)).toEqual([]);
    expect(written?.revision).toBe(project.revision + 2);
    expect((await outbox.rows.find({}).toArray()).map((row) => row._id)).toEqual([once.id]);

    // An outbox that takes nothing: the change lands, its event stays on the record.
    const kept = event('description');
    const unreleased = await commitAtRevision(projects, new LossyOutbox(99), written!, [kept], {
      $set: { description: 'Dua' },
    });
    expect(unreleased?.description).toBe('Dua');
    expect(pendingOf(unreleased).map((pending) => pending.id)).toEqual([kept.id]);
    expect(await outbox.rows.countDocuments({})).toBe(1);
    // The next writer releases it with its own.
    const next = event('borrowingReason');
    const released = await commitAtRevision(projects, outbox, unreleased!, [next], {
      $set: { borrowingReason: 'Tiga' },
    });
    expect(pendingOf(released)).toEqual([]);
    expect((await outbox.rows.find({}).sort({ seq: 1 }).toArray()).map((row) => row._id)).toEqual([
      once.id,
      kept.id,
      next.id,
    ]);
  });

  it('releases events a crashed writer left on a record, and only stranded ones', async () => {
    const project = await createProject();
    const event = createEvent(
      'projects.project.updated',
      { project: snapshotOf(project), fields: ['name'] },
      {
        actor: { type: 'user', id: 'bpkad', org: 'BPKAD' },
        subject: { type: 'LoanProject', id: project._id },
        org: 'DPUPR',
      },
    );
    await projects.collection.updateOne(
      { _id: project._id as never },
      { $set: { ...eventsForInsert([event]) } },
    );
    // Written just now: its writer may still be releasing them.
    expect(await sweepStrandedEvents(projects, outbox)).toBe(0);
    const later = new Date(Date.now() + STRANDED_AFTER_MS + 1_000);
    expect(await sweepStrandedEvents(projects, outbox, { now: later })).toBe(1);
    const stored = await projects.findById(project._id).lean<LoanProjectRecord>().exec();
    expect(pendingOf(stored)).toEqual([]);
    expect(stored?.revision).toBe(project.revision + 1);
    expect((await outbox.rows.find({}).toArray()).map((row) => row._id)).toEqual([event.id]);
    expect(await sweepStrandedEvents(projects, outbox, { now: later })).toBe(0);
  });
});
