import { ReachoutError } from '../../core/errors';
import type { Page } from '../../core/types';
import { type CursorList, type CursorPosition, decodeCursor, encodeCursor, resolveLimit } from './cursor';

export interface PaginateOptions<Item> {
  list: CursorList;
  cursor: string | null | undefined;
  limit: number | undefined;
  /** The item's sort key: what a cursor remembers. */
  keyOf: (item: Item) => CursorPosition;
  /** The types of the key's parts, to refuse a cursor of the wrong shape. */
  keyShape: readonly ('string' | 'number')[];
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
    const key = decodeCursor(options.list, options.cursor);
    const fits =
      key.length === options.keyShape.length && key.every((part, index) => typeof part === options.keyShape[index]);
    if (!fits) {
      throw new ReachoutError('VALIDATION', 'This page cursor is not valid for this list', {
        fieldErrors: { cursor: 'Unknown cursor' },
      });
    }
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
