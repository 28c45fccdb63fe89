// What the authorization matrix runner and the tables share: the dev users and their
// organizations, one token per user for the whole run, the expansion of an entry into its cells,
// and the reading of one answer as allowed, refused or broken.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '@sipadu/service-kit';
import {
  decodeClaims,
  getUserToken,
  graphqlRequest,
  tusUpload,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { REPO_ROOT } from '../../../scripts/lib/infra/paths.js';
import { pdfWithText } from '../../support/fixtures.js';
import type { Caller, CellContext, OperationEntry, Target } from './matrix.types.js';

interface DevUser {
  role: string;
  username?: string;
  org?: string;
}

const devUsers = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'keycloak', 'dev-overlay.json'), 'utf8')) as {
    devUsers: { users: DevUser[] };
  }
).devUsers.users;

/** A dev user's organization (keycloak/dev-overlay.json); null for `publik`. */
export function organizationOf(username: string): string | null {
  const user = devUsers.find((candidate) => (candidate.username ?? candidate.role) === username);
  if (!user) throw new Error(`pengguna dev ${username} tidak ada di dev-overlay.json`);
  return user.org ?? null;
}

/** Every organization a cell may point at: the callers' own and the `other` ones (DPUPR, RSUD). */
export const MATRIX_ORGANIZATIONS = [
  'DISKOMINFO',
  'DINKES',
  'SETDA',
  'BPKAD',
  'DPUPR',
  'RSUD',
  'PTSMI',
  'INSPEKTORAT',
] as const;

/** A short tag of this run, for names that must be unique in shared places (Keycloak). */
export const RUN = `mtx${Date.now().toString(36)}`;

/** Anonymous, then every role through its dev user (username = role name). */
export const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

/** The organization a cell targets when it is not the caller's own. */
export const otherOrganization = (own: string | null): string =>
  own === 'DPUPR' ? 'RSUD' : 'DPUPR';

const tokens = new Map<string, { token: string; expiresAt: number }>();

/** A dev user's access token, fetched once and renewed only shortly before it expires. */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached && cached.expiresAt - Date.now() > 30_000) return cached.token;
  const token = await getUserToken(username);
  const exp = Number(decodeClaims(token).exp);
  tokens.set(username, { token, expiresAt: exp * 1000 });
  return token;
}

let gateway: { url: string; origin: string } | null = null;

/** Set by the runner once its stack is up; the tables' helpers call the gateway through it. */
export function useGateway(url: string, origin: string): void {
  gateway = { url, origin };
}

function requireGateway() {
  if (!gateway) throw new Error('useGateway belum dipanggil');
  return gateway;
}

/** One GraphQL call through the gateway, as a dev user or anonymously (null). */
export async function callAs<T = Record<string, unknown>>(
  username: string | null,
  document: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(requireGateway().url, document, {
    variables,
    ...(username ? { token: await tokenFor(username) } : {}),
  });
}

/** A fixture step: the data of a call, or an error naming the user and the answer's errors. */
export async function dataAs<T>(
  username: string,
  document: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await callAs<T>(username, document, variables);
  if (response.errors?.length || !response.data) {
    throw new Error(`${username}: ${JSON.stringify(response.errors ?? response.status)}`);
  }
  return response.data;
}

let uploads = 0;
let pdf: Promise<Uint8Array> | null = null;

/** A fresh upload (tus) of a one-page PDF by a dev user: a file nobody has filed yet. */
export async function uploadAs(username: string): Promise<string> {
  uploads += 1;
  const result = await tusUpload({
    origin: requireGateway().origin,
    token: await tokenFor(username),
    bytes: await (pdf ??= pdfWithText('Dokumen uji matriks otorisasi')),
    filename: `matriks-${uploads}.pdf`,
    purpose: 'document',
  });
  if (!result.fileId) throw new Error(`unggah ${username} gagal: ${result.message}`);
  return result.fileId;
}

const spareFiles = new Map<string, Promise<string>>();

/**
 * A file the cell's caller uploaded: fresh where the cell is expected to file it; where it is
 * expected to be refused, one spare file per caller (a refusal leaves it unfiled). Anonymous
 * callers get an id that exists nowhere.
 */
export async function callerFile(cell: CellContext): Promise<string> {
  const username = usernameOf(cell.caller);
  if (!username) return randomUUID();
  if (cell.expected === 'allowed') return uploadAs(username);
  let spare = spareFiles.get(username);
  if (!spare) {
    spare = uploadAs(username);
    spareFiles.set(username, spare);
  }
  return spare;
}

/** The dev username of a caller (null for anonymous). */
export const usernameOf = (caller: Caller): string | null =>
  caller === 'anonymous' ? null : caller;

export interface Cell extends CellContext {
  expected: 'allowed' | 'refused';
}

function passesRole(entry: OperationEntry, caller: Caller): boolean {
  if (entry.allow === 'public') return true;
  if (caller === 'anonymous') return false;
  return entry.allow === 'signed-in' || entry.allow.includes(caller);
}

function crosses(across: readonly Role[] | 'all' | undefined, caller: Caller): boolean {
  if (caller === 'anonymous' || across === undefined) return false;
  return across === 'all' || across.includes(caller);
}

/**
 * Every cell of an entry: anonymous and every role, × own/other organization when the entry has
 * one (callers without an organization only `other`), refused-expected cells first so that what
 * allowed mutations change cannot hide a refusal.
 */
export function expandCells(entry: OperationEntry): Cell[] {
  const cells: Cell[] = [];
  for (const caller of CALLERS) {
    const callerOrganization = caller === 'anonymous' ? null : organizationOf(caller);
    const targets: Target[] = !entry.organization
      ? ['none']
      : callerOrganization
        ? ['own', 'other']
        : ['other'];
    for (const target of targets) {
      const organization =
        target === 'own' ? (callerOrganization as string) : otherOrganization(callerOrganization);
      const byRole = caller === 'anonymous' ? entry.allow === 'public' : passesRole(entry, caller);
      const allowed =
        byRole &&
        (target !== 'other' ||
          caller === 'anonymous' ||
          crosses(entry.organization?.across, caller));
      cells.push({
        caller,
        callerOrganization,
        target,
        organization,
        expected: allowed ? 'allowed' : 'refused',
      });
    }
  }
  return [
    ...cells.filter((cell) => cell.expected === 'refused'),
    ...cells.filter((cell) => cell.expected === 'allowed'),
  ];
}

export type Outcome =
  /** `data` is null when the call passed authorization but failed otherwise (bad input, conflict). */
  | { kind: 'allowed'; data: Record<string, unknown> | null }
  | { kind: 'refused'; code: string }
  | { kind: 'not-found' }
  | { kind: 'broken'; reason: string };

const REFUSED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** What one answer says: refused, not found (or hidden), allowed, or broken (internal error). */
export function classify(
  entry: OperationEntry,
  response: GraphQLResponse<Record<string, unknown>>,
): Outcome {
  const errors = response.errors ?? [];
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.some((code) => !code || code === 'INTERNAL_SERVER_ERROR')) {
    return { kind: 'broken', reason: JSON.stringify(errors).slice(0, 400) };
  }
  const refused = codes.find((code) => REFUSED.has(code as string));
  if (refused) return { kind: 'refused', code: refused };
  if (codes.includes('NOT_FOUND')) return { kind: 'not-found' };
  if (errors.length > 0) return { kind: 'allowed', data: null };
  const data = response.data ?? {};
  if (entry.hidden?.(data)) return { kind: 'not-found' };
  return { kind: 'allowed', data };
}

/** Records of a list answer that belong to none of the caller's organization (the leaks). */
function foreignRecords(entry: OperationEntry, cell: Cell, data: Record<string, unknown> | null) {
  if (!entry.visible || !data) return [];
  const across = entry.visibleAcross ?? entry.organization?.across;
  if (crosses(across, cell.caller)) return [];
  return entry.visible(data).filter((record) => {
    if (record === null) return false;
    const codes = typeof record === 'string' ? [record] : record;
    return cell.callerOrganization === null || !codes.includes(cell.callerOrganization);
  });
}

/** Null when the cell behaved as expected, else why not. */
export function judge(entry: OperationEntry, cell: Cell, outcome: Outcome): string | null {
  if (outcome.kind === 'broken') return `galat internal: ${outcome.reason}`;
  if (cell.expected === 'refused') {
    if (outcome.kind === 'refused') return null;
    if (outcome.kind === 'not-found' && cell.target === 'other') return null;
    return `seharusnya ditolak, hasil ${outcome.kind === 'allowed' ? 'diizinkan' : 'NOT_FOUND'}`;
  }
  if (outcome.kind === 'refused') return `seharusnya diizinkan, ditolak ${outcome.code}`;
  if (outcome.kind === 'not-found') {
    return entry.ownMayBeNotFound?.includes(cell.caller)
      ? null
      : 'seharusnya diizinkan, hasil NOT_FOUND/tersembunyi';
  }
  const foreign = foreignRecords(entry, cell, outcome.data);
  return foreign.length
    ? `membaca data organisasi lain: ${JSON.stringify(foreign.slice(0, 5))}`
    : null;
}

const CREATE_DOCUMENT = `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`;

/**
 * An internal (TERBATAS) document of `organization` about `subject`, filed by super-admin (who
 * may file for any organization): returns its id and the id of its file.
 */
export async function documentIn(
  organization: string,
  subject: { type: string; id: string },
): Promise<{ id: string; fileId: string }> {
  const fileId = await uploadAs('super-admin');
  const data = await dataAs<{ createDocument: { id: string } }>('super-admin', CREATE_DOCUMENT, {
    input: {
      title: `Dokumen uji matriks ${organization}`,
      subject,
      fileId,
      organizationCode: organization,
      confidentiality: 'TERBATAS',
    },
  });
  return { id: data.createDocument.id, fileId };
}
