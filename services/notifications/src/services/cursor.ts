import { badInput, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '@sipadu/service-kit';

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorValue[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length > 0 &&
      decoded.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return decoded as CursorValue[];
    }
  } catch {
    // fall through to the typed error
  }
  throw badInput('Kursor halaman tidak valid.');
}

export function pageSize(value: number | null | undefined): number {
  const size = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`Jumlah per halaman harus antara 1 dan ${MAX_PAGE_SIZE}.`);
  }
  return size;
}
