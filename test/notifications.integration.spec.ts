// Notifications as users meet them through the gateway (issue 5, "done when"): a lender's revision
// request in the documents service reaches the executing agency in-app, live over /events and by
// e-mail (Mailpit); correspondence on the requirement with an attachment the other party can open
// and an outsider cannot; a live client away for 30 s gets everything it missed on reconnect.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  errorCodes,
  getUserToken,
  graphqlRequest,
  openEventStream,
  tusUpload,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { pdfWithText } from './support/fixtures.js';

const DATABASE = 'sipadu_notifications_platform_test';
const RUN = randomUUID().slice(0, 8);
const MAILPIT = process.env.MAILPIT_API_URL ?? 'http://127.0.0.1:8025';
let stack: ApiStack;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));

async function gql<T = Record<string, unknown>>(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(stack.gatewayUrl, query, { variables, token: await token(username) });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

async function upload(username: string, bytes: Uint8Array, filename: string): Promise<string> {
  const result = await tusUpload({
    origin: stack.gatewayOrigin,
    token: await token(username),
    bytes,
    filename,
    purpose: 'document',
  });
  expect(result.status, result.message ?? '').toBe(204);
  return result.fileId as string;
}

interface Inbox {
  notifications: {
    edges: {
      node: { id: string; title: string; body: string; category: string; sequence: number };
    }[];
  };
  unreadNotificationCount: number;
}
const INBOX = `{ notifications(first: 50) { edges { node { id title body category sequence } } } unreadNotificationCount }`;

async function createRequirement(title: string): Promise<string> {
  const { createRequirement: created } = ok(
    await gql<{ createRequirement: { id: string } }>(
      'bpkad',
      `mutation ($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }`,
      {
        input: {
          subject: { type: 'LoanProject', id: `notif-${RUN}` },
          title,
          uploaderOrganizationCode: 'DPUPR',
          reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
        },
      },
    ),
  );
  return created.id;
}

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
  // Everyone in these scenarios has signed in once (the directory learns them from the token).
  for (const user of ['pelaksana', 'pemberi-pinjaman', 'bpkad', 'admin-opd']) {
    ok(await gql(user, `{ unreadNotificationCount }`));
  }
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a revision request reaches the executing agency', () => {
  it('in the inbox, live over the gateway /events, and by e-mail', async () => {
    const title = `SPTJM Kepala Daerah ${RUN}`;
    const requirementId = await createRequirement(title);
    const live = await openEventStream(`${stack.gatewayOrigin}/events`, {
      token: await token('pelaksana'),
    });
    expect(live.status).toBe(200);

    const fileId = await upload('pelaksana', await pdfWithText('SPTJM versi 1'), 'SPTJM.pdf');
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
        { id: requirementId, file: fileId },
      ),
    );
    ok(
      await gql('bpkad', `mutation ($id: ID!) { forwardRequirement(id: $id) { id } }`, {
        id: requirementId,
      }),
    );
    const reason = `Tanggal surat keliru ${RUN}`;
    ok(
      await gql(
        'pemberi-pinjaman',
        `mutation ($id: ID!, $m: String!) { reviewRequirement(id: $id, decision: REQUEST_REVISION, message: $m) { id } }`,
        { id: requirementId, m: reason },
      ),
    );

    const pushed = await live.waitFor(
      (event) => event.event === 'notification' && event.data.includes(reason),
      30_000,
    );
    expect(JSON.parse(pushed.data)).toMatchObject({
      category: 'PERSYARATAN',
      title: 'Revisi dokumen diminta',
      link: `/proyek/notif-${RUN}?tab=dokumen`,
    });
    live.close();

    const inbox = ok(await gql<Inbox>('pelaksana', INBOX));
    expect(inbox.notifications.edges.map((edge) => edge.node.title)).toContain(
      'Revisi dokumen diminta',
    );
    expect(inbox.unreadNotificationCount).toBeGreaterThan(0);
    // The lender who asked is not told about its own request.
    const lender = ok(await gql<Inbox>('pemberi-pinjaman', INBOX));
    expect(lender.notifications.edges.some((edge) => edge.node.body.includes(reason))).toBe(false);

    const mail = await eventually('e-mail in Mailpit', async () => {
      const query = encodeURIComponent(`to:"pelaksana@sipadu.local" "${reason}"`);
      const response = await fetch(`${MAILPIT}/api/v1/search?query=${query}`);
      const body = (await response.json()) as { messages: { ID: string; Subject: string }[] };
      return body.messages[0];
    });
    expect(mail.Subject).toContain('Revisi dokumen diminta');

    const marked = ok(
      await gql<{ markAllNotificationsRead: { unreadCount: number } }>(
        'pelaksana',
        `mutation { markAllNotificationsRead { updated unreadCount } }`,
      ),
    );
    expect(marked.markAllNotificationsRead.unreadCount).toBe(0);
  });
});

describe('correspondence on a requirement', () => {
  it('shares an attachment with the other party through federation and keeps outsiders out', async () => {
    const requirementId = await createRequirement(`Rencana Penggunaan Uang Muka ${RUN}`);
    const thread = await eventually('thread on the requirement', async () => {
      const data = ok(
        await gql<{ requirement: { thread: { id: string; viewerCanPost: boolean } | null } }>(
          'pelaksana',
          `query ($id: ID!) { requirement(id: $id) { thread { id viewerCanPost } } }`,
          { id: requirementId },
        ),
      );
      return data.requirement.thread;
    });
    expect(thread).toEqual({ id: `DocumentRequirement:${requirementId}`, viewerCanPost: true });

    const fileId = await upload('pelaksana', await pdfWithText('Lampiran RPUM'), 'RPUM.pdf');
    ok(
      await gql(
        'pelaksana',
        `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`,
        {
          input: { threadId: thread.id, text: 'Mohon dicek lampirannya.', attachmentIds: [fileId] },
        },
      ),
    );
    // The lender sees the message, unread, with the attachment's metadata once documents shared it.
    const THREAD = `query ($id: ID!) { requirement(id: $id) { thread { unreadCount messages { edges { node { text attachments { fileId file { filename } } } } } } } }`;
    const seen = await eventually('attachment readable by the lender', async () => {
      const data = ok(
        await gql<{
          requirement: {
            thread: {
              unreadCount: number;
              messages: {
                edges: {
                  node: { text: string; attachments: { file: { filename: string } | null }[] };
                }[];
              };
            };
          };
        }>('pemberi-pinjaman', THREAD, { id: requirementId }),
      );
      const message = data.requirement.thread.messages.edges[0]?.node;
      return message?.attachments[0]?.file ? data.requirement.thread : null;
    });
    expect(seen.unreadCount).toBe(1);
    expect(seen.messages.edges[0]!.node.attachments[0]!.file).toEqual({ filename: 'RPUM.pdf' });
    const download = await fetch(`${stack.gatewayOrigin}/files/${fileId}`, {
      headers: { authorization: `Bearer ${await token('pemberi-pinjaman')}` },
    });
    expect(download.status).toBe(200);
    await download.arrayBuffer();

    // Dinas Kesehatan is not a party: no thread, no file.
    const outsider = await gql(
      'admin-opd',
      `query ($t: String!, $id: ID!) { thread(subjectType: $t, subjectId: $id) { id } }`,
      { t: 'DocumentRequirement', id: requirementId },
    );
    expect(errorCodes(outsider)).toEqual(['FORBIDDEN']);
    const denied = await fetch(`${stack.gatewayOrigin}/files/${fileId}`, {
      headers: { authorization: `Bearer ${await token('admin-opd')}` },
    });
    expect(denied.status).toBe(403);
    await denied.arrayBuffer();
  });
});

describe('a live client away for 30 seconds', () => {
  it('gets every notification sent meanwhile on reconnect, once each, in order', async () => {
    const first = await openEventStream(`${stack.gatewayOrigin}/events`, {
      token: await token('pelaksana'),
    });
    const opening = `Surat Kuasa ${RUN}`;
    await createRequirement(opening);
    const seen = await first.waitFor(
      (event) => event.event === 'notification' && event.data.includes(opening),
    );
    first.close();

    const titles = [1, 2, 3].map((n) => `Dokumen susulan ${n} ${RUN}`);
    const away = Date.now();
    for (const title of titles) await createRequirement(title);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - away))));

    const back = await openEventStream(`${stack.gatewayOrigin}/events`, {
      token: await token('pelaksana'),
      lastEventId: seen.id,
    });
    for (const title of titles) {
      await back.waitFor((event) => event.event === 'notification' && event.data.includes(title));
    }
    back.close();
    const sequences = back.received
      .filter((event) => event.event === 'notification')
      .map((event) => Number(event.id));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences[0]).toBe(Number(seen.id) + 1);
  }, 90_000);
});
