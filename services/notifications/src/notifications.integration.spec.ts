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
import {
  eventually,
  errorCodes,
  getUserToken,
  graphqlRequest,
  openEventStream,
  type EventStreamClient,
} from '@sipadu/test-kit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationsService, type RunningNotificationsService } from './app.js';
import { notificationsEnvironment } from './environment.js';
import { RULE_STREAMS } from './rules/index.js';

// The service on a throwaway database with its own durable consumers, fed real JetStream events,
// read by real Keycloak users over GraphQL and SSE; e-mail goes to the real Mailpit.
const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-notifications-${RUN}`;
const MAILPIT = process.env.MAILPIT_API_URL ?? 'http://127.0.0.1:8025';

let service: RunningNotificationsService;
let nc: NatsConnection;
let js: JetStreamClient;
const tokens: Record<string, string> = {};

function environment() {
  return notificationsEnvironment({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_DATABASE: DATABASE,
    CONSUMER_PREFIX: `notifications-${RUN}`,
    CONSUMER_DELIVER_FROM: 'new',
    DELIVERY_POLL_MS: '200',
    REMINDER_POLL_MS: '3600000',
    DIGEST_POLL_MS: '3600000',
  });
}

const gql = <T = Record<string, unknown>>(
  user: string,
  query: string,
  variables: Record<string, unknown> = {},
) => graphqlRequest<T>(service.url, query, { token: tokens[user], variables });

async function publish<T extends EventType>(
  type: T,
  data: EventDataInput<T>,
  meta: { actorId?: string; org?: string | null; subject: { type: string; id: string } },
  msgId?: string,
): Promise<string> {
  const event = createEvent(type, data, {
    actor: { type: 'user', id: meta.actorId ?? 'someone-else', org: meta.org ?? null },
    subject: meta.subject,
    org: meta.org ?? null,
  });
  await js.publish(subjectForType(type), JSON.stringify(event), { msgID: msgId ?? event.id });
  return event.id;
}

interface NotificationNode {
  id: string;
  title: string;
  body: string;
  category: string;
  sequence: number;
  link: string | null;
  threadId: string | null;
  subject: { type: string; id: string } | null;
}

const LIST = /* GraphQL */ `
  query ($first: Int) {
    notifications(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          body
          category
          sequence
          link
          threadId
          subject {
            type
            id
          }
        }
      }
    }
    unreadNotificationCount
  }
`;

async function inbox(user: string) {
  const response = await gql<{
    notifications: { totalCount: number; edges: { node: NotificationNode }[] };
    unreadNotificationCount: number;
  }>(user, LIST, { first: 100 });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const aboutSubject = (id: string) => (node: NotificationNode) => node.subject?.id === id;

function requirementCreated(requirementId: string, dueDate: string | null = null) {
  return publish(
    'documents.requirement.created',
    {
      requirementId,
      title: `SPTJM Kepala Daerah ${RUN}`,
      subject: { type: 'LoanProject', id: `proj-${RUN}` },
      group: 'Pencairan tahap 1',
      uploaderOrganizationCode: 'DPUPR',
      reviewerOrganizationCodes: ['PTSMI'],
      requesterOrganizationCode: 'BPKAD',
      dueDate,
      templateId: null,
    },
    { org: 'BPKAD', subject: { type: 'requirement', id: requirementId } },
  );
}

function revisionRequested(requirementId: string, actorId: string, note: string) {
  return publish(
    'documents.requirement.revisionRequested',
    {
      workflow: 'document-requirement',
      subjectId: requirementId,
      transition: 'requestRevision',
      from: 'UNDER_REVIEW',
      to: 'REVISION_REQUESTED',
      actor: {
        kind: 'user',
        id: actorId,
        name: 'Rina Wulandari',
        organization: 'PTSMI',
        roles: ['pemberi-pinjaman'],
      },
      at: new Date().toISOString(),
      note,
      requirement: {
        title: `SPTJM Kepala Daerah ${RUN}`,
        subject: { type: 'LoanProject', id: `proj-${RUN}` },
        group: null,
        uploaderOrganizationCode: 'DPUPR',
        reviewerOrganizationCodes: ['PTSMI'],
        requesterOrganizationCode: 'BPKAD',
        currentReviewerOrganizationCode: null,
        documentId: null,
        documentVersion: 1,
        dueDate: null,
      },
    },
    { actorId, org: 'PTSMI', subject: { type: 'requirement', id: requirementId } },
  );
}

const ME = /* GraphQL */ `
  query {
    unreadNotificationCount
  }
`;

beforeAll(async () => {
  service = await startNotificationsService(environment());
  nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'notifications-spec');
  js = jetstream(nc);
  for (const user of ['pelaksana', 'pemberi-pinjaman', 'bpkad', 'admin-opd', 'pimpinan']) {
    tokens[user] = await getUserToken(user);
    // The first request puts the person in the service's directory (from the token).
    expect((await gql(user, ME)).errors).toBeUndefined();
  }
}, 120_000);

afterAll(async () => {
  await service?.stop();
  // The durable consumers of this run would otherwise stay on the shared NATS server.
  const jsm = await jetstreamManager(nc);
  for (const stream of RULE_STREAMS) {
    await jsm.consumers
      .delete(streamName(stream), `notifications-${RUN}-${stream}`)
      .catch(() => undefined);
  }
  await nc?.close();
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
    .asPromise();
  await connection.dropDatabase();
  await connection.close();
});

describe('notifications from events', () => {
  it('tells the uploading agency of a new requirement, once, even when the event comes twice', async () => {
    const requirementId = `req-${randomUUID()}`;
    const eventId = await requirementCreated(requirementId);
    const found = await eventually('notification for pelaksana', async () =>
      (await inbox('pelaksana')).notifications.edges
        .map((edge) => edge.node)
        .find(aboutSubject(requirementId)),
    );
    expect(found).toMatchObject({
      category: 'PERSYARATAN',
      title: 'Persyaratan dokumen baru',
      // A loan project's requirements are read on the project's "Dokumen Persyaratan" tab.
      link: `/proyek/proj-${RUN}?tab=dokumen`,
    });
    // Outside the uploading agency nobody hears of it.
    expect(
      (await inbox('pemberi-pinjaman')).notifications.edges.some((edge) =>
        aboutSubject(requirementId)(edge.node),
      ),
    ).toBe(false);

    // The same envelope again under another message id passes JetStream's de-duplication:
    // the consumer's inbox and the notification key must both hold.
    const again = createEvent(
      'documents.requirement.created',
      {
        requirementId,
        title: `SPTJM Kepala Daerah ${RUN}`,
        subject: { type: 'LoanProject', id: `proj-${RUN}` },
        group: 'Pencairan tahap 1',
        uploaderOrganizationCode: 'DPUPR',
        reviewerOrganizationCodes: ['PTSMI'],
        requesterOrganizationCode: 'BPKAD',
        dueDate: null,
        templateId: null,
      },
      {
        id: eventId,
        actor: { type: 'user', id: 'someone-else', org: 'BPKAD' },
        subject: { type: 'requirement', id: requirementId },
        org: 'BPKAD',
      },
    );
    await js.publish(subjectForType(again.type), JSON.stringify(again), { msgID: randomUUID() });
    // A marker event published after it: once its notification exists, the replay was handled.
    const marker = `req-${randomUUID()}`;
    await requirementCreated(marker);
    await eventually('marker handled', async () =>
      (await inbox('pelaksana')).notifications.edges.some((edge) =>
        aboutSubject(marker)(edge.node),
      ),
    );
    const copies = (await inbox('pelaksana')).notifications.edges.filter((edge) =>
      aboutSubject(requirementId)(edge.node),
    );
    expect(copies).toHaveLength(1);
  });

  it('sends the revision request to the agency in-app and by e-mail (Mailpit), not to its author', async () => {
    const requirementId = `req-${randomUUID()}`;
    await requirementCreated(requirementId);
    const reviewer = await eventually('pemberi-pinjaman id', async () => {
      const payload = JSON.parse(
        Buffer.from(tokens['pemberi-pinjaman']!.split('.')[1]!, 'base64url').toString(),
      ) as { sub: string };
      return payload.sub;
    });
    const note = `Tanda tangan belum basah ${RUN}`;
    await revisionRequested(requirementId, reviewer, note);
    const found = await eventually('revision notification', async () =>
      (await inbox('pelaksana')).notifications.edges
        .map((edge) => edge.node)
        .find((node) => node.title === 'Revisi dokumen diminta' && node.body.includes(note)),
    );
    expect(found.category).toBe('PERSYARATAN');
    expect(
      (await inbox('pemberi-pinjaman')).notifications.edges.some(
        (edge) => edge.node.title === 'Revisi dokumen diminta' && edge.node.body.includes(note),
      ),
    ).toBe(false);

    const mail = await eventually(
      'e-mail in Mailpit',
      async () => {
        const response = await fetch(
          `${MAILPIT}/api/v1/search?query=${encodeURIComponent(`to:"pelaksana@sipadu.local" "${RUN}"`)}`,
        );
        const body = (await response.json()) as {
          messages: { ID: string; Subject: string }[];
        };
        return body.messages.find((message) => message.Subject.includes('Revisi dokumen diminta'));
      },
      30_000,
    );
    const message = (await (await fetch(`${MAILPIT}/api/v1/message/${mail.ID}`)).json()) as {
      HTML: string;
      Text: string;
    };
    expect(message.Text).toContain(note);
    expect(message.HTML).toContain('Revisi dokumen diminta');
  });
});

describe('correspondence threads', () => {
  const THREAD = /* GraphQL */ `
    query ($type: String!, $id: ID!) {
      thread(subjectType: $type, subjectId: $id) {
        id
        title
        participantOrganizationCodes
        messageCount
        unreadCount
        viewerCanPost
        messages(last: 10) {
          totalCount
          edges {
            node {
              text
              mine
              author {
                name
                organizationCode
              }
              attachments {
                fileId
              }
            }
          }
        }
      }
    }
  `;
  const POST = /* GraphQL */ `
    mutation ($input: PostMessageInput!) {
      postMessage(input: $input) {
        id
        threadId
        text
      }
    }
  `;

  it('lets the parties of a requirement write to each other and keeps outsiders out', async () => {
    const requirementId = `req-${randomUUID()}`;
    await requirementCreated(requirementId);
    const subject = { type: 'DocumentRequirement', id: requirementId };
    const thread = await eventually('thread known', async () => {
      const response = await gql<{
        thread: { id: string; participantOrganizationCodes: string[] } | null;
      }>('pelaksana', THREAD, subject);
      return response.data?.thread;
    });
    expect(thread.id).toBe(`DocumentRequirement:${requirementId}`);
    expect(thread.participantOrganizationCodes.sort()).toEqual(['BPKAD', 'DPUPR', 'PTSMI']);

    const lender = await openEventStream(`${service.origin}/events`, {
      token: tokens['pemberi-pinjaman'],
    });
    expect(lender.status).toBe(200);
    await lender.waitFor((event) => event.event === 'unread');

    const posted = await gql<{ postMessage: { threadId: string } }>('pelaksana', POST, {
      input: { subject, text: `Dokumen sudah kami perbaiki ${RUN}`, attachmentIds: ['file-1'] },
    });
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.postMessage.threadId).toBe(thread.id);

    // The lender hears of it live, with the thread to open.
    const live = await lender.waitFor((event) => event.event === 'notification');
    expect(JSON.parse(live.data)).toMatchObject({ category: 'KORESPONDENSI', threadId: thread.id });
    lender.close();

    const seen = await gql<{
      thread: {
        unreadCount: number;
        viewerCanPost: boolean;
        messages: {
          edges: { node: { text: string; mine: boolean; attachments: { fileId: string }[] } }[];
        };
      };
    }>('pemberi-pinjaman', THREAD, subject);
    expect(seen.data!.thread.unreadCount).toBe(1);
    expect(seen.data!.thread.viewerCanPost).toBe(true);
    expect(seen.data!.thread.messages.edges[0]!.node).toMatchObject({
      text: `Dokumen sudah kami perbaiki ${RUN}`,
      mine: false,
      attachments: [{ fileId: 'file-1' }],
    });

    const read = await gql<{ markThreadRead: { unreadCount: number } }>(
      'pemberi-pinjaman',
      `mutation ($id: ID!) { markThreadRead(threadId: $id) { unreadCount } }`,
      { id: thread.id },
    );
    expect(read.data!.markThreadRead.unreadCount).toBe(0);

    // Dinas Kesehatan takes no part: it may neither read nor write.
    const outsider = await gql('admin-opd', THREAD, subject);
    expect(errorCodes(outsider)).toEqual(['FORBIDDEN']);
    const intrusion = await gql('admin-opd', POST, {
      input: { threadId: thread.id, text: 'Ikut bertanya' },
    });
    expect(errorCodes(intrusion)).toEqual(['FORBIDDEN']);
    // A leader oversees it read-only.
    const leader = await gql<{ thread: { viewerCanPost: boolean } }>('pimpinan', THREAD, subject);
    expect(leader.data!.thread.viewerCanPost).toBe(false);

    // Bad input is refused with a typed error and nothing is stored.
    const empty = await gql('pelaksana', POST, { input: { threadId: thread.id, text: '   ' } });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    const unknown = await gql('pelaksana', POST, {
      input: { subject: { type: 'DocumentRequirement', id: 'tidak-ada' }, text: 'Halo' },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const count = await gql<{ thread: { messageCount: number } }>('pelaksana', THREAD, subject);
    expect(count.data!.thread.messageCount).toBe(1);
  });
});

describe('loan projects', () => {
  const ENTITY = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on LoanProject {
          id
          thread {
            id
            title
            participantOrganizationCodes
          }
        }
      }
    }
  `;
  const loanProject = (id: string) => ({
    id,
    code: 'PIN-2025-009',
    name: `Drainase Kawasan Pasar ${RUN}`,
    fiscalYear: 2025,
    organizationCode: 'DPUPR',
    lenderOrganizationCode: 'PTSMI',
    managerOrganizationCode: 'BPKAD',
    stage: 'DRAFT',
  });

  it('opens the project thread to its three parties and tells each what concerns it', async () => {
    const id = `proyek-${randomUUID()}`;
    const project = loanProject(id);
    const meta = { org: 'BPKAD', subject: { type: 'loanProject', id } };
    await publish('projects.project.created', { project, amount: 7_500_000_000 }, meta);
    const created = await eventually('new project for the agency', async () =>
      (await inbox('pelaksana')).notifications.edges
        .map((edge) => edge.node)
        .find(aboutSubject(id)),
    );
    expect(created).toMatchObject({
      category: 'PROYEK',
      title: 'Usulan proyek pinjaman baru',
      link: `/proyek/${id}`,
      subject: { type: 'LoanProject', id },
    });

    // LoanProject.thread through federation: the parties and leaders see it, others do not.
    const representations = [{ __typename: 'LoanProject', id }];
    const lender = await gql<{
      _entities: {
        id: string;
        thread: { id: string; title: string; participantOrganizationCodes: string[] };
      }[];
    }>('pemberi-pinjaman', ENTITY, { representations });
    expect(lender.errors).toBeUndefined();
    const thread = lender.data!._entities[0]!.thread;
    expect(thread.id).toBe(`LoanProject:${id}`);
    expect(thread.title).toBe(`Proyek PIN-2025-009 — Drainase Kawasan Pasar ${RUN}`);
    expect([...thread.participantOrganizationCodes].sort()).toEqual(['BPKAD', 'DPUPR', 'PTSMI']);
    const outsider = await gql<{ _entities: { thread: unknown }[] }>('admin-opd', ENTITY, {
      representations,
    });
    expect(outsider.data!._entities[0]).toEqual({ id, thread: null });

    await publish(
      'projects.project.stageChanged',
      {
        workflow: 'loan-project',
        subjectId: id,
        transition: 'openDocumentSubmission',
        from: 'DATA_PREPARATION',
        to: 'DOCUMENT_SUBMISSION',
        actor: {
          kind: 'user',
          id: 'someone-else',
          name: 'Sari Wulandari',
          organization: 'BPKAD',
          roles: ['bpkad'],
        },
        at: new Date().toISOString(),
        note: null,
        project: { ...project, stage: 'DOCUMENT_SUBMISSION' },
      },
      meta,
    );
    const stage = await eventually('stage change for the lender', async () =>
      (await inbox('pemberi-pinjaman')).notifications.edges
        .map((edge) => edge.node)
        .find((node) => node.subject?.id === id && node.title.startsWith('Tahap proyek')),
    );
    expect(stage).toMatchObject({
      title: 'Tahap proyek: Pengajuan Dokumen',
      link: `/proyek/${id}?tab=dokumen`,
    });

    // A report behind plan reaches the leaders too; one on plan would not.
    await publish(
      'projects.progress.submitted',
      {
        project: { ...project, stage: 'IMPLEMENTATION' },
        reportId: randomUUID(),
        period: '2025-09',
        physicalPercent: 20,
        financialPercent: 15,
        plannedPhysicalPercent: 45,
        behindPlan: true,
        submittedBy: { id: 'someone-else', name: 'Budi', organizationCode: 'DPUPR' },
      },
      { ...meta, org: 'DPUPR' },
    );
    const warning = await eventually('behind-plan warning for the leader', async () =>
      (await inbox('pimpinan')).notifications.edges.map((edge) => edge.node).find(aboutSubject(id)),
    );
    expect(warning).toMatchObject({
      category: 'PROYEK',
      title: 'Proyek pinjaman terlambat dari rencana',
      link: `/proyek/${id}?tab=progres`,
    });
    const review = await eventually('report for BPKAD', async () =>
      (await inbox('bpkad')).notifications.edges
        .map((edge) => edge.node)
        .find((node) => node.subject?.id === id && node.title.startsWith('Laporan kemajuan')),
    );
    expect(review.title).toBe('Laporan kemajuan September 2025 menunggu pemeriksaan');
  });
});

describe('live stream', () => {
  it('gives a client that was away for a while every notification it missed, in order', async () => {
    const first = `req-${randomUUID()}`;
    const stream: EventStreamClient = await openEventStream(`${service.origin}/events`, {
      token: tokens.pelaksana,
    });
    await requirementCreated(first);
    const initial = await stream.waitFor(
      (event) => event.event === 'notification' && event.data.includes(first),
    );
    stream.close();

    // Away: three more notifications arrive meanwhile.
    const missed = [0, 1, 2].map(() => `req-${randomUUID()}`);
    for (const id of missed) await requirementCreated(id);
    await eventually('missed ones stored', async () => {
      const nodes = (await inbox('pelaksana')).notifications.edges.map((edge) => edge.node);
      return missed.every((id) => nodes.some(aboutSubject(id)));
    });

    const resumed = await openEventStream(`${service.origin}/events`, {
      token: tokens.pelaksana,
      lastEventId: initial.id,
    });
    for (const id of missed) {
      await resumed.waitFor((event) => event.event === 'notification' && event.data.includes(id));
    }
    const notifications = resumed.received.filter((event) => event.event === 'notification');
    const sequences = notifications.map((event) => Number(event.id));
    expect(sequences[0]).toBe(Number(initial.id) + 1);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(notifications.some((event) => event.data.includes(first))).toBe(false);
    resumed.close();
  });

  it('refuses a stream without a valid token', async () => {
    const anonymous = await openEventStream(`${service.origin}/events`);
    expect(anonymous.status).toBe(401);
    const forged = await openEventStream(`${service.origin}/events`, { token: 'abc.def.ghi' });
    expect(forged.status).toBe(401);
  });
});

describe('reminders', () => {
  it('reminds the agency of a due date once, across repeated runs', async () => {
    const requirementId = `req-${randomUUID()}`;
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await requirementCreated(requirementId, soon);
    await eventually('requirement notification', async () =>
      (await inbox('pelaksana')).notifications.edges.some((edge) =>
        aboutSubject(requirementId)(edge.node),
      ),
    );
    expect(await service.runReminders()).toBeGreaterThanOrEqual(1);
    await service.runReminders();
    const reminders = (await inbox('pelaksana')).notifications.edges.filter(
      (edge) => edge.node.category === 'PENGINGAT' && aboutSubject(requirementId)(edge.node),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.node.title).toBe('Tenggat persyaratan mendekat');
    // The overdue one waits for its day: running "three days later" fires it, once.
    await service.runReminders(new Date(Date.now() + 4 * 86_400_000));
    await service.runReminders(new Date(Date.now() + 5 * 86_400_000));
    const overdue = (await inbox('pelaksana')).notifications.edges.filter(
      (edge) =>
        edge.node.title === 'Tenggat persyaratan terlewati' &&
        aboutSubject(requirementId)(edge.node),
    );
    expect(overdue).toHaveLength(1);
  });
});

describe('preferences', () => {
  const PREFS = /* GraphQL */ `
    mutation ($input: NotificationPreferencesInput!) {
      updateNotificationPreferences(input: $input) {
        dailyDigest
        phone
        email
        categories {
          category
          inApp
          email
          sms
        }
        sms {
          delivering
          description
        }
      }
    }
  `;

  it('keeps per-category channels, validates the phone number and says SMS are only recorded', async () => {
    const bad = await gql('bpkad', PREFS, { input: { phone: '12345' } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const noPhone = await gql('bpkad', PREFS, {
      input: { categories: [{ category: 'PERSYARATAN', sms: true }] },
    });
    expect(errorCodes(noPhone)).toEqual(['BAD_USER_INPUT']);

    const saved = await gql<{
      updateNotificationPreferences: {
        phone: string;
        email: string;
        categories: { category: string; inApp: boolean; email: boolean; sms: boolean }[];
        sms: { delivering: boolean; description: string };
      };
    }>('bpkad', PREFS, {
      input: {
        phone: '0812-1000-0003',
        categories: [{ category: 'PERSYARATAN', email: false, sms: true }],
      },
    });
    expect(saved.errors).toBeUndefined();
    const prefs = saved.data!.updateNotificationPreferences;
    expect(prefs.phone).toBe('+6281210000003');
    expect(prefs.email).toBe('bpkad@sipadu.local');
    expect(prefs.categories.find((entry) => entry.category === 'PERSYARATAN')).toEqual({
      category: 'PERSYARATAN',
      inApp: true,
      email: false,
      sms: true,
    });
    expect(prefs.categories.find((entry) => entry.category === 'KORESPONDENSI')).toMatchObject({
      email: true,
    });
    expect(prefs.sms.delivering).toBe(false);
    expect(prefs.sms.description).toMatch(/dicatat/);
  });
});

describe('a consumer stopped mid-batch', () => {
  it('loses nothing and repeats nothing after a restart', async () => {
    const ids = Array.from({ length: 40 }, () => `req-${randomUUID()}`);
    const batch = `batch-${RUN}`;
    const publishAll = Promise.all(
      ids.map((requirementId) =>
        publish(
          'documents.requirement.created',
          {
            requirementId,
            title: `${batch} ${requirementId}`,
            subject: { type: 'LoanProject', id: batch },
            group: null,
            uploaderOrganizationCode: 'DPUPR',
            reviewerOrganizationCodes: ['PTSMI'],
            requesterOrganizationCode: 'BPKAD',
            dueDate: null,
            templateId: null,
          },
          { org: 'BPKAD', subject: { type: 'requirement', id: requirementId } },
        ),
      ),
    );
    const count = async () =>
      (await inbox('pelaksana')).notifications.edges.filter((edge) =>
        edge.node.link?.startsWith(`/proyek/${batch}?`),
      ).length;
    await eventually('some handled', async () => (await count()) > 0);
    await service.stop();
    await publishAll;
    service = await startNotificationsService(environment());
    await eventually('all handled after restart', async () => (await count()) >= ids.length);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count()).toBe(ids.length);
  });
});
