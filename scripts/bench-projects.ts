// Projects benchmark (issue 6, item 12): the project list and a project page through the gateway
// with 1,000 loan projects, counting the MongoDB commands every request costs. On the running
// infrastructure (started if needed) it starts the API stack in this process — identity (seeded),
// documents, notifications, projects and the gateway composed from the real SDL, as the tests do
// (test/support/api-stack.ts), on throwaway databases `bench-projects-<run>[-<service>]` — and:
//   - creates 2 projects through the API (`createLoanProject` as bpkad, then the PT SMI template
//     applied through the documents service), so that their requirements and thread exist in the
//     other services, then moves them, straight in the projects database, to IMPLEMENTATION with
//     a signed agreement, 3 tranches, a progress plan and 1 progress report;
//   - inserts the other 998 projects straight into the projects database through the service's
//     own mongoose model (`insertMany`, batches of 100, no events), each with its row in the slim
//     `loan_project_list` read model the list reads (the service's `listSummaryOf`; the 2 API
//     projects' rows are refreshed the same way after their move): years 2019–2026, every stage,
//     DPUPR/RSUD/PDAM/DINKES, PT SMI, 1–3 locations (some with an outline) around Kota Jambi,
//     real sub-kegiatan codes of the active nomenclature, a history matching the stage, tranches,
//     a progress plan and up to 6 progress reports with photos and videos;
//   - sends with a real bpkad token through the gateway, one request at a time, up to
//     BENCH_REQUESTS of each: the list (`loanProjects(first: 10)` and `first: 100` with the
//     facets, as the web list asks) in turns, then the project page in turns for an API-created
//     project (1 report, requirements and thread) and the largest bulk IMPLEMENTATION project
//     (most reports and media): header, summary, tranches, progress with each medium's file,
//     locations, history, requirements and thread, the last three through federation.
// MongoDB commands are counted with driver command monitoring (`monitorCommands` on the
// connections `connectMongo` opens, see packages/service-kit/src/mongo.ts), per service, and
// attributed to requests exactly rather than by time window: each request carries its own
// `x-request-id`, the gateway passes it to the subgraphs, and the subgraphs' handling (in this
// process) runs in an async context holding it, which the `commandStarted` listener reads. What
// the services do on their own (consumers of events other runs publish on the shared NATS,
// pollers, the outbox relay) is reported as background. A cross-check compares, per request, all
// commands sent meanwhile with those attributed. For quieter runs the outbox sweep and the
// notification pollers are slowed down (OUTBOX_SWEEP_MS, DIGEST_POLL_MS, notificationsPollMs),
// and the gateway waits up to 60 s for a subgraph (SUBGRAPH_TIMEOUT_MS) so slow answers are
// measured rather than cut off at 10 s. The latencies include the in-process stack sharing one
// Node.js thread with the bench.
// FAIL when the list's command count differs between page sizes 10 and 100 or varies, when the
// projects service's count differs between the two project pages (no per-report/per-tranche
// queries), when a command escaped attribution, or on any GraphQL error. Exit code 0 = PASS,
// 1 = FAIL, 2 = could not run. Ctrl-C still cleans up.
//
// Usage: tsx scripts/bench-projects.ts
//   BENCH_PROJECTS=1000   projects in the database (2 of them through the API)
//   BENCH_REQUESTS=200    measured requests per row of the table
//   BENCH_WARMUP=5        unmeasured requests per row first
//   BENCH_ROW_SECONDS=600 at most this long per pair of rows (list 10/100, page API/bulk):
//                         fewer requests are measured when the answers are slower
//   BENCH_USER=bpkad      the Keycloak user who sends the requests
//   BENCH_KEEP=1          keep the bench databases
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { monitorMongoCommands, type Role } from '@sipadu/service-kit';
import { getUserToken, graphqlRequest, type GraphQLResponse } from '@sipadu/test-kit';
import mongoose from 'mongoose';
import {
  EMPTY_REQUIREMENT_SUMMARY,
  loanProjectModel,
  searchTextOf,
  type ActorRecord,
  type LoanProjectHistoryRecord,
  type LoanProjectRecord,
  type LocationRecord,
  type PlanningCitationRecord,
  type ProgressPlanRecord,
  type ProgressReportRecord,
  type TrancheRecord,
} from '../services/projects/src/models/loan-project.model.js';
import {
  listSummaryOf,
  loanProjectListModel,
} from '../services/projects/src/models/loan-project-list.model.js';
import type {
  LoanProjectStage,
  LoanProjectTransition,
} from '../services/projects/src/workflows/loan-project.workflow.js';
import { startApiStack, type ApiStack } from '../test/support/api-stack.js';
import { ensureInfra, type InfraHandle } from './lib/infra/index.js';
import { REPO_ROOT } from './lib/infra/paths.js';

function positiveEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} harus bilangan bulat positif, bukan '${raw}'`);
  }
  return value;
}

const RUN = randomUUID().slice(0, 8);
const DATABASE = `bench-projects-${RUN}`;
const PROJECTS_DATABASE = `${DATABASE}-projects`;
const STACK_DATABASES = [
  '',
  '-documents',
  '-notifications',
  '-projects',
  '-surveys',
  '-consultations',
].map((suffix) => `${DATABASE}${suffix}`);
/** Services whose commands are counted (the names they give `connectMongo`). */
const SERVICES = ['projects', 'documents', 'notifications'] as const;
type Service = (typeof SERVICES)[number];
const API_PROJECTS = 2;
const BATCH = 100;

// ---------------------------------------------------------------------------------------------
// Command monitoring

interface CommandRecord {
  name: string;
  collection: string | null;
}

type PerService<T> = Record<Service, T>;
const perService = <T>(make: (service: Service) => T): PerService<T> => ({
  projects: make('projects'),
  documents: make('documents'),
  notifications: make('notifications'),
});

/**
 * Every bench request carries `x-request-id: <REQUEST_PREFIX><n>`, which the gateway passes on to
 * the subgraphs it calls. When a subgraph (in this process) receives such a request, its handling
 * runs in an async context holding that id, and the driver's `commandStarted`, emitted inside the
 * operation's async chain, reads it: commands are attributed to their request exactly, whatever
 * the services do meanwhile on their own (consumers of the events other runs publish on the
 * shared NATS, pollers, the outbox relay), which counts as background.
 */
const REQUEST_PREFIX = `bench-${RUN}-`;
const requestContext = new AsyncLocalStorage<string | undefined>();
const attributed = new Map<string, PerService<CommandRecord[]>>();
const background = perService(() => 0);
/** Every command of each service, attributed or not (to cross-check the attribution). */
const total = perService(() => 0);

function startCommandMonitor(): void {
  diagnostics.subscribe('http.server.request.start', (message) => {
    const id = (message as { request: IncomingMessage }).request.headers['x-request-id'];
    // Also clears an id left from an earlier request on the same keep-alive socket.
    requestContext.enterWith(
      typeof id === 'string' && id.startsWith(REQUEST_PREFIX) ? id : undefined,
    );
  });
  monitorMongoCommands((name, event) => {
    if (!(SERVICES as readonly string[]).includes(name)) return;
    const service = name as Service;
    total[service] += 1;
    const requestId = requestContext.getStore();
    if (!requestId) {
      background[service] += 1;
      return;
    }
    let record = attributed.get(requestId);
    if (!record) {
      record = perService<CommandRecord[]>(() => []);
      attributed.set(requestId, record);
    }
    const target: unknown = (event.command as Record<string, unknown>)[event.commandName];
    record[service].push({
      name: event.commandName,
      collection: typeof target === 'string' ? target : null,
    });
  });
}

let requestCounter = 0;
const nextRequestId = () => `${REQUEST_PREFIX}${(requestCounter += 1)}`;
const commandsOf = (requestId: string, service: Service): CommandRecord[] =>
  attributed.get(requestId)?.[service] ?? [];

/** `find loan_projects ×1, aggregate loan_projects ×1` */
function describeCommands(list: readonly CommandRecord[]): string {
  const counts = new Map<string, number>();
  for (const { name, collection } of list) {
    const key = collection ? `${name} ${collection}` : name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ') || '-';
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface CountSummary {
  min: number;
  /** The most frequent count (the smaller one on a tie). */
  mode: number;
  max: number;
  /** How many requests had exactly `mode` commands. */
  modeShare: number;
}

function countSummary(values: readonly number[]): CountSummary {
  if (!values.length) return { min: Number.NaN, mode: Number.NaN, max: Number.NaN, modeShare: 0 };
  const frequency = new Map<number, number>();
  for (const value of values) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  let mode = Number.NaN;
  let best = 0;
  for (const [value, count] of [...frequency].sort((a, b) => a[0] - b[0])) {
    if (count > best) {
      mode = value;
      best = count;
    }
  }
  return {
    min: Math.min(...values),
    mode,
    max: Math.max(...values),
    modeShare: values.length ? best / values.length : 0,
  };
}

const formatCounts = (c: CountSummary) =>
  c.min === c.max ? String(c.min) : `${c.min}/${c.mode}/${c.max}`;

// ---------------------------------------------------------------------------------------------
// Tokens

/** A user's access token, fetched again when less than a minute of its life is left. */
class TokenSource {
  private token = '';
  private expiresAt = 0;

  constructor(private readonly username: string) {}

  async get(): Promise<string> {
    if (this.expiresAt - Date.now() / 1000 < 60) {
      this.token = await getUserToken(this.username);
      const payload = JSON.parse(
        Buffer.from(this.token.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as { exp?: unknown };
      this.expiresAt = typeof payload.exp === 'number' ? payload.exp : 0;
    }
    return this.token;
  }
}

function graphqlData<T>(response: GraphQLResponse<T>, what: string): T {
  if (response.errors?.length || !response.data) {
    throw new Error(
      `${what} gagal: HTTP ${response.status} ${response.errors?.map((e) => e.message).join('; ') ?? ''}`,
    );
  }
  return response.data;
}

// ---------------------------------------------------------------------------------------------
// The requests (the web portal's list and project page)

/**
 * The list page's query (web/src/app/(internal)/proyek/page.tsx `LoanProjects` with the
 * `LoanProjectRow` fragment of web/src/components/projects/project-operations.ts): the rows and
 * the filter facets in one request; the page asks for 20 rows, the bench for 10 and 100.
 */
const LIST_QUERY = /* GraphQL */ `
  query BenchLoanProjects($filter: LoanProjectFilter, $first: Int, $after: String) {
    loanProjects(filter: $filter, first: $first, after: $after) {
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
          organizationCode
          organizationName
          lenderOrganizationCode
          lenderName
          amount
          stage
          physicalProgress
          behindPlan
          requirementSummary {
            total
            approved
            waived
          }
        }
      }
    }
    loanProjectFacets {
      fiscalYears
      organizations {
        value
        label
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
`;

/**
 * The project page in one request: what web/src/app/(internal)/proyek/[id] asks for across its
 * header and tabs (`LoanProjectHeader`, `LoanProjectSummary`, `DisbursementTab`, `ProgressTab`
 * with each medium's file from the documents service, `ProjectLocations`, `ProjectHistory`,
 * `ProjectRequirements` with `RequirementItem` from the documents service) plus the project's
 * correspondence thread from the notifications service. The page itself sends the header and
 * the open tab's query; one request with everything is the upper bound of a page view.
 */
const PAGE_QUERY = /* GraphQL */ `
  query BenchLoanProject($id: ID!) {
    loanProject(id: $id) {
      id
      code
      name
      fiscalYear
      stage
      organizationCode
      organizationName
      lenderOrganizationCode
      lenderName
      amount
      tenorMonths
      behindPlan
      viewerCanEdit
      viewerCanEditTechnical
      viewerCanReportProgress
      availableActions {
        name
        label
        to
        requiresNote
        blockedReason
      }
      description
      borrowingReason
      consultant {
        name
        contractNumber
        supervisor
        contact
      }
      planningCodes {
        code
        name
      }
      requirementSummary {
        total
        approved
        waived
        submitted
        revisionRequested
        outstanding
      }
      agreement {
        documentId
        number
        signedOn
        sealed
        recordedAt
        recordedBy {
          name
          organizationCode
        }
      }
      disbursementSummary {
        plannedAmount
        approvedAmount
        disbursedAmount
        remainingAmount
        disbursedShare
      }
      physicalProgress
      financialProgress
      createdAt
      updatedAt
      createdBy {
        name
        organizationCode
      }
      disbursements {
        id
        sequence
        name
        plannedShare
        plannedAmount
        plannedDate
        minPhysicalProgress
        requirementGroup
        status
        statusLabel
        disbursedAmount
        disbursedOn
        readinessWarnings
        availableActions {
          name
          label
          requiresNote
          blockedReason
        }
        history {
          transition
          actor {
            name
            organizationCode
          }
          at
          note
        }
      }
      progressPlan {
        period
        physicalPercent
        financialPercent
      }
      sCurve {
        period
        plannedPhysical
        actualPhysical
        plannedFinancial
        actualFinancial
      }
      progressReports {
        id
        period
        physicalPercent
        financialPercent
        narrative
        problems
        status
        statusLabel
        submittedBy {
          name
          organizationCode
        }
        submittedAt
        reviewedBy {
          name
          organizationCode
        }
        reviewedAt
        reviewNote
        media {
          fileId
          kind
          caption
          latitude
          longitude
          capturedAt
          locationSource
          file {
            id
            filename
            contentType
            downloadPath
            thumbnailPath
          }
        }
      }
      locations {
        id
        latitude
        longitude
        address
        administrativeArea
        outline {
          lng
          lat
        }
      }
      history {
        transition
        from
        to
        at
        note
        actor {
          name
          organizationCode
        }
      }
      requirements {
        id
        title
        description
        group
        dueDate
        overdue
        status
        subject {
          type
          id
        }
        uploaderOrganizationCode
        reviewerOrganizationCodes
        currentReviewerOrganizationCode
        document {
          id
        }
        history {
          transition
          to
          actor {
            name
            organizationCode
          }
          at
          note
          documentVersion
        }
        availableActions {
          name
          to
          requiresNote
          blockedReason
        }
      }
      thread {
        id
        title
        participantOrganizationCodes
        messageCount
        unreadCount
        lastMessageAt
        viewerCanPost
      }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// The bulk projects

const ORGANIZATIONS = [
  {
    code: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    codePrefix: '1.03.',
    works: [
      'Peningkatan Jalan',
      'Pembangunan Drainase Primer',
      'Rehabilitasi Jembatan',
      'Pelebaran Jalan',
      'Penataan Kawasan Tepian Sungai',
    ],
    weight: 5,
  },
  {
    code: 'RSUD',
    name: 'RSUD H. Abdul Manap Kota Jambi',
    codePrefix: '1.02.',
    works: [
      'Pembangunan Gedung Rawat Inap',
      'Pembangunan Instalasi Gawat Darurat',
      'Pengadaan Alat Kesehatan Ruang Operasi',
    ],
    weight: 2,
  },
  {
    code: 'PDAM',
    name: 'Perumda Air Minum Tirta Mayang',
    codePrefix: '1.03.',
    works: ['Perluasan Jaringan Pipa Distribusi', 'Pembangunan Instalasi Pengolahan Air'],
    weight: 2,
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    codePrefix: '1.02.',
    works: ['Pembangunan Puskesmas', 'Rehabilitasi Puskesmas Pembantu'],
    weight: 1,
  },
] as const;
const WEIGHTED_ORGANIZATIONS = ORGANIZATIONS.flatMap((o) => Array<typeof o>(o.weight).fill(o));

/** Kecamatan of Kota Jambi with a point near their centre. */
const AREAS = [
  {
    area: 'Kecamatan Telanaipura, Kota Jambi',
    lat: -1.5917,
    lng: 103.5806,
    street: 'Jl. Jend. Sudirman',
  },
  {
    area: 'Kecamatan Kota Baru, Kota Jambi',
    lat: -1.6333,
    lng: 103.5969,
    street: 'Jl. Jend. A. Yani',
  },
  {
    area: 'Kecamatan Jambi Selatan, Kota Jambi',
    lat: -1.6303,
    lng: 103.6336,
    street: 'Jl. Kol. Abunjani',
  },
  {
    area: 'Kecamatan Jelutung, Kota Jambi',
    lat: -1.6119,
    lng: 103.6228,
    street: 'Jl. Hayam Wuruk',
  },
  {
    area: 'Kecamatan Pasar Jambi, Kota Jambi',
    lat: -1.5897,
    lng: 103.6153,
    street: 'Jl. Sultan Thaha',
  },
  {
    area: 'Kecamatan Danau Sipin, Kota Jambi',
    lat: -1.6003,
    lng: 103.5956,
    street: 'Jl. Slamet Riyadi',
  },
  {
    area: 'Kecamatan Alam Barajo, Kota Jambi',
    lat: -1.635,
    lng: 103.5603,
    street: 'Jl. Lingkar Barat',
  },
  {
    area: 'Kecamatan Paal Merah, Kota Jambi',
    lat: -1.6425,
    lng: 103.6489,
    street: 'Jl. Lingkar Selatan',
  },
  {
    area: 'Kecamatan Jambi Timur, Kota Jambi',
    lat: -1.6011,
    lng: 103.6406,
    street: 'Jl. Prof. Dr. Sri Soedewi',
  },
  {
    area: 'Kecamatan Pelayangan, Kota Jambi',
    lat: -1.5781,
    lng: 103.6214,
    street: 'Jl. KH. Hasyim Asyari',
  },
  {
    area: 'Kecamatan Danau Teluk, Kota Jambi',
    lat: -1.5758,
    lng: 103.6019,
    street: 'Jl. Ki Bayi Tuo',
  },
] as const;

const STAGE_PATH: readonly [LoanProjectTransition, LoanProjectStage][] = [
  ['submitProposal', 'DATA_PREPARATION'],
  ['openDocumentSubmission', 'DOCUMENT_SUBMISSION'],
  ['startVerification', 'VERIFICATION'],
  ['approve', 'APPROVED'],
  ['signAgreement', 'AGREEMENT_SIGNED'],
  ['startDisbursement', 'DISBURSEMENT'],
  ['startImplementation', 'IMPLEMENTATION'],
  ['complete', 'COMPLETED'],
];
/** Stages of the bulk projects, repeated: older years are further along. */
const STAGE_WEIGHTS: readonly [LoanProjectStage, number][] = [
  ['DRAFT', 2],
  ['DATA_PREPARATION', 1],
  ['DOCUMENT_SUBMISSION', 1],
  ['VERIFICATION', 1],
  ['APPROVED', 1],
  ['AGREEMENT_SIGNED', 1],
  ['DISBURSEMENT', 1],
  ['IMPLEMENTATION', 3],
  ['COMPLETED', 2],
  ['CANCELLED', 1],
];
const STAGES_ORDER: readonly LoanProjectStage[] = ['DRAFT', ...STAGE_PATH.map(([, to]) => to)];
const atLeast = (stage: LoanProjectStage, than: LoanProjectStage) =>
  stage !== 'CANCELLED' && STAGES_ORDER.indexOf(stage) >= STAGES_ORDER.indexOf(than);

const BPKAD_ACTOR: ActorRecord = {
  id: 'bench-bpkad',
  name: 'Analis BPKAD (bench)',
  organizationCode: 'BPKAD',
};
const LENDER_ACTOR: ActorRecord = {
  id: 'bench-ptsmi',
  name: 'Verifikator PT SMI (bench)',
  organizationCode: 'PTSMI',
};

/** A small deterministic generator, so every run inserts the same portfolio. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const addMonths = (date: Date, months: number) => {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
};
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const period = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;

function historyActor(actor: ActorRecord, role: Role): LoanProjectHistoryRecord['actor'] {
  return {
    kind: 'user',
    id: actor.id,
    name: actor.name,
    organization: actor.organizationCode,
    roles: [role],
  };
}

interface Enrichment {
  tranches: TrancheRecord[];
  progressPlan: ProgressPlanRecord[];
  progressReports: ProgressReportRecord[];
  physicalProgress: number;
  financialProgress: number;
  behindPlan: boolean;
  disbursedAmount: number;
  approvedAmount: number;
}

/** Tranches, plan and reports matching a stage (also given to the API-created projects). */
function enrichment(
  next: () => number,
  stage: LoanProjectStage,
  amount: number,
  start: Date,
  organization: ActorRecord,
  reports?: number,
): Enrichment {
  const shares = [20, 40, 40];
  const disbursedCount =
    stage === 'COMPLETED' ? 3 : stage === 'IMPLEMENTATION' ? 2 : stage === 'DISBURSEMENT' ? 1 : 0;
  const tranches: TrancheRecord[] = atLeast(stage, 'DATA_PREPARATION')
    ? shares.map((share, i) => {
        const plannedAmount = Math.round((amount * share) / 100);
        const disbursed = i < disbursedCount;
        const plannedDate = addMonths(start, 2 + i * 4);
        return {
          id: randomUUID(),
          sequence: i + 1,
          name: i === 0 ? 'Uang muka' : `Termin ${i}`,
          plannedShare: share,
          plannedAmount,
          plannedDate: isoDate(plannedDate),
          minPhysicalProgress: i === 0 ? 0 : i * 40,
          requirementGroup: i === 0 ? 'Pencairan uang muka' : `Termin ${i}`,
          state: disbursed ? 'DISBURSED' : 'PLANNED',
          disbursedAmount: disbursed ? plannedAmount : null,
          disbursedOn: disbursed ? isoDate(addMonths(plannedDate, 0)) : null,
          history: disbursed
            ? (
                [
                  ['request', 'PLANNED', 'REQUESTED', BPKAD_ACTOR, 'bpkad'],
                  ['approve', 'REQUESTED', 'APPROVED', LENDER_ACTOR, 'pemberi-pinjaman'],
                  ['disburse', 'APPROVED', 'DISBURSED', LENDER_ACTOR, 'pemberi-pinjaman'],
                ] as const
              ).map(([transition, from, to, actor, role], step) => ({
                transition,
                from,
                to,
                actor: historyActor(actor, role),
                at: new Date(plannedDate.getTime() + step * 86_400_000),
                note: null,
              }))
            : [],
        };
      })
    : [];
  const months = 12;
  const progressPlan: ProgressPlanRecord[] = atLeast(stage, 'APPROVED')
    ? Array.from({ length: months }, (_, i) => {
        const x = (i + 1) / months;
        const s = Math.round(100 * x * x * (3 - 2 * x));
        return {
          period: period(addMonths(start, i + 3)),
          physicalPercent: s,
          financialPercent: Math.max(0, s - 5),
        };
      })
    : [];
  const reportCount =
    reports ??
    (stage === 'COMPLETED'
      ? 6
      : stage === 'IMPLEMENTATION'
        ? 1 + Math.floor(next() * 5)
        : stage === 'DISBURSEMENT'
          ? Math.floor(next() * 2)
          : 0);
  const progressReports: ProgressReportRecord[] = Array.from({ length: reportCount }, (_, i) => {
    const planned = progressPlan[Math.min(progressPlan.length - 1, i * 2)]?.physicalPercent ?? 0;
    const physical =
      stage === 'COMPLETED' && i === reportCount - 1
        ? 100
        : Math.max(0, Math.min(99, Math.round(planned - 15 + next() * 20)));
    const submittedAt = addMonths(start, 3 + i * 2);
    const accepted = i < reportCount - 1 || next() < 0.6;
    const area = AREAS[Math.floor(next() * AREAS.length)]!;
    return {
      id: randomUUID(),
      period: period(submittedAt),
      physicalPercent: physical,
      financialPercent: Math.max(0, physical - 3),
      narrative: `Pekerjaan berjalan sesuai jadwal pada periode ${period(submittedAt)}; pengecoran dan pemasangan dilanjutkan.`,
      problems:
        next() < 0.3 ? 'Hujan deras menghambat pekerjaan tanah selama beberapa hari.' : null,
      media: Array.from({ length: 1 + Math.floor(next() * 3) }, (_, m) => ({
        fileId: randomUUID(),
        kind: m === 2 ? ('VIDEO' as const) : ('PHOTO' as const),
        caption: `Dokumentasi lapangan ${m + 1}`,
        latitude: m === 2 ? null : area.lat + (next() - 0.5) * 0.01,
        longitude: m === 2 ? null : area.lng + (next() - 0.5) * 0.01,
        capturedAt: m === 2 ? null : new Date(submittedAt.getTime() - 3 * 86_400_000),
        locationSource: m === 2 ? ('NONE' as const) : ('EXIF' as const),
      })),
      state: accepted ? 'ACCEPTED' : 'SUBMITTED',
      submittedBy: organization,
      submittedAt,
      reviewedBy: accepted ? BPKAD_ACTOR : null,
      reviewedAt: accepted ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
      reviewNote: accepted ? 'Diterima.' : null,
    };
  });
  const latest =
    [...progressReports].reverse().find((r) => r.state === 'ACCEPTED') ?? progressReports.at(-1);
  const plannedNow =
    progressPlan[Math.min(progressPlan.length - 1, Math.max(0, (reportCount - 1) * 2))];
  const disbursedAmount = tranches.reduce((sum, t) => sum + (t.disbursedAmount ?? 0), 0);
  return {
    tranches,
    progressPlan,
    progressReports,
    physicalProgress: latest?.physicalPercent ?? 0,
    financialProgress: latest?.financialPercent ?? 0,
    behindPlan:
      latest !== undefined &&
      plannedNow !== undefined &&
      plannedNow.physicalPercent - latest.physicalPercent > 10,
    disbursedAmount,
    approvedAmount: atLeast(stage, 'APPROVED') ? amount : 0,
  };
}

/** The stage moves from DRAFT to `stage` (a cancelled project stops somewhere on the way). */
function historyTo(
  next: () => number,
  stage: LoanProjectStage,
  createdAt: Date,
): { history: LoanProjectHistoryRecord[]; at: number } {
  const history: LoanProjectHistoryRecord[] = [];
  const target = stage === 'CANCELLED' ? STAGES_ORDER[Math.floor(next() * 4)]! : stage;
  let from: LoanProjectStage = 'DRAFT';
  let at = createdAt.getTime();
  for (const [transition, to] of STAGE_PATH) {
    if (!atLeast(target, to)) break;
    at += (5 + Math.floor(next() * 25)) * 86_400_000;
    const actor =
      transition === 'approve'
        ? historyActor(LENDER_ACTOR, 'pemberi-pinjaman')
        : transition === 'startDisbursement'
          ? { kind: 'system' as const, id: 'system', name: 'Sistem', organization: null, roles: [] }
          : historyActor(BPKAD_ACTOR, 'bpkad');
    history.push({ transition, from, to, actor, at: new Date(at), note: null });
    from = to;
  }
  if (stage === 'CANCELLED') {
    at += 10 * 86_400_000;
    history.push({
      transition: 'cancel',
      from,
      to: 'CANCELLED',
      actor: historyActor(BPKAD_ACTOR, 'bpkad'),
      at: new Date(at),
      note: 'Dibatalkan: pagu pinjaman dialihkan ke kegiatan prioritas lain.',
    });
  }
  return { history, at };
}

type BulkProject = Omit<LoanProjectRecord, 'revision'> & { revision: number };

function bulkProject(index: number, citations: readonly PlanningCitationRecord[]): BulkProject {
  const next = random(index + 1);
  const organization = WEIGHTED_ORGANIZATIONS[index % WEIGHTED_ORGANIZATIONS.length]!;
  const fiscalYear = 2019 + (index % 8);
  const work = organization.works[Math.floor(next() * organization.works.length)]!;
  const weighted = STAGE_WEIGHTS.flatMap(([stage, weight]) =>
    Array<LoanProjectStage>(weight).fill(stage),
  );
  // Older years are further along.
  const older = (2026 - fiscalYear) / 7;
  const stage =
    weighted[
      Math.min(weighted.length - 1, Math.floor((next() * 0.6 + older * 0.4) * weighted.length))
    ]!;
  const areaCount = 1 + Math.floor(next() * 3);
  const first = Math.floor(next() * AREAS.length);
  const locations: LocationRecord[] = Array.from({ length: areaCount }, (_, i) => {
    const area = AREAS[(first + i) % AREAS.length]!;
    const latitude = area.lat + (next() - 0.5) * 0.02;
    const longitude = area.lng + (next() - 0.5) * 0.02;
    return {
      id: randomUUID(),
      latitude,
      longitude,
      address: `${area.street} No. ${1 + Math.floor(next() * 200)}`,
      administrativeArea: area.area,
      outline:
        i === 0 && next() < 0.4
          ? [
              { lng: longitude - 0.002, lat: latitude - 0.001 },
              { lng: longitude + 0.002, lat: latitude - 0.001 },
              { lng: longitude + 0.002, lat: latitude + 0.001 },
              { lng: longitude - 0.002, lat: latitude + 0.001 },
              { lng: longitude - 0.002, lat: latitude - 0.001 },
            ]
          : null,
    };
  });
  const firstArea = AREAS[first]!;
  const name = `${work} ${firstArea.street} ${firstArea.area.split(',')[0]!.replace('Kecamatan ', '')} Tahap ${1 + (index % 3)}`;
  const amount =
    (5 + Math.floor(next() * 196)) * 1_000_000_000 + Math.floor(next() * 1_000) * 1_000_000;
  const createdAt = new Date(
    Date.UTC(fiscalYear - 1, 8 + Math.floor(next() * 3), 1 + Math.floor(next() * 28), 2, 0, 0),
  );
  const start = new Date(Date.UTC(fiscalYear, 1, 1));
  const organizationActor: ActorRecord = {
    id: `bench-${organization.code.toLowerCase()}`,
    name: `Pelaksana ${organization.code} (bench)`,
    organizationCode: organization.code,
  };
  const { history, at } = historyTo(next, stage, createdAt);
  const rest = enrichment(next, stage, amount, start, organizationActor);
  const ownCodes = citations.filter((c) => c.code.startsWith(organization.codePrefix));
  const cited = (ownCodes.length ? ownCodes : citations).slice(
    index % 3,
    (index % 3) + 1 + (index % 2),
  );
  const requirementsOpen = atLeast(stage, 'DOCUMENT_SUBMISSION');
  const code = `PIN-${fiscalYear}-${pad(101 + Math.floor(index / 8), 3)}`;
  const id = randomUUID();
  return {
    _id: id,
    code,
    fiscalYear,
    name,
    description: `${work} sepanjang ruas di ${firstArea.area} untuk mengurangi genangan dan kemacetan.`,
    borrowingReason:
      'Kapasitas fiskal APBD tahun berjalan tidak mencukupi; pinjaman daerah mempercepat manfaat bagi warga.',
    organizationCode: organization.code,
    organizationName: organization.name,
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT Sarana Multi Infrastruktur (Persero)',
    managerOrganizationCode: 'BPKAD',
    amount,
    tenorMonths: [36, 60, 84, 96, 120][index % 5]!,
    consultant:
      next() < 0.7
        ? {
            name: [
              'PT Wahana Konsultan Jambi',
              'CV Batanghari Rekayasa',
              'PT Sinar Teknik Mandiri',
            ][index % 3]!,
            contractNumber: `KONTRAK/${organization.code}/${fiscalYear}/${pad(index % 97, 3)}`,
            supervisor: 'Ir. Hendra Saputra, M.T.',
            contact: '+62741 123456',
          }
        : null,
    planningCodes: cited,
    locations,
    state: stage,
    history,
    agreement: atLeast(stage, 'AGREEMENT_SIGNED')
      ? {
          documentId: randomUUID(),
          number: `PERJ-${code}/PTSMI`,
          signedOn: isoDate(new Date(at)),
          recordedBy: BPKAD_ACTOR,
          recordedAt: new Date(at),
        }
      : null,
    ...rest,
    requirementSummary: requirementsOpen
      ? {
          total: 6,
          approved: atLeast(stage, 'APPROVED') ? 6 : 2,
          waived: 0,
          submitted: atLeast(stage, 'APPROVED') ? 0 : 3,
          revisionRequested: atLeast(stage, 'APPROVED') ? 0 : 1,
          outstanding: atLeast(stage, 'APPROVED') ? 0 : 3,
        }
      : { ...EMPTY_REQUIREMENT_SUMMARY },
    searchText: searchTextOf({ code, name }),
    createdBy: BPKAD_ACTOR,
    revision: 1,
    createdAt,
    updatedAt: new Date(Math.max(at, createdAt.getTime())),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Row {
  request: string;
  /** `first` for the list, null for the page. */
  pageSize: number | null;
  /** Measured requests (errors included). */
  requests: number;
  errors: number;
  commands: PerService<CountSummary>;
  /** Per service, the commands of one request with the most frequent count. */
  sample: PerService<string>;
  /** Commands the services sent on their own while this row ran. */
  background: PerService<number>;
  /**
   * The smallest difference, over the row's requests, between all commands a service sent while
   * the request ran and those attributed to it: 0 when at least one request ran with nothing
   * else going on and the attribution caught every command it caused.
   */
  unattributedMin: PerService<number>;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

interface RequestSpec {
  request: string;
  pageSize: number | null;
  query: string;
  variables: Record<string, unknown>;
  /** Throws when the answer is not what the page needs. */
  check: (data: unknown) => void;
}

interface Measurement {
  requestId: string;
  ms: number;
  /** All commands each service sent while the request ran. */
  window: PerService<number>;
  error: string | null;
}

async function send(
  gatewayUrl: string,
  tokens: TokenSource,
  spec: RequestSpec,
): Promise<Measurement> {
  const token = await tokens.get();
  const requestId = nextRequestId();
  const before = { ...total };
  const started = performance.now();
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query: spec.query, variables: spec.variables }),
  });
  const json = (await response.json()) as GraphQLResponse<unknown>;
  const ms = performance.now() - started;
  const window = perService((service) => total[service] - before[service]);
  let error: string | null = null;
  if (response.status !== 200 || json.errors?.length || !json.data) {
    error = `HTTP ${response.status} ${json.errors?.map((e) => e.message).join('; ') ?? ''}`;
  } else {
    try {
      spec.check(json.data);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
  }
  return { requestId, ms, window, error };
}

/** Waits (at most `maxMs`) until the services have sent no command of their own for `quietMs`. */
async function settle(quietMs: number, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  let last = SERVICES.reduce((sum, s) => sum + background[s], 0);
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    await delay(250);
    const now = SERVICES.reduce((sum, s) => sum + background[s], 0);
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) {
      return;
    }
  }
}

/**
 * Sends the specs' requests in turn (A, B, A, B, …), one at a time, so that each row meets the
 * same background load: `warmup` each first, then up to `requests` each within `groupSeconds`.
 */
async function measureGroup(
  gatewayUrl: string,
  tokens: TokenSource,
  specs: readonly RequestSpec[],
  warmup: number,
  requests: number,
  groupSeconds: number,
): Promise<Row[]> {
  for (let i = 0; i < warmup; i += 1) {
    for (const spec of specs) {
      const { error } = await send(gatewayUrl, tokens, spec);
      if (error) throw new Error(`${spec.request}: ${error}`);
    }
  }
  await settle(2_000, 30_000);
  const backgroundBefore = { ...background };
  const started = performance.now();
  const deadline = started + groupSeconds * 1000;
  const measured = specs.map(() => [] as Measurement[]);
  for (let round = 0; round < requests && performance.now() < deadline; round += 1) {
    for (const [index, spec] of specs.entries()) {
      measured[index]!.push(await send(gatewayUrl, tokens, spec));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // Anything a request still sends after its answer (none expected) gets a moment to arrive.
  await delay(200);
  const backgroundDuring = perService((s) => background[s] - backgroundBefore[s]);
  return specs.map((spec, index) => {
    const all = measured[index]!;
    const ok = all.filter((m) => m.error === null);
    const errors = all.length - ok.length;
    const firstError = all.find((m) => m.error !== null)?.error;
    if (firstError) console.log(`  ${spec.request}: ${errors} galat, mis. ${firstError}`);
    if (all.length < requests) {
      console.log(
        `  ${spec.request}${spec.pageSize ? ` ${spec.pageSize}` : ''}: ` +
          `hanya ${all.length} dari ${requests} permintaan dalam ${groupSeconds} s`,
      );
    }
    const sorted = ok.map((m) => m.ms).sort((a, b) => a - b);
    const commands = perService<CountSummary>(() => countSummary([]));
    const sample = perService(() => '-');
    const unattributedMin = perService(() => Number.NaN);
    for (const service of SERVICES) {
      const counts = ok.map((m) => commandsOf(m.requestId, service).length);
      commands[service] = countSummary(counts);
      const typical = ok.find((_, i) => counts[i] === commands[service].mode);
      sample[service] = typical ? describeCommands(commandsOf(typical.requestId, service)) : '-';
      unattributedMin[service] = Math.min(...ok.map((m, i) => m.window[service] - counts[i]!));
    }
    return {
      request: spec.request,
      pageSize: spec.pageSize,
      requests: all.length,
      errors,
      commands,
      sample,
      background: backgroundDuring,
      unattributedMin,
      seconds,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  });
}

interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const projectCount = positiveEnv('BENCH_PROJECTS', 1_000);
  const requests = positiveEnv('BENCH_REQUESTS', 200);
  const warmup = positiveEnv('BENCH_WARMUP', 5);
  const rowSeconds = positiveEnv('BENCH_ROW_SECONDS', 600);
  const username = process.env.BENCH_USER || 'bpkad';
  const keep = Boolean(process.env.BENCH_KEEP);
  if (projectCount < 100 + API_PROJECTS) throw new Error('BENCH_PROJECTS minimal 102');

  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(
          `pembersihan gagal: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: membersihkan…`);
      void cleanup().finally(() => process.exit(2));
    });
  }

  let infra: InfraHandle;
  try {
    infra = await ensureInfra({ log: (line) => console.log(`[infra] ${line}`) });
  } catch (error) {
    console.error(
      `Infrastruktur tidak tersedia: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  cleanups.push(() => infra.stop());
  const { urls } = infra;
  // The stack's services read these, as in the Vitest global setup.
  process.env.MONGO_URL = urls.mongoUrl;
  process.env.NATS_URL = urls.natsUrl;
  process.env.KEYCLOAK_URL = urls.keycloakUrl;
  process.env.SMTP_URL = urls.smtpUrl;
  process.env.MAILPIT_API_URL = urls.mailpitApiUrl;
  process.env.OUTBOX_SWEEP_MS ??= '600000';
  process.env.DIGEST_POLL_MS ??= '3600000';
  // A slow answer is measured, not cut off at the gateway's 10 s (it shows in p99 and max).
  process.env.SUBGRAPH_TIMEOUT_MS ??= '60000';

  try {
    const dropDatabases = async () => {
      for (const name of STACK_DATABASES) {
        const connection = await mongoose
          .createConnection(urls.mongoUrl, { dbName: name })
          .asPromise();
        try {
          await connection.dropDatabase();
        } finally {
          await connection.close();
        }
      }
    };
    if (!keep) cleanups.push(dropDatabases);

    startCommandMonitor();
    const stackStarted = performance.now();
    const stack: ApiStack = await startApiStack(DATABASE, { notificationsPollMs: 3_600_000 });
    cleanups.push(() => stack.stop());
    monitorMongoCommands(null);
    const { gatewayUrl } = stack;
    console.log(
      `Stack API di proses ini (${((performance.now() - stackStarted) / 1000).toFixed(1)} s): gateway ${gatewayUrl}, basis data ${DATABASE}[-projects|-documents|-notifications]`,
    );

    const tokens = new TokenSource(username);
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlRequest<T>(gatewayUrl, query, { token: await tokens.get(), variables });

    // Real sub-kegiatan codes of the active nomenclature, for the projects to cite.
    const versions = graphqlData(
      await gql<{ planningCodeVersions: { id: string; active: boolean }[] }>(
        '{ planningCodeVersions { id active } }',
      ),
      'planningCodeVersions',
    ).planningCodeVersions;
    const active = versions.find((v) => v.active);
    if (!active) throw new Error('tidak ada versi nomenklatur aktif');
    const codes = graphqlData(
      await gql<{ planningCodes: { code: string; name: string; versionId: string }[] }>(
        'query ($v: ID) { planningCodes(versionId: $v, level: SUB_KEGIATAN, first: 100) { code name versionId } }',
        { v: active.id },
      ),
      'planningCodes',
    ).planningCodes;
    const citations = await subKegiatanCodes(gql, active.id, codes);
    if (!citations.length) throw new Error('tidak ada kode sub kegiatan pada versi aktif');

    // 1. Projects through the API: requirements and thread exist in the other services.
    const apiIds: string[] = [];
    const created = performance.now();
    for (let i = 0; i < API_PROJECTS; i += 1)
      apiIds.push(await createApiProject(gql, citations, i));
    for (const id of apiIds) await applyTemplate(gql, id);
    const projectsDb = await mongoose
      .createConnection(urls.mongoUrl, { dbName: PROJECTS_DATABASE })
      .asPromise();
    cleanups.push(() => projectsDb.close());
    const LoanProjects = loanProjectModel(projectsDb);
    const LoanProjectList = loanProjectListModel(projectsDb);
    // Then, in the database, in IMPLEMENTATION with a signed agreement, 3 tranches and 1 report.
    for (const [i, id] of apiIds.entries()) {
      const record = await LoanProjects.findById(id).lean();
      if (!record) throw new Error(`proyek ${id} tidak ada di basis data projects`);
      const next = random(10_000 + i);
      const organizationActor: ActorRecord = {
        id: 'bench-dpupr',
        name: 'Pelaksana DPUPR (bench)',
        organizationCode: record.organizationCode,
      };
      const { history, at } = historyTo(next, 'IMPLEMENTATION', record.createdAt);
      const extra = enrichment(
        next,
        'IMPLEMENTATION',
        record.amount,
        new Date(Date.UTC(record.fiscalYear, 1, 1)),
        organizationActor,
        1,
      );
      await LoanProjects.updateOne(
        { _id: id },
        {
          $set: {
            ...extra,
            state: 'IMPLEMENTATION',
            history,
            agreement: {
              documentId: randomUUID(),
              number: `PERJ-${record.code}/PTSMI`,
              signedOn: isoDate(new Date(at)),
              recordedBy: BPKAD_ACTOR,
              recordedAt: new Date(at),
            },
          },
          $inc: { revision: 1 },
        },
      );
      // Its list row follows, as the service's writers keep it (loan-project-list.model.ts).
      const moved = await LoanProjects.findById(id).lean<LoanProjectRecord>();
      if (moved) {
        await LoanProjectList.replaceOne({ _id: id }, listSummaryOf(moved), { upsert: true });
      }
    }
    console.log(
      `${API_PROJECTS} proyek lewat API (createLoanProject + templat PT SMI di layanan dokumen), ` +
        `lalu di basis data dipindah ke IMPLEMENTATION dengan perjanjian, 3 termin dan 1 laporan ` +
        `(${((performance.now() - created) / 1000).toFixed(1)} s)`,
    );

    // 2. The rest straight into the database through the model.
    const bulkCount = projectCount - API_PROJECTS;
    const inserting = performance.now();
    /** The largest IMPLEMENTATION project: the page whose size must not change the count. */
    let largest: BulkProject | null = null;
    const sizeOf = (p: BulkProject) =>
      p.progressReports.reduce((sum, r) => sum + 1 + r.media.length, 0) + p.history.length;
    for (let from = 0; from < bulkCount; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, bulkCount - from) }, (_, i) =>
        bulkProject(from + i, citations),
      );
      const inserted = await LoanProjects.insertMany(batch, { ordered: false });
      // With their list rows, from the records as stored (timestamps set by the model).
      await LoanProjectList.insertMany(
        inserted.map((doc) => listSummaryOf(doc.toObject<LoanProjectRecord>())),
        { ordered: false },
      );
      for (const project of batch) {
        if (project.state === 'IMPLEMENTATION' && (!largest || sizeOf(project) > sizeOf(largest)))
          largest = project;
      }
    }
    const insertSeconds = (performance.now() - inserting) / 1000;
    if (!largest) throw new Error('tidak ada proyek massal di tahap IMPLEMENTATION');
    const byStage = await LoanProjects.aggregate<{ _id: string; n: number }>([
      { $group: { _id: '$state', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    const byYear = await LoanProjects.aggregate<{ _id: number; n: number }>([
      { $group: { _id: '$fiscalYear', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    const sample = await LoanProjects.findById(largest._id).lean();
    console.log(
      `${bulkCount} proyek langsung ke basis data lewat model LoanProject (insertMany per ${BATCH}, tanpa peristiwa) ` +
        `dalam ${insertSeconds.toFixed(1)} s; total ${await LoanProjects.countDocuments({})}`,
    );
    console.log(`  per tahun: ${byYear.map((y) => `${y._id} ${y.n}`).join(', ')}`);
    console.log(`  per tahap: ${byStage.map((s) => `${s._id} ${s.n}`).join(', ')}`);
    console.log(
      `  halaman massal: ${largest.code}, ${largest.tranches.length} termin, ` +
        `${largest.progressReports.length} laporan, ` +
        `${largest.progressReports.reduce((n, r) => n + r.media.length, 0)} media, ` +
        `${largest.history.length} riwayat, ${largest.locations.length} lokasi ` +
        `(${JSON.stringify(sample).length} byte JSON)`,
    );

    // The API-created pages should show their requirements and thread (through federation).
    await waitForFederation(gql, apiIds[0]!);

    // 3. The requests.
    const listCheck = (size: number) => (data: unknown) => {
      const connection = (data as { loanProjects: { edges: unknown[]; totalCount: number } })
        .loanProjects;
      if (connection.edges.length !== size)
        throw new Error(`${connection.edges.length} baris, bukan ${size}`);
      if (connection.totalCount < projectCount)
        throw new Error(`totalCount ${connection.totalCount} < ${projectCount}`);
    };
    const pageCheck = (withFederation: boolean) => (data: unknown) => {
      const project = (
        data as {
          loanProject: { requirements: unknown[]; thread: unknown } | null;
        }
      ).loanProject;
      if (!project) throw new Error('loanProject null');
      if (withFederation && project.requirements.length < 3)
        throw new Error(`${project.requirements.length} persyaratan, bukan ≥ 3`);
    };
    const specs: RequestSpec[] = [
      {
        request: 'daftar proyek',
        pageSize: 10,
        query: LIST_QUERY,
        variables: { first: 10 },
        check: listCheck(10),
      },
      {
        request: 'daftar proyek',
        pageSize: 100,
        query: LIST_QUERY,
        variables: { first: 100 },
        check: listCheck(100),
      },
      {
        request: 'halaman proyek (API)',
        pageSize: null,
        query: PAGE_QUERY,
        variables: { id: apiIds[0] },
        check: pageCheck(true),
      },
      {
        request: 'halaman proyek (massal)',
        pageSize: null,
        query: PAGE_QUERY,
        variables: { id: largest._id },
        check: pageCheck(false),
      },
    ];
    const rows: Row[] = [];
    for (const group of [specs.slice(0, 2), specs.slice(2)]) {
      console.log(
        `Mengukur bergiliran ${group.map((g) => `${g.request}${g.pageSize ? ` ${g.pageSize}` : ''}`).join(' / ')} ` +
          `(${warmup} pemanasan + hingga ${requests} masing-masing, paling lama ${rowSeconds} s)…`,
      );
      rows.push(...(await measureGroup(gatewayUrl, tokens, group, warmup, requests, rowSeconds)));
    }

    const [list10, list100, pageApi, pageBulk] = rows as [Row, Row, Row, Row];
    const ratio = (a: number, b: number) => (b ? a / b : Number.NaN);
    const same = (a: CountSummary, b: CountSummary) =>
      a.min === a.max && b.min === b.max && a.min === b.min;
    const checks: Check[] = [
      {
        name: 'perintah daftar: first 10 = first 100',
        value: `${formatCounts(list10.commands.projects)} vs ${formatCounts(list100.commands.projects)}`,
        target: 'sama',
        pass: same(list10.commands.projects, list100.commands.projects),
      },
      {
        name: 'perintah halaman: 1 laporan = banyak',
        value: `${formatCounts(pageApi.commands.projects)} vs ${formatCounts(pageBulk.commands.projects)}`,
        target: 'sama',
        pass: same(pageApi.commands.projects, pageBulk.commands.projects),
      },
      {
        name: 'atribusi lengkap (projects)',
        value: rows.map((row) => String(row.unattributedMin.projects)).join('/'),
        target: '0',
        pass: rows.every((row) => row.unattributedMin.projects === 0),
      },
      {
        name: 'galat',
        value: String(rows.reduce((sum, row) => sum + row.errors, 0)),
        target: '0',
        pass: rows.every((row) => row.errors === 0 && row.requests > 0),
      },
    ];
    const pass = checks.every((c) => c.pass);

    console.log('');
    console.log(
      `Data: ${projectCount} proyek (${API_PROJECTS} lewat API, ${bulkCount} langsung lewat model); ` +
        `hingga ${requests} permintaan per baris, berurutan dan bergiliran berpasangan (paling lama ${rowSeconds} s per pasangan), lewat gateway sebagai ${username}`,
    );
    console.log(
      'Perintah MongoDB per permintaan (dari permintaan itu saja, lewat x-request-id): ' +
        'min/terbanyak/maks, satu angka bila selalu sama',
    );
    console.log('');
    console.log(
      `${'permintaan'.padEnd(24)} ${'ukuran'.padStart(6)} ${'n'.padStart(4)} ${'projects'.padStart(9)} ` +
        `${'documents'.padStart(9)} ${'notif.'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ` +
        `${'maks ms'.padStart(9)} ${'rasio p50'.padStart(9)} ${'rasio perintah'.padStart(14)}`,
    );
    for (const row of rows) {
      const base = row === list100 ? list10 : row === pageBulk ? pageApi : null;
      console.log(
        `${row.request.padEnd(24)} ${(row.pageSize === null ? '-' : String(row.pageSize)).padStart(6)} ` +
          `${String(row.requests - row.errors).padStart(4)} ` +
          `${formatCounts(row.commands.projects).padStart(9)} ${formatCounts(row.commands.documents).padStart(9)} ` +
          `${formatCounts(row.commands.notifications).padStart(7)} ${row.p50.toFixed(1).padStart(9)} ` +
          `${row.p99.toFixed(1).padStart(9)} ${row.max.toFixed(1).padStart(9)} ` +
          `${(base ? ratio(row.p50, base.p50).toFixed(2) : '1.00').padStart(9)} ` +
          `${(base ? ratio(row.commands.projects.mode, base.commands.projects.mode).toFixed(2) : '1.00').padStart(14)}`,
      );
    }
    console.log('');
    for (const row of rows) {
      for (const service of SERVICES) {
        if (!row.commands[service].max) continue;
        console.log(
          `${row.request}${row.pageSize ? ` ${row.pageSize}` : ''}: ${service} → ${row.sample[service]}`,
        );
      }
    }
    console.log(
      `Latar belakang (konsumen, poller, relay; tidak dihitung di atas): ` +
        rows
          .map(
            (row) =>
              `${row.request}${row.pageSize ? ` ${row.pageSize}` : ''} ` +
              SERVICES.map((s) => `${s} ${row.background[s]}`).join('/') +
              ` dalam ${row.seconds.toFixed(0)} s`,
          )
          .join('; '),
    );
    console.log('');
    console.log(`${'pemeriksaan'.padEnd(40)} ${'hasil'.padEnd(24)} ${'target'.padEnd(8)} status`);
    for (const check of checks) {
      console.log(
        `${check.name.padEnd(40)} ${check.value.padEnd(24)} ${check.target.padEnd(8)} ${check.pass ? 'PASS' : 'FAIL'}`,
      );
    }
    console.log(
      pass
        ? `PASS — daftar ${list10.commands.projects.mode} perintah untuk 10 dan 100 baris; ` +
            `p50/p99 ${list10.p50.toFixed(0)}/${list10.p99.toFixed(0)} ms (10), ${list100.p50.toFixed(0)}/${list100.p99.toFixed(0)} ms (100), ` +
            `halaman ${pageApi.p50.toFixed(0)}/${pageApi.p99.toFixed(0)} ms`
        : `FAIL — ${checks
            .filter((c) => !c.pass)
            .map((c) => c.name)
            .join('; ')}`,
    );

    const resultsDir = path.join(REPO_ROOT, 'bench-results');
    mkdirSync(resultsDir, { recursive: true });
    const resultFile = path.join(
      resultsDir,
      `projects-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(
      resultFile,
      JSON.stringify(
        {
          run: RUN,
          user: username,
          projects: {
            total: projectCount,
            viaApi: API_PROJECTS,
            bulk: bulkCount,
            bulkInsertSeconds: insertSeconds,
            byYear,
            byStage,
            bulkPage: largest.code,
          },
          requests,
          warmup,
          rowSeconds,
          rows,
          checks,
          pass,
        },
        null,
        2,
      ),
    );
    console.log(`Hasil: ${path.relative(process.cwd(), resultFile)}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(
      `Benchmark gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  } finally {
    await cleanup();
  }
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** Sub-kegiatan codes of a version (from the list asked for, else walking down from the top). */
async function subKegiatanCodes(
  gql: Gql,
  versionId: string,
  found: readonly PlanningCitationRecord[],
): Promise<PlanningCitationRecord[]> {
  const subKegiatan = /^\d+\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{2,4}$/;
  const direct = found.filter((c) => subKegiatan.test(c.code));
  if (direct.length >= 3) return direct;
  const result: PlanningCitationRecord[] = [];
  const queue: (string | null)[] = [null];
  while (queue.length && result.length < 30) {
    const parentCode = queue.shift()!;
    const children = graphqlData(
      await gql<{
        planningCodes: { code: string; name: string; versionId: string; level: string }[];
      }>(
        'query ($v: ID, $p: String) { planningCodes(versionId: $v, parentCode: $p, first: 100) { code name versionId level } }',
        { v: versionId, p: parentCode },
      ),
      'planningCodes',
    ).planningCodes;
    for (const child of children) {
      if (child.level === 'SUB_KEGIATAN')
        result.push({ code: child.code, name: child.name, versionId: child.versionId });
      else queue.push(child.code);
    }
  }
  return result;
}

const CREATE = /* GraphQL */ `
  mutation ($input: LoanProjectInput!) {
    createLoanProject(input: $input) {
      id
      code
    }
  }
`;

async function createApiProject(
  gql: Gql,
  citations: readonly PlanningCitationRecord[],
  index: number,
): Promise<string> {
  const area = AREAS[index % AREAS.length]!;
  const input = {
    fiscalYear: 2026,
    name: `Peningkatan Jalan ${area.street} (bench ${RUN}-${index + 1})`,
    description: 'Peningkatan struktur jalan dan saluran drainase sepanjang 2,4 km.',
    borrowingReason:
      'Ruas jalan rusak berat; APBD tidak cukup untuk menanganinya dalam satu tahun.',
    organizationCode: 'DPUPR',
    lenderOrganizationCode: 'PTSMI',
    amount: 48_500_000_000,
    tenorMonths: 96,
    consultant: { name: 'PT Wahana Konsultan Jambi', contractNumber: 'KONTRAK/DPUPR/2026/001' },
    planningCodes: citations
      .filter((c) => c.code.startsWith('1.03.'))
      .slice(0, 1)
      .map((c) => c.code),
    locations: [
      {
        latitude: area.lat,
        longitude: area.lng,
        address: `${area.street} No. 12`,
        administrativeArea: area.area,
        outline: [
          { lng: area.lng - 0.002, lat: area.lat },
          { lng: area.lng + 0.002, lat: area.lat },
          { lng: area.lng + 0.002, lat: area.lat + 0.001 },
        ],
      },
      {
        latitude: area.lat + 0.004,
        longitude: area.lng + 0.003,
        address: `${area.street} No. 140`,
        administrativeArea: area.area,
      },
    ],
  };
  if (!input.planningCodes.length) input.planningCodes = citations.slice(0, 1).map((c) => c.code);
  // The organizations projection fills from identity's seed events: retry until it knows DPUPR.
  const deadline = performance.now() + 60_000;
  for (;;) {
    const response = await gql<{ createLoanProject: { id: string; code: string } }>(CREATE, {
      input,
    });
    const id = response.data?.createLoanProject.id;
    if (id) return id;
    if (performance.now() > deadline) graphqlData(response, 'createLoanProject');
    await delay(500);
  }
}

async function applyTemplate(gql: Gql, projectId: string): Promise<void> {
  const templates = graphqlData(
    await gql<{ requirementTemplates: { id: string; code: string }[] }>(
      '{ requirementTemplates { id code } }',
    ),
    'requirementTemplates',
  ).requirementTemplates;
  const template = templates.find((t) => t.code === 'PTSMI-PENCAIRAN-UANG-MUKA');
  if (!template) throw new Error('templat PTSMI-PENCAIRAN-UANG-MUKA tidak ada');
  graphqlData(
    await gql(
      `mutation ($input: ApplyTemplateInput!) { createRequirementsFromTemplate(input: $input) { id } }`,
      {
        input: {
          templateId: template.id,
          subject: { type: 'LoanProject', id: projectId },
          uploaderOrganizationCode: 'DPUPR',
          reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
        },
      },
    ),
    'createRequirementsFromTemplate',
  );
}

/** Waits until the page's requirements and thread resolve (events reach the other services). */
async function waitForFederation(gql: Gql, projectId: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const response = await gql<{
      loanProject: { requirements: unknown[]; thread: unknown } | null;
    }>('query ($id: ID!) { loanProject(id: $id) { requirements { id } thread { id } } }', {
      id: projectId,
    });
    const project = graphqlData(response, 'loanProject').loanProject;
    if (project && project.requirements.length >= 3 && project.thread) return;
    if (performance.now() > deadline) {
      console.log(
        `Catatan: setelah 30 s proyek ${projectId} punya ${project?.requirements.length ?? 0} persyaratan, utas ${project?.thread ? 'ada' : 'belum ada'}`,
      );
      return;
    }
    await delay(250);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
