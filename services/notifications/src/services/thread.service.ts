import { randomUUID } from 'node:crypto';
import { createEvent, eventsForInsert, type Outbox } from '@sipadu/events';
import {
  actorOf,
  badInput,
  forbidden,
  notFound,
  parseInput,
  type Principal,
} from '@sipadu/service-kit';
import { z } from 'zod';
import { access, THREAD_MODERATORS, THREAD_OVERSEERS } from '../access.js';
import type { MessageModel, MessageRecord } from '../models/message.model.js';
import { subjectKey, type SubjectEntryRecord, type SubjectRef } from '../models/subject.model.js';
import type { ThreadReadModel } from '../models/thread-read.model.js';
import type { ThreadModel, ThreadRecord } from '../models/thread.model.js';
import { quote } from '../rules/text.js';
import { decodeCursor, encodeCursor, pageSize, type Page } from './cursor.js';
import type { NotificationService } from './notification.service.js';
import type { SubjectService } from './subject.service.js';

/** A thread as readers see it: stored, or virtual for a known subject with no message yet. */
export interface ThreadView {
  id: string;
  subject: SubjectRef;
  title: string;
  link: string | null;
  participantOrganizationCodes: string[];
  participantUserIds: string[];
  messageCount: number;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
}

const MAX_ATTACHMENTS = 10;
const subjectInput = z.object({
  type: z
    .string()
    .trim()
    .regex(/^[A-Za-z][\w-]{0,63}$/, 'Jenis subjek tidak valid.'),
  id: z.string().trim().min(1).max(128),
});
const postSchema = z
  .object({
    threadId: z.string().trim().min(3).max(200).nullish(),
    subject: subjectInput.nullish(),
    text: z
      .string()
      .trim()
      .min(1, 'Pesan tidak boleh kosong.')
      .max(5000, 'Pesan paling panjang 5.000 karakter.'),
    attachmentIds: z
      .array(z.string().trim().min(1).max(128))
      .max(MAX_ATTACHMENTS, `Paling banyak ${MAX_ATTACHMENTS} lampiran.`)
      .nullish(),
  })
  .refine((input) => Boolean(input.threadId) !== Boolean(input.subject), {
    message: 'Sebutkan threadId atau subject, salah satu saja.',
  });
const participantsSchema = z.object({
  threadId: z.string().trim().min(3).max(200),
  organizationCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z0-9_-]{2,32}$/, 'Kode organisasi tidak valid.'),
    )
    .max(20)
    .nullish(),
  userIds: z.array(z.string().trim().min(1).max(128)).max(50).nullish(),
});

/** `Type:id` → subject; ids may contain ':' themselves, the type may not. */
function subjectOfKey(key: string): SubjectRef | null {
  const at = key.indexOf(':');
  if (at < 1 || at === key.length - 1) return null;
  return { type: key.slice(0, at), id: key.slice(at + 1) };
}

const unique = (values: readonly string[]) => [...new Set(values)];

export class ThreadService {
  constructor(
    private readonly deps: {
      threads: ThreadModel;
      messages: MessageModel;
      reads: ThreadReadModel;
      subjects: SubjectService;
      notifications: NotificationService;
      outbox: Outbox;
    },
  ) {}

  async init(): Promise<void> {
    await Promise.all([
      this.deps.threads.init(),
      this.deps.messages.init(),
      this.deps.reads.init(),
    ]);
  }

  /** The thread of a key, from its stored record and what is known of its subject. */
  async load(key: string): Promise<ThreadView | null> {
    const subject = subjectOfKey(key);
    if (!subject) return null;
    const [stored, entry] = await Promise.all([
      this.deps.threads.findById(key).lean<ThreadRecord>().exec(),
      this.deps.subjects.get(key),
    ]);
    if (!stored && !entry) return null;
    const view = this.view(key, subject, stored, entry);
    // Counted, not read from the thread's counter: FerretDB v1 can lose concurrent $inc updates.
    if (stored) view.messageCount = await this.deps.messages.countDocuments({ threadId: key });
    return view;
  }

  private view(
    key: string,
    subject: SubjectRef,
    stored: ThreadRecord | null,
    entry: SubjectEntryRecord | null,
  ): ThreadView {
    return {
      id: key,
      subject,
      title: entry?.title ?? `${subject.type} ${subject.id}`,
      link: entry?.link ?? null,
      participantOrganizationCodes: unique([
        ...(entry?.organizationCodes ?? []),
        ...(stored?.participantOrganizationCodes ?? []),
      ]),
      participantUserIds: unique([
        ...(entry?.userIds ?? []),
        ...(stored?.participantUserIds ?? []),
      ]),
      messageCount: stored?.messageCount ?? 0,
      lastMessageAt: stored?.lastMessageAt ?? null,
      lastMessagePreview: stored?.lastMessagePreview ?? null,
    };
  }

  isParticipant(principal: Principal, thread: ThreadView): boolean {
    return (
      thread.participantUserIds.includes(principal.id) ||
      (principal.organizationCode !== null &&
        thread.participantOrganizationCodes.includes(principal.organizationCode))
    );
  }

  canRead(principal: Principal, thread: ThreadView): boolean {
    return (
      this.isParticipant(principal, thread) ||
      THREAD_OVERSEERS.some((role) => principal.roles.includes(role))
    );
  }

  canPost(principal: Principal, thread: ThreadView): boolean {
    return (
      this.isParticipant(principal, thread) ||
      THREAD_MODERATORS.some((role) => principal.roles.includes(role))
    );
  }

  private readable(principal: Principal, thread: ThreadView | null): ThreadView | null {
    if (!thread) return null;
    if (!this.canRead(principal, thread)) {
      throw forbidden('Anda bukan peserta korespondensi ini.');
    }
    return thread;
  }

  async bySubject(principal: Principal | null, subject: SubjectRef): Promise<ThreadView | null> {
    const caller = access.require(principal, 'Query.thread');
    const valid = parseInput(subjectInput, subject);
    return this.readable(caller, await this.load(subjectKey(valid)));
  }

  async byId(principal: Principal | null, id: string): Promise<ThreadView | null> {
    const caller = access.require(principal, 'Query.threadById');
    return this.readable(caller, await this.load(id));
  }

  /** For federation (`DocumentRequirement.thread`): null when unknown or not readable. */
  async forReference(principal: Principal | null, subject: SubjectRef): Promise<ThreadView | null> {
    if (!principal) return null;
    const thread = await this.load(subjectKey(subject));
    return thread && this.canRead(principal, thread) ? thread : null;
  }

  async messages(
    thread: ThreadView,
    args: { last?: number | null; before?: string | null },
  ): Promise<Page<MessageRecord>> {
    const last = pageSize(args.last ?? 50);
    const filter: Record<string, unknown> = { threadId: thread.id };
    const totalCount = await this.deps.messages.countDocuments(filter);
    if (args.before) {
      const [time, id] = decodeCursor(args.before);
      const at = new Date(Number(time));
      filter.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: String(id) } }];
    }
    const newestFirst = await this.deps.messages
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(last + 1)
      .lean<MessageRecord[]>()
      .exec();
    const page = newestFirst.slice(0, last).reverse();
    const cursorOf = (message: MessageRecord) =>
      encodeCursor([message.createdAt.getTime(), message._id]);
    return {
      edges: page.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: {
        hasNextPage: Boolean(args.before),
        hasPreviousPage: newestFirst.length > last,
        startCursor: page[0] ? cursorOf(page[0]) : null,
        endCursor: page.at(-1) ? cursorOf(page.at(-1)!) : null,
      },
      totalCount,
    };
  }

  /** Messages of others after the person's last read. */
  async unreadCount(principal: Principal | null, thread: ThreadView): Promise<number> {
    if (!principal || !thread.messageCount) return 0;
    const read = await this.deps.reads
      .findById(`${thread.id}|${principal.id}`)
      .lean<{ readAt: Date }>()
      .exec();
    return this.deps.messages.countDocuments({
      threadId: thread.id,
      'author.id': { $ne: principal.id },
      ...(read ? { createdAt: { $gt: read.readAt } } : {}),
    });
  }

  async post(principal: Principal | null, input: unknown): Promise<MessageRecord> {
    const caller = access.require(principal, 'Mutation.postMessage');
    if (caller.kind !== 'user') throw forbidden('Hanya pengguna yang dapat mengirim pesan.');
    const data = parseInput(postSchema, input);
    const key = data.threadId ?? subjectKey(data.subject!);
    const thread = await this.load(key);
    if (!thread) throw notFound('Korespondensi atau subjeknya tidak ditemukan.');
    if (!this.canPost(caller, thread)) {
      throw forbidden('Anda bukan peserta korespondensi ini sehingga tidak dapat mengirim pesan.');
    }
    const attachmentFileIds = unique(data.attachmentIds ?? []);
    const now = new Date();
    const author = {
      id: caller.id,
      name: caller.name ?? caller.username,
      organizationCode: caller.organizationCode,
    };
    // The author joins the thread (a moderator writing in becomes a participant by name).
    const participantOrganizationCodes = thread.participantOrganizationCodes;
    const participantUserIds = this.isParticipant(caller, thread)
      ? thread.participantUserIds
      : unique([...thread.participantUserIds, caller.id]);
    await this.deps.threads.updateOne(
      { _id: key },
      {
        $setOnInsert: {
          subject: thread.subject,
          extraOrganizationCodes: [],
          extraUserIds: [],
          messageCount: 0,
          createdAt: now,
        },
        $addToSet: {
          participantOrganizationCodes: { $each: participantOrganizationCodes },
          participantUserIds: { $each: participantUserIds },
        },
      },
      { upsert: true },
    );
    const id = randomUUID();
    const event = createEvent(
      'notifications.message.posted',
      {
        threadId: key,
        messageId: id,
        subject: thread.subject,
        threadTitle: thread.title,
        author,
        preview: quote(data.text, 280),
        attachmentFileIds,
        participantOrganizationCodes,
        participantUserIds,
      },
      {
        actor: actorOf(caller),
        subject: { type: 'thread', id: key },
        org: caller.organizationCode,
      },
    );
    const message: MessageRecord = {
      _id: id,
      threadId: key,
      author,
      text: data.text,
      attachmentFileIds,
      createdAt: now,
    };
    await this.deps.messages.create({ ...message, ...eventsForInsert([event]) });
    await this.deps.outbox.flush(this.deps.messages, id);
    await this.deps.threads.updateOne(
      { _id: key },
      {
        $inc: { messageCount: 1 },
        $max: { lastMessageAt: now },
        $set: { lastMessagePreview: quote(data.text, 140) },
      },
    );
    await this.markReadAt(key, caller.id, now);
    return message;
  }

  async markRead(principal: Principal | null, threadId: string): Promise<ThreadView> {
    const caller = access.require(principal, 'Mutation.markThreadRead');
    const thread = this.readable(caller, await this.load(threadId));
    if (!thread) throw notFound('Korespondensi tidak ditemukan.');
    await this.markReadAt(thread.id, caller.id, new Date());
    await this.deps.notifications.markThreadRead(caller.id, thread.id);
    return thread;
  }

  private async markReadAt(threadId: string, userId: string, at: Date): Promise<void> {
    await this.deps.reads.updateOne(
      { _id: `${threadId}|${userId}` },
      { $set: { threadId, userId }, $max: { readAt: at } },
      { upsert: true },
    );
  }

  async addParticipants(principal: Principal | null, input: unknown): Promise<ThreadView> {
    const caller = access.require(principal, 'Mutation.addThreadParticipants');
    const data = parseInput(participantsSchema, input);
    const thread = this.readable(caller, await this.load(data.threadId));
    if (!thread) throw notFound('Korespondensi tidak ditemukan.');
    if (!this.canPost(caller, thread)) {
      throw forbidden('Hanya peserta yang dapat menambah peserta korespondensi.');
    }
    const organizationCodes = unique(data.organizationCodes ?? []);
    const userIds = unique(data.userIds ?? []);
    if (!organizationCodes.length && !userIds.length) {
      throw badInput('Sebutkan organisasi atau pengguna yang ditambahkan.');
    }
    await this.deps.threads.updateOne(
      { _id: thread.id },
      {
        $setOnInsert: { subject: thread.subject, messageCount: 0, createdAt: new Date() },
        $addToSet: {
          extraOrganizationCodes: { $each: organizationCodes },
          extraUserIds: { $each: userIds },
          participantOrganizationCodes: {
            $each: unique([...thread.participantOrganizationCodes, ...organizationCodes]),
          },
          participantUserIds: { $each: unique([...thread.participantUserIds, ...userIds]) },
        },
      },
      { upsert: true },
    );
    return (await this.load(thread.id))!;
  }

  /** Threads with messages the caller takes part in, most recent first. */
  async mine(
    principal: Principal | null,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<ThreadView>> {
    const caller = access.require(principal, 'Query.myThreads');
    const first = pageSize(args.first);
    const mineFilter = {
      lastMessageAt: { $ne: null },
      $or: [
        { participantUserIds: caller.id },
        ...(caller.organizationCode
          ? [{ participantOrganizationCodes: caller.organizationCode }]
          : []),
      ],
    };
    const totalCount = await this.deps.threads.countDocuments(mineFilter);
    const filter: Record<string, unknown> = { ...mineFilter };
    if (args.after) {
      const [time, id] = decodeCursor(args.after);
      const at = new Date(Number(time));
      filter.$and = [
        { $or: mineFilter.$or },
        { $or: [{ lastMessageAt: { $lt: at } }, { lastMessageAt: at, _id: { $lt: String(id) } }] },
      ];
      delete filter.$or;
    }
    const rows = await this.deps.threads
      .find(filter)
      .sort({ lastMessageAt: -1, _id: -1 })
      .limit(first + 1)
      .lean<ThreadRecord[]>()
      .exec();
    const page = rows.slice(0, first);
    const entries = await Promise.all(page.map((row) => this.deps.subjects.get(row._id)));
    const views = page.map((row, index) => this.view(row._id, row.subject, row, entries[index]!));
    const cursorOf = (view: ThreadView) =>
      encodeCursor([view.lastMessageAt?.getTime() ?? 0, view.id]);
    return {
      edges: views.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: views[0] ? cursorOf(views[0]) : null,
        endCursor: views.at(-1) ? cursorOf(views.at(-1)!) : null,
      },
      totalCount,
    };
  }
}
