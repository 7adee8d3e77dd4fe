import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../core/types';

/** What an infinite Reachout query caches: the pages, and the cursor each was fetched with. */
export type PagedData<TItem> = InfiniteData<Page<TItem>, string | null>;

interface Identified {
  id: string;
}

/** The pages with the item of the same id replaced; the same object when none matched. */
export function replaceInPages<TItem extends Identified>(data: PagedData<TItem>, item: TItem): PagedData<TItem> {
  let found = false;
  const pages = data.pages.map((page) => {
    const index = page.items.findIndex((existing) => existing.id === item.id);
    if (index === -1) return page;
    found = true;
    const items = page.items.slice();
    items[index] = item;
    return { ...page, items };
  });
  return found ? { ...data, pages } : data;
}

/** The pages with every item found in `items` (by id) replaced; the same object when none matched. */
export function replaceManyInPages<TItem extends Identified>(data: PagedData<TItem>, items: ReadonlyMap<string, TItem>): PagedData<TItem> {
  let found = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((existing) => items.has(existing.id))) return page;
    found = true;
    return { ...page, items: page.items.map((existing) => items.get(existing.id) ?? existing) };
  });
  return found ? { ...data, pages } : data;
}

function containsItem<TItem extends Identified>(data: PagedData<TItem>, id: string): boolean {
  return data.pages.some((page) => page.items.some((existing) => existing.id === id));
}

/** Puts a new item at `index` of page `pageIndex`, counting it in the first page's `total`. */
function insertAt<TItem>(data: PagedData<TItem>, pageIndex: number, index: number, item: TItem): PagedData<TItem> {
  const pages = data.pages.map((page, currentPage) => {
    let next = page;
    if (currentPage === pageIndex) {
      const items = page.items.slice();
      items.splice(index, 0, item);
      next = { ...next, items };
    }
    if (currentPage === 0 && next.total !== undefined) next = { ...next, total: next.total + 1 };
    return next;
  });
  return { ...data, pages };
}

/** Replaces the item, or puts it first when it is new (lists of newest-first live items). */
export function upsertFirst<TItem extends Identified>(data: PagedData<TItem>, item: TItem): PagedData<TItem> {
  if (containsItem(data, item.id)) return replaceInPages(data, item);
  if (data.pages.length === 0) return data;
  return insertAt(data, 0, 0, item);
}

/**
 * Replaces the item, or inserts a new one where it belongs in a newest-first list. An item
 * older than everything loaded while more pages remain belongs to a page not fetched yet:
 * it is left for that page to bring, rather than shown out of order (and later twice).
 */
export function upsertNewestFirst<TItem extends Identified>(
  data: PagedData<TItem>,
  item: TItem,
  timeOf: (item: TItem) => string,
): PagedData<TItem> {
  if (containsItem(data, item.id)) return replaceInPages(data, item);
  if (data.pages.length === 0) return data;
  const time = Date.parse(timeOf(item));
  for (const [pageIndex, page] of data.pages.entries()) {
    const index = page.items.findIndex((existing) => Date.parse(timeOf(existing)) <= time);
    if (index !== -1) return insertAt(data, pageIndex, index, item);
  }
  const lastIndex = data.pages.length - 1;
  const lastPage = data.pages[lastIndex];
  if (!lastPage || lastPage.nextCursor !== null) return data;
  return insertAt(data, lastIndex, lastPage.items.length, item);
}
