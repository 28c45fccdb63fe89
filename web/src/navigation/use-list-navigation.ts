'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';

/** The search parameter holding the cursor of the page shown. */
const CURSOR = 'setelah';

/**
 * Filters and cursor paging of a list page kept in the URL: changing a filter returns to the
 * first page; `nextHref` is null on the last page.
 */
export function useListNavigation(nextCursor: string | null) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const href = (edit: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(searchParams.toString());
    edit(params);
    return `${pathname}?${params.toString()}`;
  };

  function navigate(changes: Record<string, string | null>) {
    const target = href((params) => {
      params.delete(CURSOR);
      for (const [key, value] of Object.entries(changes)) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
    });
    startTransition(() => router.replace(target));
  }

  return {
    pending,
    startTransition,
    navigate,
    nextHref: nextCursor ? href((params) => params.set(CURSOR, nextCursor)) : null,
    firstHref: href((params) => params.delete(CURSOR)),
  };
}
