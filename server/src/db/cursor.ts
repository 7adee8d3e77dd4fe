import { ReachoutError } from 'reachout/core';

/** Which list a cursor belongs to: a cursor of one list is refused by another. */
export type CursorList = 'contacts' | 'templates' | 'tickets' | 'timeline' | 'chats';

/** The sort key of the last item of a page (keyset paging). */
export type CursorPosition = readonly (string | number)[];

/** Default and maximum page sizes (docs/http-api.md). */
export const pageLimits = { default: 50, max: 100 } as const;

const invalidCursor = () =>
  new ReachoutError('VALIDATION', 'This page cursor is not valid for this list', {
    fieldErrors: { cursor: 'Unknown cursor: start again from the first page' },
  });

/** An opaque string for a page position. */
export function encodeCursor(list: CursorList, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ list, position }), 'utf8').toString('base64url');
}

/**
 * The position in `cursor`, checked against the shape the list's key has; `VALIDATION` with
 * `fieldErrors.cursor` for a garbled cursor, another list's cursor, or a key of the wrong shape.
 */
export function decodeCursor<Shape extends readonly ('string' | 'number')[]>(
  list: CursorList,
  cursor: string,
  shape: Shape,
): { [Index in keyof Shape]: Shape[Index] extends 'number' ? number : string } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { list: cursorList, position } = parsed as { list?: unknown; position?: unknown };
  if (cursorList !== list || !Array.isArray(position) || position.length !== shape.length) throw invalidCursor();
  const fits = position.every((part: unknown, index) =>
    shape[index] === 'number' ? typeof part === 'number' && Number.isFinite(part) : typeof part === 'string',
  );
  if (!fits) throw invalidCursor();
  return position as { [Index in keyof Shape]: Shape[Index] extends 'number' ? number : string };
}

/** The page size to use; `VALIDATION` with `fieldErrors.limit` outside 1..100. */
export function resolveLimit(limit: number | undefined): number {
  if (limit === undefined) return pageLimits.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > pageLimits.max) {
    throw new ReachoutError('VALIDATION', `limit must be a whole number from 1 to ${pageLimits.max}`, {
      fieldErrors: { limit: `Use a whole number from 1 to ${pageLimits.max}` },
    });
  }
  return limit;
}
