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

export { decodeCursor, encodeCursor } from '@sipadu/service-kit';

export function pageSize(value: number | null | undefined): number {
  const size = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`Jumlah per halaman harus antara 1 dan ${MAX_PAGE_SIZE}.`);
  }
  return size;
}
