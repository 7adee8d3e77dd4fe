import { type CursorList, type CursorPart, type CursorPosition, decodeCursor, encodeCursor, resolveLimit } from '../../core/provider-rules';
import type { Page } from '../../core/types';

export interface PaginateOptions<Item> {
  list: CursorList;
  cursor: string | null | undefined;
  limit: number | undefined;
  /** The item's sort key: what a cursor remembers. */
  keyOf: (item: Item) => CursorPosition;
  /** The types of the key's parts, to refuse a cursor of the wrong shape. */
  keyShape: readonly CursorPart[];
  /** Negative when `item` sorts before the key, positive after. */
  compareToKey: (item: Item, key: CursorPosition) => number;
}

/**
 * One page of an already sorted list. Cursors remember the last item's key (keyset paging), so
 * items added while someone pages never appear twice or push others out of view.
 */
export function paginate<Item>(sorted: readonly Item[], options: PaginateOptions<Item>): Page<Item> {
  const limit = resolveLimit(options.limit);
  let start = 0;
  if (options.cursor !== undefined && options.cursor !== null) {
    const key: CursorPosition = decodeCursor(options.list, options.cursor, options.keyShape);
    start = firstAfter(sorted, key, options.compareToKey);
  }
  const items = sorted.slice(start, start + limit);
  const last = items.at(-1);
  const hasMore = start + limit < sorted.length;
  return {
    items,
    nextCursor: hasMore && last !== undefined ? encodeCursor(options.list, options.keyOf(last)) : null,
    total: sorted.length,
  };
}

/** Binary search: the index of the first item sorting after `key`. */
function firstAfter<Item>(
  sorted: readonly Item[],
  key: CursorPosition,
  compareToKey: (item: Item, key: CursorPosition) => number,
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareToKey(sorted[middle] as Item, key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
