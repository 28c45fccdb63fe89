import { STATUS_COLORS } from '@/components/status-colors';
import type { CaseFlow, CaseQueue } from '@/gql/graphql';

/** Every status of each flow, in workflow order (services/consultations/src/workflows). */
export const CASE_STATUSES = {
  CONSULTATION: [
    'SUBMITTED',
    'DRAFTING',
    'WAITING_FOR_REQUESTER',
    'IN_REVIEW',
    'APPROVED',
    'DELIVERED',
    'ACKNOWLEDGED',
  ],
  WORK_ITEM: ['ASSIGNED', 'IN_PROGRESS', 'IN_VERIFICATION', 'COMPLETED', 'CANCELLED'],
  ICT_COMPLAINT: ['FILED', 'HANDLING', 'AWAITING_CONFIRMATION', 'SOLVED', 'REPORTED'],
  PUBLIC_COMPLAINT: ['SUBMITTED', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED', 'REJECTED'],
} as const satisfies Record<CaseFlow, readonly string[]>;

export type CaseStatusOf<F extends CaseFlow> = (typeof CASE_STATUSES)[F][number];

export const CASE_FLOWS: readonly CaseFlow[] = [
  'CONSULTATION',
  'WORK_ITEM',
  'ICT_COMPLAINT',
  'PUBLIC_COMPLAINT',
];

export function isCaseFlow(value: string | null | undefined): value is CaseFlow {
  return CASE_FLOWS.some((flow) => flow === value);
}

/** A status of the flow from the URL, or null when it is not one. */
export function caseStatusOf<F extends CaseFlow>(
  flow: F,
  value: string | null | undefined,
): CaseStatusOf<F> | null {
  const statuses: readonly string[] = CASE_STATUSES[flow];
  return value && statuses.includes(value) ? (value as CaseStatusOf<F>) : null;
}

/** Where each flow's cases live in the portal (the `linkOf` of the service's flows). */
export const CASE_BASE_PATHS: Record<CaseFlow, string> = {
  CONSULTATION: '/konsultasi',
  WORK_ITEM: '/pekerjaan',
  ICT_COMPLAINT: '/pengaduan-tik',
  PUBLIC_COMPLAINT: '/pengaduan',
};

export function caseHref(flow: CaseFlow, id: string): string {
  return `${CASE_BASE_PATHS[flow]}/${encodeURIComponent(id)}`;
}

/** The list's search parameters (Indonesian, like the rest of the portal's URLs). */
export const CASE_LIST_PARAMS = {
  queue: 'antrean',
  status: 'status',
  search: 'cari',
  organization: 'organisasi',
  view: 'tampilan',
} as const;

/** A case by its number: the flow's list searched for it (recaps name cases by number). */
export function caseNumberHref(flow: CaseFlow, number: string): string {
  const params = new URLSearchParams({
    [CASE_LIST_PARAMS.queue]: QUEUE_PARAMS.ALL,
    [CASE_LIST_PARAMS.search]: number,
  });
  return `${CASE_BASE_PATHS[flow]}?${params.toString()}`;
}

/** The queue tabs as they appear in the URL (`?antrean=`). */
export const QUEUE_PARAMS: Record<CaseQueue, string> = {
  MINE: 'saya',
  REQUESTED: 'pengajuan',
  ASSIGNED: 'ditugaskan',
  ALL: 'semua',
  OPEN: 'berjalan',
  OVERDUE: 'terlambat',
};

/** The queue named in the URL among those a page offers; the first one otherwise. */
export function queueOf(
  param: string | null | undefined,
  offered: readonly CaseQueue[],
): CaseQueue {
  const found = offered.find((queue) => QUEUE_PARAMS[queue] === param);
  return found ?? offered[0] ?? 'ALL';
}

/** Search text from the URL: trimmed, bounded, null when empty. */
export function searchOf(param: string | null | undefined): string | null {
  const text = param?.trim().slice(0, 100);
  return text ? text : null;
}

// Filled status badges with white text, each at least 4.5:1 on white: grey waits for a
// disposition, blue is being worked on, violet is under review, dark orange waits on the
// requester (the clock stops), teal is ready for the last step, green is done, red stopped.
const WAITING = '#495057';
const WORKING = '#1864ab';
const REVIEW = '#6741d9';
const REQUESTER = '#a33a00';
const READY = '#0b7285';
const DONE = STATUS_COLORS.on;
const STOPPED = '#c92a2a';

export const CASE_STATUS_COLORS: { [F in CaseFlow]: Record<CaseStatusOf<F>, string> } = {
  CONSULTATION: {
    SUBMITTED: WAITING,
    DRAFTING: WORKING,
    WAITING_FOR_REQUESTER: REQUESTER,
    IN_REVIEW: REVIEW,
    APPROVED: READY,
    DELIVERED: REQUESTER,
    ACKNOWLEDGED: DONE,
  },
  WORK_ITEM: {
    ASSIGNED: WAITING,
    IN_PROGRESS: WORKING,
    IN_VERIFICATION: REVIEW,
    COMPLETED: DONE,
    CANCELLED: STOPPED,
  },
  ICT_COMPLAINT: {
    FILED: WAITING,
    HANDLING: WORKING,
    AWAITING_CONFIRMATION: REQUESTER,
    SOLVED: READY,
    REPORTED: DONE,
  },
  PUBLIC_COMPLAINT: {
    SUBMITTED: WAITING,
    IN_FOLLOW_UP: WORKING,
    ANSWERED: REQUESTER,
    CLOSED: DONE,
    REJECTED: STOPPED,
  },
};

export function caseStatusColor(flow: CaseFlow, status: string): string {
  const colors: Record<string, string> = CASE_STATUS_COLORS[flow];
  return colors[status] ?? WAITING;
}

/** The month a date falls in, `YYYY-MM`, in the Pemda's time zone. */
export function monthOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** A `YYYY-MM` month from the URL, or null. */
export function monthParam(value: string | null | undefined): string | null {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/** The `count` months up to and including `month`, newest first. */
export function monthsBefore(month: string, count: number): string[] {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, number - 1 - index, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** "mendisposisikan konsultasi" → "Mendisposisikan konsultasi" (labels read after "Tidak dapat"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface StaffChoice {
  id: string;
  name: string;
  username?: string | null;
  organizationCode?: string | null;
}

/**
 * Select options for officers: `Nama (ORGANISASI)`, with the username added where two people of
 * the list share a name, so the choice is never ambiguous.
 */
export function staffOptions(people: readonly StaffChoice[]): { value: string; label: string }[] {
  const counts = new Map<string, number>();
  for (const person of people) counts.set(person.name, (counts.get(person.name) ?? 0) + 1);
  return people.map((person) => {
    const shared = (counts.get(person.name) ?? 0) > 1 && person.username;
    const name = shared ? `${person.name} · ${person.username}` : person.name;
    return {
      value: person.id,
      label: person.organizationCode ? `${name} (${person.organizationCode})` : name,
    };
  });
}
