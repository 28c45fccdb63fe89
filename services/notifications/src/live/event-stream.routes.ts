import { bearerToken, type Logger, type Principal, type TokenVerifier } from '@sipadu/service-kit';
import type { Express, Request, Response } from 'express';
import type { NotificationRecord } from '../models/notification.model.js';
import type { DirectoryService } from '../services/directory.service.js';
import type { NotificationService } from '../services/notification.service.js';
import type { LiveHub, LiveSignal } from './live-hub.js';

export interface EventStreamOptions {
  verifyToken: TokenVerifier;
  notifications: NotificationService;
  directory: DirectoryService;
  live: LiveHub;
  heartbeatMs: number;
  maxConnectionMs: number;
  logger: Logger;
}

const BATCH = 200;
const GATHER_MS = 25;

/** The JSON a stream carries per notification (the GraphQL `Notification` fields). */
export function notificationWire(row: NotificationRecord) {
  return {
    id: row._id,
    category: row.category,
    title: row.title,
    body: row.body,
    link: row.link,
    subject: row.subject,
    threadId: row.threadId,
    sequence: row.sequence,
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

async function authenticate(req: Request, verify: TokenVerifier): Promise<Principal | null> {
  try {
    const token = bearerToken(req.header('authorization'));
    return token ? await verify(token) : null;
  } catch {
    return null;
  }
}

/** `Last-Event-ID` (what EventSource sends on reconnect) or `?lastEventId=`; undefined when absent. */
function resumePoint(req: Request): number | undefined | 'invalid' {
  const raw = req.header('last-event-id') ?? req.query.lastEventId;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return 'invalid';
  return Number(raw);
}

/**
 * `GET /events`: the signed-in person's notifications as server-sent events. Each carries its
 * per-user sequence as the event id, so a client reconnecting with Last-Event-ID receives every
 * notification made while it was away, in order, before the live ones. The stream itself holds no
 * state: a signal (from any replica) only makes it read the database after its cursor again.
 */
export function mountEventStream(app: Express, options: EventStreamOptions): void {
  app.get('/events', async (req, res) => {
    const principal = await authenticate(req, options.verifyToken);
    if (!principal) {
      refuse(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
      return;
    }
    if (principal.kind !== 'user') {
      refuse(res, 403, 'FORBIDDEN', 'Aliran notifikasi hanya untuk pengguna.');
      return;
    }
    const resume = resumePoint(req);
    if (resume === 'invalid') {
      refuse(res, 400, 'BAD_USER_INPUT', 'Last-Event-ID harus bilangan bulat.');
      return;
    }
    const userId = principal.id;
    await options.directory.rememberPrincipal(principal);

    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    let closed = false;
    // Without Last-Event-ID the stream starts at "now": only new notifications follow.
    let cursor = resume ?? (await options.notifications.latestSequence(userId));
    let lastCount = -1;
    let recount = true;
    let pumping: Promise<void> | null = null;
    let pending = false;
    let gathering: NodeJS.Timeout | undefined;

    const pumpOnce = async () => {
      let arrivedUnread = 0;
      for (;;) {
        const batch = await options.notifications.after(userId, cursor, BATCH);
        for (const row of batch.rows) {
          if (closed) return;
          res.write(
            `id: ${row.sequence}\nevent: notification\ndata: ${JSON.stringify(notificationWire(row))}\n\n`,
          );
          if (!row.readAt) arrivedUnread += 1;
        }
        const before = cursor;
        cursor = batch.cursor;
        // A full window read: more may follow at once.
        if (cursor - before < BATCH) break;
      }
      // Counting scans on FerretDB: recount only at the start and after something was marked
      // read; new notifications just add to the count.
      let count = lastCount + arrivedUnread;
      if (recount || lastCount < 0) {
        recount = false;
        count = await options.notifications.countUnread(userId);
      }
      if (!closed && count !== lastCount) {
        res.write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`);
      }
      lastCount = count;
    };
    // One read at a time per stream; signals arriving meanwhile fold into one more read.
    const pump = (): void => {
      gathering = undefined;
      if (closed) return;
      if (pumping) {
        pending = true;
        return;
      }
      pumping = pumpOnce()
        .catch((error: unknown) => {
          options.logger.warn({ err: error, userId }, 'aliran notifikasi gagal membaca');
        })
        .finally(() => {
          pumping = null;
          if (pending) {
            pending = false;
            pump();
          }
        });
    };
    // A burst of signals (many notifications at once) is gathered into one read.
    const onSignal = (signal: LiveSignal): void => {
      if (signal === 'read') recount = true;
      gathering ??= setTimeout(pump, GATHER_MS);
    };

    // Listen before the first read: anything made after the cursor is read by it or wakes it.
    const unlisten = options.live.listen(userId, onSignal);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs);
    // Never stream past the token's life: the client comes back with a fresh one.
    const lifetime = Math.max(
      1_000,
      Math.min(options.maxConnectionMs, principal.expiresAt * 1000 - Date.now()),
    );
    const expiry = setTimeout(() => res.end(), lifetime);
    const close = () => {
      if (closed) return;
      closed = true;
      unlisten();
      clearInterval(heartbeat);
      clearTimeout(gathering);
      clearTimeout(expiry);
    };
    req.on('close', close);
    res.on('close', close);
    pump();
  });
}
