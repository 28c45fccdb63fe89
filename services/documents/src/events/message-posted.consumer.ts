import {
  startConsumer,
  streamName,
  subjectForType,
  type ConsumerOptions,
  type EventsLogger,
  type RunningConsumer,
} from '@sipadu/events';
import type { Connection } from 'mongoose';
import type { FileService } from '../uploads/file.service.js';

export interface MessagePostedConsumerOptions {
  nc: ConsumerOptions['nc'];
  /** The documents database: holds the consumer's inbox of processed events. */
  connection: Connection;
  files: FileService;
  /** Durable consumer name, `documents-notifications` in a deployment. */
  durable: string;
  deliverFrom: 'all' | 'new';
  logger: EventsLogger;
}

/**
 * Shares the files attached to a correspondence message with the thread's participants
 * (`notifications.message.posted`), so the other parties can open them. Only the author's own
 * uploads are shared: see FileService.shareWithSubject.
 */
export function startMessagePostedConsumer(options: MessagePostedConsumerOptions): RunningConsumer {
  const { files, logger } = options;
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('notifications'),
    durable: options.durable,
    deliverFrom: options.deliverFrom,
    filterSubjects: [subjectForType('notifications.message.posted')],
    logger,
    handler: async (envelope) => {
      if (envelope.type !== 'notifications.message.posted') return;
      const message = envelope.data;
      const shared = await files.shareWithSubject({
        source: { type: 'Thread', id: message.threadId },
        fileIds: message.attachmentFileIds,
        organizationCodes: message.participantOrganizationCodes,
        userIds: message.participantUserIds,
        uploaderIds: [message.author.id],
      });
      if (shared > 0) {
        logger.info(
          { threadId: message.threadId, files: shared },
          'berkas dibagikan ke korespondensi',
        );
      }
    },
  });
}
