// Pure logic of the public complaint pages (no React, no browser globals): the mutation's
// variables, the reading of the BFF's answers and the tracking code's clean-up. Kept apart so the
// client components stay small and this is unit tested.
import { readPublicAnswer, type PublicOutcome } from '@/components/public-forms/public-answer';
import type {
  ComplaintVisibility,
  FilePublicComplaintMutation,
  FilePublicComplaintMutationVariables,
  TrackedComplaintViewFragment,
} from '@/gql/graphql';

/** The upload purpose of complaint evidence: the file service takes it without an account. */
export const COMPLAINT_EVIDENCE_PURPOSE = 'bukti-pengaduan';

export type FiledReceipt = FilePublicComplaintMutation['filePublicComplaint'];
export type TrackedView = TrackedComplaintViewFragment;

/** Posts one public operation (printed on the server) to the GraphQL BFF. */
export async function postPublicOperation<Value>(
  operationName: string,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<PublicOutcome<Value>> {
  try {
    const response = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operationName, query, variables }),
    });
    return readPublicAnswer<Value>(response.status, await response.text(), field);
  } catch {
    return { kind: 'network' };
  }
}

export interface ComplaintLocationDraft {
  latitude: number;
  longitude: number;
}

export interface ComplaintDraft {
  submissionId: string;
  categoryCode: string;
  serviceId: string | null;
  organizationCode: string | null;
  title: string;
  description: string;
  anonymous: boolean;
  contact: { name: string; email: string; phone: string };
  /** From "gunakan lokasi saya"; null when not shared. */
  position: ComplaintLocationDraft | null;
  /** Address or landmark typed by the citizen. */
  address: string;
  visibility: ComplaintVisibility;
  evidenceFileIds: readonly string[];
  /** The honeypot's content (empty for people). */
  website: string;
  /** "Lokasi" in the page's language: labels an address sent without coordinates. */
  addressLabel: string;
}

/**
 * The mutation's variables. An anonymous complaint carries no contact at all; empty fields are
 * left out. A location needs coordinates: an address typed without them is kept as the last line
 * of the description, so the handler still reads where it happened.
 */
export function complaintVariables(draft: ComplaintDraft): FilePublicComplaintMutationVariables {
  const address = draft.address.trim();
  const contactEntries = draft.anonymous
    ? []
    : (['name', 'email', 'phone'] as const).flatMap((key) => {
        const value = draft.contact[key].trim();
        return value ? [[key, value] as const] : [];
      });
  let description = draft.description.trim();
  if (address && !draft.position) description += `\n\n${draft.addressLabel}: ${address}`;
  return {
    input: {
      submissionId: draft.submissionId,
      categoryCode: draft.categoryCode,
      title: draft.title.trim(),
      description,
      anonymous: draft.anonymous,
      visibility: draft.visibility,
      ...(draft.serviceId ? { serviceId: draft.serviceId } : {}),
      ...(!draft.serviceId && draft.organizationCode
        ? { organizationCode: draft.organizationCode }
        : {}),
      ...(contactEntries.length ? { contact: Object.fromEntries(contactEntries) } : {}),
      ...(draft.position
        ? {
            location: {
              latitude: draft.position.latitude,
              longitude: draft.position.longitude,
              ...(address ? { address } : {}),
            },
          }
        : {}),
      ...(draft.evidenceFileIds.length ? { evidenceFileIds: [...draft.evidenceFileIds] } : {}),
      ...(draft.website ? { website: draft.website } : {}),
    },
  };
}

/** A position from the browser, rounded to about 10 cm (what a phone's GPS can tell). */
export function roundedPosition(coords: {
  latitude: number;
  longitude: number;
}): ComplaintLocationDraft {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return { latitude: round(coords.latitude), longitude: round(coords.longitude) };
}
