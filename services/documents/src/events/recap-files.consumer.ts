import {
  startConsumer,
  streamName,
  subjectForType,
  type ConsumerOptions,
  type EventsLogger,
  type RunningConsumer,
} from '@sipadu/events';
import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/audit-log.js';
import { SYSTEM_UPLOADER, type FileService } from '../uploads/file.service.js';
import { sanitizeFilename } from '../uploads/http-headers.js';

/** Purpose of the monthly recaps the consultations service renders. */
export const RECAP_PURPOSE = 'rekap';

export interface RecapFilesConsumerOptions {
  nc: ConsumerOptions['nc'];
  /** The documents database: holds the consumer's inbox of processed events. */
  connection: Connection;
  files: FileService;
  audit: Pick<AuditLog, 'append'>;
  /** Durable consumer name, `documents-consultations-recaps` in a deployment. */
  durable: string;
  deliverFrom: 'all' | 'new';
  logger: EventsLogger;
}

/**
 * Files the monthly recaps of the consultations service (`consultations.recap.published`) under
 * the ids the event gives, readable by its reader roles Pemda-wide. Idempotent: a file that
 * exists is left as it is.
 */
export function startRecapFilesConsumer(options: RecapFilesConsumerOptions): RunningConsumer {
  const { files, audit, logger } = options;
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('consultations'),
    durable: options.durable,
    deliverFrom: options.deliverFrom,
    filterSubjects: [subjectForType('consultations.recap.published')],
    logger,
    handler: async (envelope) => {
      if (envelope.type !== 'consultations.recap.published') return;
      const recap = envelope.data;
      let filed = 0;
      for (const file of recap.files) {
        const bytes = Buffer.from(file.base64, 'base64');
        const stored = await files.storeSystemFile({
          id: file.fileId,
          filename: sanitizeFilename(file.filename) || `rekap-${recap.month}`,
          contentType: file.contentType,
          purpose: RECAP_PURPOSE,
          bytes,
          grant: {
            source: { type: envelope.subject.type, id: recap.recapId },
            organizationCodes: [],
            userIds: [],
            roles: [...new Set(recap.readerRoles)].sort(),
          },
        });
        if (!stored) continue;
        try {
          await audit.append({
            action: 'UPLOAD',
            actor: SYSTEM_UPLOADER,
            targetType: 'file',
            targetId: file.fileId,
            organizationCode: null,
            detail: `${recap.flowLabel} ${recap.monthLabel}: ${file.filename} (${file.contentType}, ${bytes.length} byte)`,
          });
        } catch (error) {
          // A file the audit log does not know of must not exist; the redelivery files it again.
          await files.discardUnattached(file.fileId);
          throw error;
        }
        filed += 1;
      }
      if (filed > 0) logger.info({ recapId: recap.recapId, files: filed }, 'rekap diarsipkan');
    },
  });
}
