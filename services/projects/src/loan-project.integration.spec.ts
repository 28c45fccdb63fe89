import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  connectNats,
  createEvent,
  streamName,
  subjectForType,
  type EventDataInput,
  type EventType,
} from '@sipadu/events';
import { monitorMongoCommands } from '@sipadu/service-kit';
import {
  errorCodes,
  eventually,
  getClientToken,
  getUserToken,
  graphqlRequest,
} from '@sipadu/test-kit';
import type { mongo } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProjectsService, type RunningProjectsService } from './app.js';
import { projectsEnvironment } from './environment.js';
import { LOAN_PROJECT_LIST, listSummaryOf } from './models/loan-project-list.model.js';
import type { LoanProjectRecord } from './models/loan-project.model.js';

// The service on a throwaway database with its own durable consumers, fed real JetStream events
// and called by real Keycloak users; the MongoDB driver reports every command it sends.
const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-projects-${RUN}`;
const OTHER_LENDER = `BANK${RUN.toUpperCase()}`;
const ROAD = '1.03.10.2.01.0002';
const JAMBI = { latitude: -1.6101, longitude: 103.6131 };

let service: RunningProjectsService;
let nc: NatsConnection;
let js: JetStreamClient;
const tokens: Record<string, string> = {};

/** Receives the commands the service's MongoDB client sends while a measurement runs. */
let onCommand: ((event: mongo.CommandStartedEvent) => void) | null = null;

const gql = <T = Record<string, unknown>>(
  user: string,
  query: string,
  variables: Record<string, unknown> = {},
) => graphqlRequest<T>(service.url, query, { token: tokens[user], variables });

async function publish<T extends EventType>(
  type: T,
  data: EventDataInput<T>,
  subject: { type: string; id: string },
  org: string,
): Promise<void> {
  const event = createEvent(type, data, {
    actor: { type: 'user', id: 'spec-actor', org },
    subject,
    org,
  });
  await js.publish(subjectForType(type), JSON.stringify(event), { msgID: event.id });
}

function requirementMoved(
  type:
    | 'documents.requirement.submitted'
    | 'documents.requirement.approved'
    | 'documents.requirement.waived',
  requirementId: string,
  projectId: string,
  from: string,
  to: string,
) {
  return publish(
    type,
    {
      workflow: 'document-requirement',
      subjectId: requirementId,
      transition: type.split('.').at(-1) === 'submitted' ? 'submit' : 'approve',
      from,
      to,
      actor: {
        kind: 'user',
        id: 'spec-actor',
        name: null,
        organization: 'PTSMI',
        roles: ['pemberi-pinjaman'],
      },
      at: new Date().toISOString(),
      note: null,
      requirement: {
        title: 'Rencana Penggunaan Uang Muka',
        subject: { type: 'LoanProject', id: projectId },
        group: null,
        uploaderOrganizationCode: 'DPUPR',
        reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
        requesterOrganizationCode: 'BPKAD',
        currentReviewerOrganizationCode: null,
        documentId: null,
        documentVersion: 1,
        dueDate: null,
      },
    },
    { type: 'requirement', id: requirementId },
    'BPKAD',
  );
}

const PROJECT_FIELDS = /* GraphQL */ `
  id
  code
  stage
  stageLabel
  organizationCode
  organizationName
  lenderOrganizationCode
  lenderName
  amount
  planningCodes {
    code
    name
    versionId
  }
  locations {
    id
    latitude
    longitude
    administrativeArea
  }
  requirementSummary {
    total
    submitted
    approved
    outstanding
  }
  history {
    transition
    from
    to
    actor {
      id
      organizationCode
    }
    note
  }
  availableActions {
    name
    blockedReason
  }
  agreement {
    documentId
    number
    sealed
  }
`;

interface ProjectView {
  id: string;
  code: string;
  stage: string;
  stageLabel: string;
  organizationName: string;
  lenderName: string;
  planningCodes: { code: string; name: string; versionId: string }[];
  locations: { id: string; latitude: number }[];
  requirementSummary: { total: number; submitted: number; approved: number; outstanding: number };
  history: { transition: string; from: string; to: string; note: string | null }[];
  availableActions: { name: string; blockedReason: string | null }[];
  agreement: { documentId: string; number: string; sealed: boolean } | null;
}

const CREATE = /* GraphQL */ `
  mutation ($input: LoanProjectInput!) {
    createLoanProject(input: $input) { ${PROJECT_FIELDS} }
  }
`;
const GET = /* GraphQL */ `
  query ($id: ID!) {
    loanProject(id: $id) { ${PROJECT_FIELDS} }
  }
`;
const LIST = /* GraphQL */ `
  query ($first: Int, $filter: LoanProjectFilter) {
    loanProjects(first: $first, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          fiscalYear
          stage
          stageLabel
          organizationName
          lenderName
          amount
          physicalProgress
          behindPlan
          requirementSummary {
            total
            outstanding
          }
        }
      }
    }
  }
`;
const TRANSITION = /* GraphQL */ `
  mutation ($id: ID!, $transition: String!, $note: String) {
    transitionLoanProject(id: $id, transition: $transition, note: $note) { ${PROJECT_FIELDS} }
  }
`;

function projectInput(overrides: Record<string, unknown> = {}) {
  return {
    fiscalYear: 2026,
    name: `Peningkatan Jalan Lingkar Barat ${RUN}`,
    description: 'Peningkatan ruas jalan 4,2 km beserta drainase.',
    borrowingReason: 'Percepatan infrastruktur jalan kota sebelum musim hujan.',
    organizationCode: 'DPUPR',
    lenderOrganizationCode: 'PTSMI',
    amount: 25_000_000_000,
    tenorMonths: 96,
    consultant: { name: 'PT Konsultan Jambi', contractNumber: 'KTR-01/2026' },
    planningCodes: [ROAD],
    locations: [
      {
        ...JAMBI,
        address: 'Jl. Lingkar Barat',
        administrativeArea: 'Kecamatan Telanaipura, Kota Jambi',
      },
    ],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}): Promise<ProjectView> {
  const response = await gql<{ createLoanProject: ProjectView }>('bpkad', CREATE, {
    input: projectInput(overrides),
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createLoanProject;
}

async function listIds(user: string): Promise<{ ids: string[]; total: number }> {
  const response = await gql<{
    loanProjects: { totalCount: number; edges: { node: { id: string } }[] };
  }>(user, LIST, { first: 100 });
  expect(response.errors).toBeUndefined();
  const connection = response.data!.loanProjects;
  return { ids: connection.edges.map((edge) => edge.node.id), total: connection.totalCount };
}

beforeAll(async () => {
  monitorMongoCommands((_service, event) => onCommand?.(event));
  service = await startProjectsService(
    projectsEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      MONGO_DATABASE: DATABASE,
      CONSUMER_PREFIX: `projects-${RUN}`,
      CONSUMER_DELIVER_FROM: 'new',
      // The relay is woken by every write; a sweep would only add commands to the counts below.
      OUTBOX_SWEEP_MS: '3600000',
    }),
  );
  monitorMongoCommands(null);
  nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'projects-spec');
  js = jetstream(nc);
  for (const user of ['bpkad', 'pelaksana', 'pelaksana-rsud', 'pemberi-pinjaman', 'pimpinan']) {
    tokens[user] = await getUserToken(user);
  }
  // Partner systems of the dev realm (keycloak/dev-overlay.json): SIPD, PT SMI, a province.
  for (const client of ['sipadu-partner', 'mitra-ptsmi', 'mitra-provinsi']) {
    tokens[client] = await getClientToken(client, `${client}-dev-secret`);
  }
  // Identity's organizations reach the projection through the consumer; the second lender is
  // written straight into it so this run does not announce a fake lender to other services.
  const organizations: [string, string, string][] = [
    ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'DINAS'],
    ['RSUD', 'RSUD H. Abdul Manap Kota Jambi', 'RSUD'],
    ['PTSMI', 'PT Sarana Multi Infrastruktur (Persero)', 'LENDER'],
  ];
  for (const [code, name, kind] of organizations) {
    await publish(
      'identity.organization.created',
      { organizationCode: code, name, kind, parentCode: null },
      { type: 'organization', id: code },
      code,
    );
  }
  const projection = service.connection.collection('organizations');
  await projection.insertOne({
    _id: OTHER_LENDER as never,
    name: 'Bank Pembangunan Lain',
    kind: 'LENDER',
    updatedAt: new Date(),
  });
  await eventually(
    'organizations projected',
    async () => (await projection.countDocuments({})) === organizations.length + 1,
  );
}, 120_000);

afterAll(async () => {
  await service?.stop();
  if (nc) {
    // The durable consumers of this run would otherwise stay on the shared NATS server.
    const jsm = await jetstreamManager(nc);
    for (const stream of ['identity', 'documents']) {
      await jsm.consumers
        .delete(streamName(stream), `projects-${RUN}-${stream}`)
        .catch(() => undefined);
    }
    await nc.close();
  }
  if (service) {
    const mongoose = await import('mongoose');
    const connection = await mongoose.default
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
});

describe('loan projects', () => {
  let dpupr: ProjectView;
  let rsud: ProjectView;
  let elsewhere: ProjectView;

  it('lets BPKAD propose a project named from identity and cited in the nomenclature', async () => {
    dpupr = await create();
    expect(dpupr).toMatchObject({
      stage: 'DRAFT',
      stageLabel: 'Draf',
      organizationName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      lenderName: 'PT Sarana Multi Infrastruktur (Persero)',
      planningCodes: [{ code: ROAD, name: 'Pembangunan Jalan' }],
      locations: [{ latitude: JAMBI.latitude }],
      requirementSummary: { total: 0, outstanding: 0 },
      history: [],
    });
    expect(dpupr.code).toMatch(/^PIN-2026-\d{3}$/);
    const outbox = service.connection.collection<{ type: string; sentAt: Date | null }>('outbox');
    await eventually('creation published', () =>
      outbox.findOne({ type: 'projects.project.created', sentAt: { $ne: null } }),
    );

    rsud = await create({ organizationCode: 'RSUD', name: `Gedung Rawat Inap RSUD ${RUN}` });
    elsewhere = await create({ lenderOrganizationCode: OTHER_LENDER, name: `Drainase ${RUN}` });
    expect(new Set([dpupr.code, rsud.code, elsewhere.code]).size).toBe(3);
  });

  it('refuses an unknown sub-kegiatan, a place outside Indonesia and a lender that lends nothing', async () => {
    const unknownCode = await gql('bpkad', CREATE, {
      input: projectInput({ planningCodes: ['1.03.99.2.01.01'] }),
    });
    expect(errorCodes(unknownCode)).toEqual(['BAD_USER_INPUT']);
    expect(unknownCode.errors?.[0]?.message).toContain('1.03.99.2.01.01');

    const abroad = await gql('bpkad', CREATE, {
      input: projectInput({
        locations: [
          { latitude: 48.85, longitude: 2.35, address: 'Paris', administrativeArea: 'X' },
        ],
      }),
    });
    expect(errorCodes(abroad)).toEqual(['BAD_USER_INPUT']);
    expect(abroad.errors?.[0]?.message).toContain('Koordinat di luar wilayah Indonesia');

    const notALender = await gql('bpkad', CREATE, {
      input: projectInput({ lenderOrganizationCode: 'RSUD' }),
    });
    expect(errorCodes(notALender)).toEqual(['BAD_USER_INPUT']);
    expect(notALender.errors?.[0]?.message).toContain('bukan pemberi pinjaman');

    const byPelaksana = await graphqlRequest(service.url, CREATE, {
      token: tokens.pelaksana,
      variables: { input: projectInput() },
    });
    expect(errorCodes(byPelaksana)).toEqual(['FORBIDDEN']);
  });

  it("keeps Dinas PUPR's project from the RSUD's pelaksana", async () => {
    const read = await gql('pelaksana-rsud', GET, { id: dpupr.id });
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    expect((await listIds('pelaksana-rsud')).ids).toEqual([rsud.id]);
    const own = await listIds('pelaksana');
    expect(own.ids).toContain(dpupr.id);
    expect(own.ids).toContain(elsewhere.id);
    expect(own.ids).not.toContain(rsud.id);

    const reference = await gql<{ _entities: unknown[] }>(
      'pelaksana-rsud',
      /* GraphQL */ `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on LoanProject {
              id
            }
          }
        }
      `,
      { representations: [{ __typename: 'LoanProject', id: dpupr.id }] },
    );
    expect(reference.data?._entities).toEqual([null]);

    const UPDATE = /* GraphQL */ `
      mutation ($id: ID!, $input: LoanProjectUpdateInput!) {
        updateLoanProject(id: $id, input: $input) {
          description
          amount
        }
      }
    `;
    expect(
      errorCodes(
        await gql('pelaksana-rsud', UPDATE, { id: dpupr.id, input: { description: 'x' } }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await gql('pelaksana', UPDATE, { id: dpupr.id, input: { amount: 1_000 } })),
    ).toEqual(['FORBIDDEN']);
    const technical = await gql('pelaksana', UPDATE, {
      id: dpupr.id,
      input: { description: 'Ruas 4,5 km setelah survei.' },
    });
    expect(technical.errors).toBeUndefined();
    expect(technical.data).toEqual({
      updateLoanProject: { description: 'Ruas 4,5 km setelah survei.', amount: 25_000_000_000 },
    });
  });

  it('shows the lender only the projects it finances, and the leaders everything', async () => {
    const lender = await listIds('pemberi-pinjaman');
    expect(lender.ids).toEqual(expect.arrayContaining([dpupr.id, rsud.id]));
    expect(lender.ids).not.toContain(elsewhere.id);
    expect(errorCodes(await gql('pemberi-pinjaman', GET, { id: elsewhere.id }))).toEqual([
      'FORBIDDEN',
    ]);
    const facets = await gql<{
      loanProjectFacets: {
        fiscalYears: number[];
        organizations: { value: string; count: number }[];
        lenders: { value: string; label: string; count: number }[];
        stages: { value: string; label: string; count: number }[];
      };
    }>(
      'pemberi-pinjaman',
      /* GraphQL */ `
        query {
          loanProjectFacets {
            fiscalYears
            organizations {
              value
              count
            }
            lenders {
              value
              label
              count
            }
            stages {
              value
              label
              count
            }
          }
        }
      `,
    );
    expect(facets.errors).toBeUndefined();
    const options = facets.data!.loanProjectFacets;
    expect(options.fiscalYears).toEqual([2026]);
    expect(options.lenders).toEqual([
      { value: 'PTSMI', label: 'PT Sarana Multi Infrastruktur (Persero)', count: 2 },
    ]);
    expect(options.organizations.map((option) => option.value).sort()).toEqual(['DPUPR', 'RSUD']);
    expect(options.stages[0]).toEqual({ value: 'DRAFT', label: 'Draf', count: 2 });
    expect(options.stages).toHaveLength(10);

    const leaders = await listIds('pimpinan');
    expect(leaders.total).toBe(3);
    expect(errorCodes(await gql('pimpinan', GET, { id: randomUUID() }))).toEqual([]);
  });

  it('reads to partner systems as to users: SIPD all, the lender its own, statistics totals', async () => {
    expect((await listIds('sipadu-partner')).total).toBe(3);
    const lender = await listIds('mitra-ptsmi');
    expect(lender.ids.sort()).toEqual([dpupr.id, rsud.id].sort());
    expect(errorCodes(await gql('mitra-ptsmi', GET, { id: elsewhere.id }))).toEqual(['FORBIDDEN']);
    const own = await gql<{ loanProject: ProjectView }>('mitra-ptsmi', GET, { id: dpupr.id });
    expect(own.errors).toBeUndefined();
    expect(own.data!.loanProject).toMatchObject({ id: dpupr.id, availableActions: [] });
    expect(errorCodes(await gql('mitra-provinsi', LIST, { first: 10 }))).toEqual(['FORBIDDEN']);
    const portfolio = await gql<{
      loanPortfolio: { totals: { projectCount: number }; behindPlan: { id: string }[] };
    }>(
      'mitra-provinsi',
      /* GraphQL */ `
        query {
          loanPortfolio {
            totals {
              projectCount
            }
            behindPlan {
              id
            }
          }
        }
      `,
    );
    expect(portfolio.errors).toBeUndefined();
    expect(portfolio.data!.loanPortfolio).toEqual({ totals: { projectCount: 3 }, behindPlan: [] });
    // Partners only read.
    expect(
      errorCodes(await gql('sipadu-partner', TRANSITION, { id: dpupr.id, transition: 'submit' })),
    ).toEqual(['FORBIDDEN']);
  });

  it('moves stages only when the documents allow it, up to the sealed agreement', async () => {
    const move = (user: string, transition: string, note?: string) =>
      gql<{ transitionLoanProject: ProjectView }>(user, TRANSITION, {
        id: dpupr.id,
        transition,
        note,
      });
    expect(errorCodes(await move('pelaksana', 'submitProposal'))).toEqual(['FORBIDDEN']);
    expect((await move('bpkad', 'submitProposal')).data?.transitionLoanProject.stage).toBe(
      'DATA_PREPARATION',
    );
    const empty = await move('bpkad', 'openDocumentSubmission');
    expect(errorCodes(empty)).toEqual(['CONFLICT']);
    expect(empty.errors?.[0]?.message).toBe(
      'Tidak dapat membuka pengajuan dokumen: daftar persyaratan dokumen proyek belum dibuat',
    );

    const requirementId = randomUUID();
    await publish(
      'documents.requirement.created',
      {
        requirementId,
        title: 'Rencana Penggunaan Uang Muka',
        subject: { type: 'LoanProject', id: dpupr.id },
        group: null,
        uploaderOrganizationCode: 'DPUPR',
        reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
        requesterOrganizationCode: 'BPKAD',
        dueDate: null,
        templateId: null,
      },
      { type: 'requirement', id: requirementId },
      'BPKAD',
    );
    const summary = async () =>
      (await gql<{ loanProject: ProjectView }>('bpkad', GET, { id: dpupr.id })).data?.loanProject;
    await eventually(
      'requirement projected',
      async () => (await summary())?.requirementSummary.total === 1,
    );
    expect((await move('bpkad', 'openDocumentSubmission')).errors).toBeUndefined();

    const early = await move('bpkad', 'startVerification');
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors?.[0]?.message).toBe(
      'Tidak dapat memulai verifikasi: masih ada 1 persyaratan dokumen yang belum diajukan',
    );
    expect((await summary())?.availableActions).toContainEqual({
      name: 'startVerification',
      blockedReason: 'masih ada 1 persyaratan dokumen yang belum diajukan',
    });

    await requirementMoved(
      'documents.requirement.submitted',
      requirementId,
      dpupr.id,
      'REQUESTED',
      'SUBMITTED',
    );
    await eventually(
      'submission projected',
      async () => (await summary())?.requirementSummary.submitted === 1,
    );
    expect((await move('bpkad', 'startVerification')).data?.transitionLoanProject.stage).toBe(
      'VERIFICATION',
    );
    expect(errorCodes(await move('pemberi-pinjaman', 'approve'))).toEqual(['CONFLICT']);
    await requirementMoved(
      'documents.requirement.approved',
      requirementId,
      dpupr.id,
      'UNDER_REVIEW',
      'APPROVED',
    );
    await eventually(
      'approval projected',
      async () => (await summary())?.requirementSummary.outstanding === 0,
    );
    expect((await move('pemberi-pinjaman', 'approve')).data?.transitionLoanProject.stage).toBe(
      'APPROVED',
    );
    const locked = await gql(
      'bpkad',
      /* GraphQL */ `
        mutation ($id: ID!) {
          updateLoanProject(id: $id, input: { amount: 30000000000 }) {
            amount
          }
        }
      `,
      { id: dpupr.id },
    );
    expect(errorCodes(locked)).toEqual(['CONFLICT']);
    expect(locked.errors?.[0]?.message).toContain('terkunci sejak pinjaman disetujui');

    const AGREEMENT = /* GraphQL */ `
      mutation ($projectId: ID!, $input: LoanAgreementInput!) {
        setLoanAgreement(projectId: $projectId, input: $input) { ${PROJECT_FIELDS} }
      }
    `;
    const documentId = randomUUID();
    const agreement = { documentId, number: 'PERJ-07/PTSMI/2026', signedOn: '2026-05-04' };
    const unknown = await gql('bpkad', AGREEMENT, { projectId: dpupr.id, input: agreement });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    await publish(
      'documents.document.created',
      {
        documentId,
        title: 'Perjanjian Pinjaman',
        subject: { type: 'LoanProject', id: dpupr.id },
        organizationCode: 'BPKAD',
        confidentiality: 'TERBATAS',
      },
      { type: 'document', id: documentId },
      'BPKAD',
    );
    const unsealed = await eventually('document projected', async () => {
      const response = await gql('bpkad', AGREEMENT, { projectId: dpupr.id, input: agreement });
      return (
        response.errors?.[0]?.message.startsWith('Dokumen perjanjian belum disegel') && response
      );
    });
    expect(errorCodes(unsealed)).toEqual(['BAD_USER_INPUT']);
    await publish(
      'documents.signature.created',
      {
        signatureId: randomUUID(),
        documentId,
        version: 1,
        code: 'SEAL-1',
        sha256: 'a'.repeat(64),
        subject: { type: 'LoanProject', id: dpupr.id },
        organizationCode: 'BPKAD',
      },
      { type: 'document', id: documentId },
      'BPKAD',
    );
    const recorded = await eventually('seal projected', async () => {
      const response = await gql<{ setLoanAgreement: ProjectView }>('bpkad', AGREEMENT, {
        projectId: dpupr.id,
        input: agreement,
      });
      return response.data?.setLoanAgreement;
    });
    expect(recorded.agreement).toEqual({
      documentId,
      number: 'PERJ-07/PTSMI/2026',
      sealed: true,
    });
    const signed = (await move('bpkad', 'signAgreement', 'Ditandatangani di Jakarta')).data
      ?.transitionLoanProject;
    expect(signed?.stage).toBe('AGREEMENT_SIGNED');
    expect(signed?.history.map((entry) => entry.transition)).toEqual([
      'submitProposal',
      'openDocumentSubmission',
      'startVerification',
      'approve',
      'signAgreement',
    ]);
    expect(signed?.history.at(-1)).toMatchObject({ note: 'Ditandatangani di Jakarta' });
  }, 90_000);

  it('lists a page of 10 and of 100 with the same number of MongoDB commands', async () => {
    const projects = service.connection.collection('loan_projects');
    const template = await projects.findOne({ _id: elsewhere.id as never });
    const copies = Array.from({ length: 110 }, (_, index) => ({
      ...template,
      _id: randomUUID(),
      code: `PIN-2025-${String(index + 1).padStart(3, '0')}`,
      fiscalYear: 2025,
      createdAt: new Date(Date.now() - (index + 1) * 1_000),
    }));
    // Small batches: FerretDB v1 struggles with large bulk writes.
    const rows = service.connection.collection(LOAN_PROJECT_LIST);
    for (let i = 0; i < copies.length; i += 10) {
      const batch = copies.slice(i, i + 10);
      await projects.insertMany(batch as mongo.Document[]);
      // Their list rows, as the service's writers store them (the list reads only those).
      await rows.insertMany(
        batch.map((copy) => listSummaryOf(copy as unknown as LoanProjectRecord)) as never[],
      );
    }

    /**
     * Commands of one list request. Other spec files publish documents events meanwhile, which
     * this service's consumer handles on the same client: a run showing any command the list
     * never sends (another collection, a write, a lookup of one record) is measured again.
     */
    const commandsFor = async (first: number) => {
      for (let run = 0; run < 20; run += 1) {
        const seen: mongo.CommandStartedEvent[] = [];
        onCommand = (event) => {
          if (event.databaseName === DATABASE) seen.push(event);
        };
        const response = await gql<{ loanProjects: { edges: unknown[] } }>('bpkad', LIST, {
          first,
        });
        onCommand = null;
        expect(response.errors).toBeUndefined();
        expect(response.data?.loanProjects.edges).toHaveLength(first);
        const foreign = seen.some(({ commandName, command }) => {
          const target = command[commandName] as unknown;
          const collection = typeof target === 'string' ? target : command.collection;
          const filter = command.filter as { _id?: unknown } | undefined;
          return (
            collection !== LOAN_PROJECT_LIST ||
            !['find', 'aggregate', 'getMore', 'killCursors'].includes(commandName) ||
            typeof filter?._id === 'string'
          );
        });
        if (!foreign) return seen.length;
      }
      throw new Error('every run was disturbed by other commands');
    };
    const small = await commandsFor(10);
    const large = await commandsFor(100);
    expect(small).toBe(2);
    expect(large).toBe(small);

    const PAGE = /* GraphQL */ `
      query ($after: String) {
        loanProjects(first: 10, after: $after, filter: { fiscalYear: 2025 }) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              code
            }
          }
        }
      }
    `;
    type Page = {
      loanProjects: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { code: string } }[];
      };
    };
    const first = (await gql<Page>('bpkad', PAGE)).data!.loanProjects;
    const second = (await gql<Page>('bpkad', PAGE, { after: first.pageInfo.endCursor })).data!
      .loanProjects;
    // Newest first: the copies were dated one second apart, PIN-2025-001 the newest.
    expect([...first.edges, ...second.edges].map((edge) => edge.node.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => `PIN-2025-${String(index + 1).padStart(3, '0')}`),
    );
    expect(first.totalCount).toBe(110);
    expect(second.pageInfo.hasNextPage).toBe(true);

    const filtered = await gql<{ loanProjects: { totalCount: number } }>('pemberi-pinjaman', LIST, {
      first: 10,
      filter: { fiscalYear: 2025 },
    });
    // The copies are financed by the other lender: PT SMI sees none of them.
    expect(filtered.data?.loanProjects.totalCount).toBe(0);
  });
});
