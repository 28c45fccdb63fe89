import {
  startConsumer,
  streamName,
  subjectForType,
  type ConsumerOptions,
  type EventData,
  type EventsLogger,
  type RunningConsumer,
} from '@sipadu/events';
import type { Connection } from 'mongoose';
import { ANONYMOUS_UPLOADER } from '../models/stored-file.model.js';
import type { FileService } from '../uploads/file.service.js';

type CaseFlow = EventData<'consultations.case.transitioned'>['case']['flow'];

/**
 * Roles that act on every case of a flow, whatever its organization (routing, verification):
 * they read its files Pemda-wide, like the case's own parties.
 */
const FLOW_READER_ROLES: Record<CaseFlow, string[]> = {
  CONSULTATION: ['super-admin'],
  WORK_ITEM: ['super-admin'],
  ICT_COMPLAINT: ['pengelola-tik'],
  PUBLIC_COMPLAINT: ['super-admin'],
};

export interface CaseAttachmentsConsumerOptions {
  nc: ConsumerOptions['nc'];
  /** The documents database: holds the consumer's inbox of processed events. */
  connection: Connection;
  files: FileService;
  /** Durable consumer name, `documents-consultations-cases` in a deployment. */
  durable: string;
  deliverFrom: 'all' | 'new';
  logger: EventsLogger;
}

/**
 * Lets the parties of a consultation, work item or complaint read the files attached to it
 * (`consultations.case.transitioned`): its organization and the handler's, requester and
 * assignee, and the flow's Pemda-wide handlers. Each transition shares the files its actor
 * uploaded (a citizen's evidence of a public complaint was uploaded anonymously) and widens the
 * case's earlier files to the parties added since (routing, rerouting). See
 * FileService.shareWithSubject.
 */
export function startCaseAttachmentsConsumer(
  options: CaseAttachmentsConsumerOptions,
): RunningConsumer {
  const { files, logger } = options;
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('consultations'),
    durable: options.durable,
    deliverFrom: options.deliverFrom,
    filterSubjects: [subjectForType('consultations.case.transitioned')],
    logger,
    handler: async (envelope) => {
      if (envelope.type !== 'consultations.case.transitioned') return;
      const { case: facts, actor } = envelope.data;
      if (facts.attachmentFileIds.length === 0) return;
      const shared = await files.shareWithSubject({
        source: { type: envelope.subject.type, id: facts.id },
        fileIds: facts.attachmentFileIds,
        organizationCodes: present([facts.organizationCode, facts.handlerOrganizationCode]),
        userIds: present([facts.requesterId, facts.assigneeId]),
        roles: FLOW_READER_ROLES[facts.flow],
        uploaderIds:
          facts.flow === 'PUBLIC_COMPLAINT' ? [actor.id, ANONYMOUS_UPLOADER.id] : [actor.id],
      });
      if (shared > 0) {
        logger.info({ caseId: facts.id, files: shared }, 'berkas dibagikan ke para pihak kasus');
      }
    },
  });
}

const present = (values: (string | null)[]) => values.filter((value) => value !== null);
