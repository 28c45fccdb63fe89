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

type SortValue = string | number | boolean | null;

function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[1] === 'string' &&
      ['string', 'number', 'boolean'].includes(typeof decoded[0])
    ) {
      return [decoded[0] as SortValue, decoded[1]];
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput('Kursor halaman tidak valid.');
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
    const [value, id] = decodeCursor(args.after);
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
    cursor: encodeCursor((node[sortField] as SortValue) ?? null, String(node._id)),
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
