/** One page of a list the API pages with `cursor`. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly cursor: string | null;
}

/**
 * Reads a paged list to its end, or `maxPages` pages: `complete` says whether it reached the end.
 * An empty page with a cursor is not the end (the API filters after reading).
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
  maxPages: number,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const next = await fetchPage(cursor);
    items.push(...next.items);
    if (!next.cursor) return { items, complete: true };
    cursor = next.cursor;
  }
  return { items, complete: false };
}
