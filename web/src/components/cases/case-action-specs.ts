import type { Client, CombinedError } from '@urql/core';
import type { CaseFlow } from '@/gql/graphql';
import {
  CaseAcceptWorkItemMutation,
  CaseAcknowledgeConsultationMutation,
  CaseAnswerPublicComplaintMutation,
  CaseCancelWorkItemMutation,
  CaseConfirmIctResolutionMutation,
  CaseDeliverConsultationAnswerMutation,
  CaseDocumentIctResultMutation,
  CaseDraftConsultationAnswerMutation,
  CaseProvideConsultationInformationMutation,
  CaseRequestConsultationInformationMutation,
  CaseResolveIctComplaintMutation,
  CaseReroutePublicComplaintMutation,
  CaseReviewConsultationAnswerMutation,
  CaseRouteConsultationMutation,
  CaseRouteIctComplaintMutation,
  CaseSubmitWorkResultMutation,
  CaseVerifyPublicComplaintMutation,
  CaseVerifyWorkItemMutation,
} from './case-operations';

/** What the action dialog collected. */
export interface ActionValues {
  note: string;
  /** The text the step records (answer, result, handling, follow-up). */
  text: string;
  /** The officer or organization chosen. */
  choice: string | null;
  attachmentFileIds: string[];
}

/** The text a step records, as the mutation's argument is named. */
export type ActionTextField = 'answer' | 'result' | 'handling' | 'followUp';

export interface ActionTarget {
  id: string;
  /** The revision the page showed (CONFLICT when the case moved since). */
  revision: number;
}

export interface ActionOutcome {
  /** The new status label, or null when the mutation failed. */
  statusLabel: string | null;
  error: CombinedError | undefined;
}

/**
 * How the portal performs one transition the service offers: which mutation, and what it asks
 * for besides the note. Whether the user may take it is the service's answer (`Case.actions`);
 * an offered transition without a spec here (a citizen's reply) gets no button.
 */
export interface ActionSpec {
  text?: ActionTextField;
  /** An officer of the flow (`assignableStaff`) or a target organization. */
  choice?: 'officer' | 'organization';
  attachments?: boolean;
  /** The mutation takes no note (the recorded text says it all). */
  noNote?: boolean;
  /** Sends the case back or stops it: an outlined red button. */
  danger?: boolean;
  run(client: Client, target: ActionTarget, values: ActionValues): Promise<ActionOutcome>;
}

const noteOf = (values: ActionValues) => values.note.trim() || null;
const filesOf = (values: ActionValues) =>
  values.attachmentFileIds.length ? values.attachmentFileIds : null;

/** Runs a mutation and reads the status label of the case it returns. */
async function perform<Data>(
  pending: Promise<{ data?: Data; error?: CombinedError }>,
  pick: (data: Data) => { statusLabel: string } | null | undefined,
): Promise<ActionOutcome> {
  const result = await pending;
  const moved = result.data ? pick(result.data) : null;
  return { statusLabel: moved?.statusLabel ?? null, error: result.error };
}

export const ACTION_SPECS: Record<CaseFlow, Record<string, ActionSpec>> = {
  CONSULTATION: {
    route: {
      choice: 'officer',
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseRouteConsultationMutation, {
              id,
              revision,
              officerId: values.choice ?? '',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.routeConsultation,
        ),
    },
    requestInformation: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseRequestConsultationInformationMutation, {
              id,
              revision,
              note: values.note.trim(),
            })
            .toPromise(),
          (data) => data.requestConsultationInformation,
        ),
    },
    provideInformation: {
      attachments: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseProvideConsultationInformationMutation, {
              id,
              revision,
              note: values.note.trim(),
              attachmentFileIds: filesOf(values),
            })
            .toPromise(),
          (data) => data.provideConsultationInformation,
        ),
    },
    submitDraft: {
      text: 'answer',
      attachments: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseDraftConsultationAnswerMutation, {
              id,
              revision,
              answer: values.text.trim(),
              note: noteOf(values),
              attachmentFileIds: filesOf(values),
            })
            .toPromise(),
          (data) => data.draftConsultationAnswer,
        ),
    },
    approve: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseReviewConsultationAnswerMutation, {
              id,
              revision,
              decision: 'APPROVE',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.reviewConsultationAnswer,
        ),
    },
    return: {
      danger: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseReviewConsultationAnswerMutation, {
              id,
              revision,
              decision: 'RETURN',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.reviewConsultationAnswer,
        ),
    },
    deliver: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseDeliverConsultationAnswerMutation, { id, revision, note: noteOf(values) })
            .toPromise(),
          (data) => data.deliverConsultationAnswer,
        ),
    },
    acknowledge: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseAcknowledgeConsultationMutation, { id, revision, note: noteOf(values) })
            .toPromise(),
          (data) => data.acknowledgeConsultation,
        ),
    },
  },
  WORK_ITEM: {
    accept: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseAcceptWorkItemMutation, { id, revision, note: noteOf(values) })
            .toPromise(),
          (data) => data.acceptWorkItem,
        ),
    },
    submitResult: {
      text: 'result',
      attachments: true,
      noNote: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseSubmitWorkResultMutation, {
              id,
              revision,
              result: values.text.trim(),
              attachmentFileIds: filesOf(values),
            })
            .toPromise(),
          (data) => data.submitWorkResult,
        ),
    },
    approve: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseVerifyWorkItemMutation, {
              id,
              revision,
              decision: 'APPROVE',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.verifyWorkItem,
        ),
    },
    return: {
      danger: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseVerifyWorkItemMutation, {
              id,
              revision,
              decision: 'RETURN',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.verifyWorkItem,
        ),
    },
    cancel: {
      danger: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseCancelWorkItemMutation, { id, revision, note: values.note.trim() })
            .toPromise(),
          (data) => data.cancelWorkItem,
        ),
    },
  },
  ICT_COMPLAINT: {
    route: {
      choice: 'officer',
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseRouteIctComplaintMutation, {
              id,
              revision,
              officerId: values.choice ?? '',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.routeIctComplaint,
        ),
    },
    resolve: {
      text: 'handling',
      noNote: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseResolveIctComplaintMutation, {
              id,
              revision,
              handling: values.text.trim(),
            })
            .toPromise(),
          (data) => data.resolveIctComplaint,
        ),
    },
    confirmSolved: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseConfirmIctResolutionMutation, {
              id,
              revision,
              solved: true,
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.confirmIctResolution,
        ),
    },
    reopen: {
      danger: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseConfirmIctResolutionMutation, {
              id,
              revision,
              solved: false,
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.confirmIctResolution,
        ),
    },
    document: {
      text: 'followUp',
      attachments: true,
      noNote: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseDocumentIctResultMutation, {
              id,
              revision,
              followUp: values.text.trim(),
              attachmentFileIds: filesOf(values),
            })
            .toPromise(),
          (data) => data.documentIctResult,
        ),
    },
  },
  PUBLIC_COMPLAINT: {
    accept: {
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseVerifyPublicComplaintMutation, {
              id,
              revision,
              decision: 'ACCEPT',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.verifyPublicComplaint,
        ),
    },
    reject: {
      danger: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseVerifyPublicComplaintMutation, {
              id,
              revision,
              decision: 'REJECT',
              note: noteOf(values),
            })
            .toPromise(),
          (data) => data.verifyPublicComplaint,
        ),
    },
    reroute: {
      choice: 'organization',
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseReroutePublicComplaintMutation, {
              id,
              revision,
              organizationCode: values.choice ?? '',
              note: values.note.trim(),
            })
            .toPromise(),
          (data) => data.reroutePublicComplaint,
        ),
    },
    answer: {
      text: 'answer',
      attachments: true,
      noNote: true,
      run: (client, { id, revision }, values) =>
        perform(
          client
            .mutation(CaseAnswerPublicComplaintMutation, {
              id,
              revision,
              answer: values.text.trim(),
              attachmentFileIds: filesOf(values),
            })
            .toPromise(),
          (data) => data.answerPublicComplaint,
        ),
    },
  },
};

/** The portal's way of performing an offered transition, or null (not a staff step). */
export function actionSpec(flow: CaseFlow, name: string): ActionSpec | null {
  return Object.hasOwn(ACTION_SPECS[flow], name) ? (ACTION_SPECS[flow][name] ?? null) : null;
}

export interface ActionFieldErrors {
  note?: string;
  text?: string;
  choice?: string;
}

/** What the dialog refuses before sending; the service checks the same again. */
export function checkActionValues(
  spec: ActionSpec,
  requiresNote: boolean,
  values: ActionValues,
  messages: { note: string; text: string; choice: string },
): ActionFieldErrors {
  const errors: ActionFieldErrors = {};
  if (requiresNote && !values.note.trim()) errors.note = messages.note;
  if (spec.text && !values.text.trim()) errors.text = messages.text;
  if (spec.choice && !values.choice) errors.choice = messages.choice;
  return errors;
}

/** The dialog's field for a field the service names in BAD_USER_INPUT. */
export function actionFieldPath(field: string): keyof ActionFieldErrors | 'attachments' | null {
  const name = field.replace(/^input\./, '').split('.')[0] ?? '';
  if (name === 'note') return 'note';
  if (['answer', 'result', 'handling', 'followUp'].includes(name)) return 'text';
  if (['officerId', 'assigneeId', 'organizationCode'].includes(name)) return 'choice';
  if (name === 'attachmentFileIds') return 'attachments';
  return null;
}

/** Service messages naming a field in words only. */
export const ACTION_MESSAGE_FIELDS = [
  { pattern: /catatan|alasan/i, field: 'note' },
  { pattern: /jawaban|hasil|penanganan|tindak lanjut/i, field: 'text' },
  { pattern: /petugas|organisasi tujuan/i, field: 'choice' },
  { pattern: /lampiran|berkas/i, field: 'attachments' },
] as const;
