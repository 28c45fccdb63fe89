import type { QueryFilter, Model } from 'mongoose';
import { badInput } from './errors.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What an opaque page cursor holds: the sort values of the last row seen, then its id. */
export type CursorValue = string | number | boolean | null;

export function invalidCursor() {
  return badInput('Kursor halaman tidak valid.');
}

/** An opaque cursor (base64url JSON) over the sort values of a row. */
export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor made by `encodeCursor`; BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string): CursorValue[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length > 0 &&
      decoded.every(
        (value) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
      )
    ) {
      return decoded as CursorValue[];
    }
  } catch {
    // fall through to the typed error below
  }
  throw invalidCursor();
}

type KeyKind = 'string' | 'number' | 'date';
type KeyOf<K extends KeyKind> = K extends 'string' ? string : K extends 'number' ? number : Date;

/** A cursor of keyset pages sorted on one key (a string, number or date) then the id. */
export function encodeKeyCursor(key: string | number | Date, id: string): string {
  return encodeCursor([key instanceof Date ? key.toISOString() : key, id]);
}

export function decodeKeyCursor<K extends KeyKind>(cursor: string, kind: K): [KeyOf<K>, string] {
  const [key, id, ...rest] = decodeCursor(cursor);
  if (typeof id !== 'string' || rest.length > 0) throw invalidCursor();
  if (kind === 'date') {
    const at = typeof key === 'string' ? new Date(key) : null;
    if (!at || Number.isNaN(at.getTime())) throw invalidCursor();
    return [at as KeyOf<K>, id];
  }
  if (typeof key !== kind) throw invalidCursor();
  return [key as KeyOf<K>, id];
}

/**
 * Relay-style keyset pagination: the cursor holds the sort value and the id of the last row, so
 * pages stay stable while rows are added and no `skip` scans grow with the page number.
 * Sorting is ascending on `sortField` then `_id` (string ids), which both FerretDB and MongoDB
 * serve from a compound index.
 */
export async function paginate<T extends { _id: string }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  args: PageArgs,
  sortField: keyof T & string,
): Promise<Connection<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);
  }
  let pageFilter: QueryFilter<T> = filter;
  if (args.after) {
    const [value, id, ...rest] = decodeCursor(args.after);
    if (typeof id !== 'string' || rest.length > 0) throw invalidCursor();
    const after = {
      $or: [{ [sortField]: { $gt: value } }, { [sortField]: value, _id: { $gt: id } }],
    } as QueryFilter<T>;
    pageFilter = { $and: [filter, after] } as QueryFilter<T>;
  }
  const [rows, totalCount] = await Promise.all([
    model
      .find(pageFilter)
      .sort({ [sortField]: 1, _id: 1 })
      .limit(first + 1)
      .lean<T[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({
    cursor: encodeCursor([(node[sortField] as CursorValue) ?? null, String(node._id)]),
    node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
