import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';

/** Older or later items a paged list can fetch, a page at a time; null when the last page is loaded. */
export type MoreItems = { readonly loading: boolean; readonly load: () => void } | null;

/** The items of a paged list loaded so far, in the server's order, and how to load the next page. */
export function usePaged<T>(query: UseInfiniteQueryResult<InfiniteData<{ readonly items: readonly T[] }>>): {
  items: T[] | undefined;
  more: MoreItems;
} {
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const items = useMemo(() => data?.pages.flatMap((p) => p.items), [data]);
  return { items, more: hasNextPage ? { loading: isFetchingNextPage, load: () => void fetchNextPage() } : null };
}
